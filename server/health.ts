/**
 * Probes for a load balancer or an orchestrator, outside sign-in and the Host check, carrying
 * no workspace data:
 * - `/healthz`: the process answers.
 * - `/readyz`: this replica can serve: its settings were accepted (it started), its build is
 *   loaded, and it is not draining (503 from the moment SIGTERM arrives, before the port closes).
 *   Nothing outside the process counts: an API or provider outage must not take every replica
 *   out of rotation at once.
 * - `/statusz`: how the shared dependencies (the SigmaMind API, the identity provider) answered
 *   their last check, as JSON for people and dashboards; the same numbers are in /metrics. The
 *   checks are cached and never more than one is in flight, so probes cost the upstream one
 *   small request now and then.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono } from 'hono';
import type { ForwardTarget } from './api/targets.ts';
import type { AppEnv } from './app-env.ts';
import type { ServerConfig } from './config.ts';
import { metrics } from './metrics.ts';

const OK_FOR_MS = 30_000;
const FAILING_FOR_MS = 5_000;

/** What the process tells the probes: set `draining` when SIGTERM arrives. */
export interface Lifecycle {
  draining: boolean;
}

export interface HealthOptions {
  lifecycle: Lifecycle;
  /** The build served, if any: ready once its index.html is there and the server build tried. */
  distDir?: string;
  serverBuildLoaded?: () => Promise<boolean>;
}

interface Check {
  ok: boolean;
  reason?: string;
  checkedAt: string;
}

/** A check run at most once at a time, its result kept 30 s (5 s when it failed). */
function cached(name: string, run: () => Promise<Omit<Check, 'checkedAt'>>) {
  let last: { check: Check; at: number } | null = null;
  let running: Promise<Check> | null = null;
  return (): Promise<Check> => {
    const now = Date.now();
    if (last && now - last.at < (last.check.ok ? OK_FOR_MS : FAILING_FOR_MS)) {
      return Promise.resolve(last.check);
    }
    running ??= run()
      .catch(() => ({ ok: false, reason: 'the check failed' }))
      .then((result) => {
        const check = { ...result, checkedAt: new Date().toISOString() };
        last = { check, at: Date.now() };
        metrics.dependencyUp.set({ dependency: name }, result.ok ? 1 : 0);
        running = null;
        return check;
      });
    return running;
  };
}

async function probe(request: Request, send: (r: Request) => Promise<Response>, what: string) {
  try {
    const response = await send(request);
    await response.body?.cancel();
    return response.ok
      ? { ok: true }
      : { ok: false, reason: `${what} answered ${response.status}` };
  } catch {
    return { ok: false, reason: `${what} could not be reached` };
  }
}

/** The dependency checks /statusz and /metrics report. */
export function dependencyChecks(config: ServerConfig, target: ForwardTarget) {
  const timeout = () => AbortSignal.timeout(Math.min(config.upstreamTimeoutMs, 5_000));
  const api = cached('api', () =>
    probe(
      new Request(`${target.baseUrl}/v1/agents?page=0&size=1`, {
        headers: { 'X-API-Key': target.apiKey, Accept: 'application/json' },
        signal: timeout(),
        redirect: 'manual',
      }),
      (request) => target.send(request),
      'the API',
    ),
  );
  const issuer = config.auth?.issuer;
  const identityProvider = issuer
    ? cached('identity_provider', () =>
        probe(
          new Request(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, {
            signal: timeout(),
            redirect: 'manual',
          }),
          (request) => fetch(request),
          'the identity provider',
        ),
      )
    : null;
  return { api, identityProvider };
}

export function mountHealth(
  app: Hono<AppEnv>,
  checks: ReturnType<typeof dependencyChecks>,
  options: HealthOptions,
): void {
  const noStore = { 'Cache-Control': 'no-store' };
  let buildThere = false;

  app.get('/healthz', (c) => c.json({ ok: true }, 200, noStore));
  app.get('/readyz', async (c) => {
    if (options.lifecycle.draining) {
      return c.json({ ready: false, reason: 'draining: shutting down' }, 503, noStore);
    }
    if (options.distDir && !buildThere) {
      buildThere = existsSync(join(options.distDir, 'index.html'));
      if (!buildThere) return c.json({ ready: false, reason: 'no build' }, 503, noStore);
    }
    const serverRender = options.serverBuildLoaded ? await options.serverBuildLoaded() : false;
    if (options.lifecycle.draining) {
      return c.json({ ready: false, reason: 'draining: shutting down' }, 503, noStore);
    }
    return c.json({ ready: true, serverRender }, 200, noStore);
  });
  app.get('/statusz', async (c) => {
    const [api, identityProvider] = await Promise.all([
      checks.api(),
      checks.identityProvider?.() ?? null,
    ]);
    return c.json(
      { api, ...(identityProvider ? { identityProvider } : {}) },
      200,
      // Cheap to ask again, but intermediaries need not keep it.
      noStore,
    );
  });
}
