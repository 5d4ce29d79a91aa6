/**
 * Probes for a load balancer or an orchestrator, outside sign-in and the Host check, and
 * carrying no workspace data. `/healthz`: the process answers. `/readyz`: the API answered the
 * key recently (the sandbox always does). Readiness is cached, and never more than one check is
 * in flight, so probes from many balancers cost the upstream one small request now and then.
 */
import type { Hono } from 'hono';
import type { ApiConfig } from './config.ts';
import type { ForwardTarget } from './api/targets.ts';
import type { AppEnv } from './app-env.ts';

const READY_FOR_MS = 30_000;
const NOT_READY_FOR_MS = 5_000;

interface Readiness {
  ready: boolean;
  reason?: string;
  checkedAt: number;
}

export function mountHealth(app: Hono<AppEnv>, config: ApiConfig, target: ForwardTarget): void {
  let last: Readiness | null = null;
  let checking: Promise<Readiness> | null = null;

  async function check(): Promise<Readiness> {
    const signal = AbortSignal.timeout(Math.min(config.upstreamTimeoutMs, 5_000));
    try {
      const response = await target.send(
        new Request(`${target.baseUrl}/v1/agents?page=0&size=1`, {
          headers: { 'X-API-Key': target.apiKey, Accept: 'application/json' },
          signal,
          redirect: 'manual',
        }),
      );
      await response.body?.cancel();
      return response.ok
        ? { ready: true, checkedAt: Date.now() }
        : { ready: false, reason: `the API answered ${response.status}`, checkedAt: Date.now() };
    } catch {
      return { ready: false, reason: 'the API could not be reached', checkedAt: Date.now() };
    }
  }

  function readiness(): Promise<Readiness> {
    const now = Date.now();
    if (last && now - last.checkedAt < (last.ready ? READY_FOR_MS : NOT_READY_FOR_MS)) {
      return Promise.resolve(last);
    }
    checking ??= check().then((result) => {
      last = result;
      checking = null;
      return result;
    });
    return checking;
  }

  const noStore = { 'Cache-Control': 'no-store' };
  app.get('/healthz', (c) => c.json({ ok: true }, 200, noStore));
  app.get('/readyz', async (c) => {
    const { ready, reason, checkedAt } = await readiness();
    const body = {
      ready,
      ...(reason ? { reason } : {}),
      checkedAt: new Date(checkedAt).toISOString(),
    };
    return c.json(body, ready ? 200 : 503, noStore);
  });
}
