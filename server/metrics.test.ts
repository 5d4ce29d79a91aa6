// @vitest-environment node
/**
 * /metrics: Prometheus text with the names operators alert on, under route names (never raw
 * paths), behind METRICS_TOKEN when set, and never carrying an address, an id or a key.
 */
import { describe, expect, it } from 'vitest';
import { startUpstreamStub } from './api/testing/upstream-stub.ts';
import type { ForwardTarget } from './api/targets.ts';
import { createServerApp } from './app.ts';
import { loadConfig } from './config.ts';
import { metrics, routeName, signInOutcomeOf } from './metrics.ts';

const KEY = 'canary-key-in-metrics-test-7d21';
const TOKEN = 'metrics-token-for-the-test-0123';
const AGENT = 'agent_SecretishAgentId42';
const BATCH = 'batch_SecretishBatchId77';

/** Prometheus text as `name{labels} value` samples; throws on a line that is neither. */
function parse(text: string): { name: string; labels: Record<string, string>; value: number }[] {
  const samples: { name: string; labels: Record<string, string>; value: number }[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('# HELP ') || line.startsWith('# TYPE ')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (-?[0-9.e+-]+|NaN|[+-]Inf)$/.exec(line);
    if (!match) throw new Error(`not Prometheus text: ${line}`);
    const labels: Record<string, string> = {};
    for (const m of (match[2] ?? '').matchAll(/([a-zA-Z_]\w*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[m[1]!] = m[2]!;
    }
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

function slowTarget(): ForwardTarget {
  return {
    baseUrl: 'http://upstream.invalid',
    apiKey: KEY,
    send: () => new Promise<Response>(() => {}),
  };
}

describe('GET /metrics', () => {
  it('counts requests by route name and status, upstream time and errors, cap 503s and sign-ins, and leaks nothing', async () => {
    const upstream = await startUpstreamStub();
    try {
      const app = createServerApp(
        loadConfig(
          {
            SIGMAMIND_API_KEY: KEY,
            SIGMAMIND_API_URL: upstream.url,
            LOG_LEVEL: 'silent',
            UPSTREAM_TIMEOUT_MS: '200',
          },
          'serve',
        ),
      );
      const get = (path: string, headers: Record<string, string> = {}) =>
        app.fetch(new Request(`http://127.0.0.1${path}`, { headers }));
      await get(`/v1/batch-runs?agentId=${AGENT}`);
      await get(`/v1/batch-runs/${BATCH}?agentId=${AGENT}`);
      await get('/v1/batch-runs?agentId=slow'); // 504 after 200 ms
      await get('/v1/agents', { Cookie: 'sm_session=someone@example.com' });

      // The concurrency cap: one slot, held by a call that never answers.
      const capped = createServerApp(
        loadConfig({ SIGMAMIND_API_KEY: KEY, LOG_LEVEL: 'silent', MAX_UPSTREAM_CONCURRENCY: '1' }),
        { target: slowTarget() },
      );
      const hold = new AbortController();
      void Promise.resolve(
        capped.fetch(new Request('http://127.0.0.1/v1/agents', { signal: hold.signal })),
      ).catch(() => {});
      const refused = await capped.fetch(new Request('http://127.0.0.1/v1/agents'));
      expect(refused.status).toBe(503);
      hold.abort();
      metrics.signIns.inc({ outcome: 'signed_in' });

      const response = await get('/metrics');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await response.text();
      const samples = parse(text);
      const names = new Set(samples.map((s) => s.name));
      for (const name of [
        'dashboard_http_requests_total',
        'dashboard_http_request_duration_seconds_bucket',
        'dashboard_upstream_request_duration_seconds_count',
        'dashboard_upstream_errors_total',
        'dashboard_upstream_cap_rejections_total',
        'dashboard_sign_ins_total',
        'dashboard_dependency_up',
        'dashboard_process_resident_memory_bytes',
      ]) {
        expect(names, name).toContain(name);
      }
      const find = (name: string, labels: Record<string, string>) =>
        samples.find(
          (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
        );
      expect(
        find('dashboard_http_requests_total', { route: '/v1/batch-runs/:batchId' })?.value,
      ).toBeGreaterThanOrEqual(1);
      expect(
        find('dashboard_http_requests_total', { route: '/v1/batch-runs', status: '504' })?.value,
      ).toBeGreaterThanOrEqual(1);
      expect(
        find('dashboard_upstream_errors_total', { route: 'batch-runs', kind: 'timeout' })?.value,
      ).toBeGreaterThanOrEqual(1);
      expect(find('dashboard_upstream_cap_rejections_total', {})?.value).toBeGreaterThanOrEqual(1);
      expect(
        find('dashboard_sign_ins_total', { outcome: 'signed_in' })?.value,
      ).toBeGreaterThanOrEqual(1);
      expect(find('dashboard_dependency_up', { dependency: 'api' })?.value).toBe(1);
      // Route names only: no id, address, key or raw path made it into a label.
      expect(text).not.toMatch(new RegExp(`${KEY}|${AGENT}|${BATCH}|@example\\.com|agentId|slow`));
      const routes = new Set(samples.map((s) => s.labels.route).filter(Boolean));
      for (const route of routes) expect(route).toMatch(/^(\/[a-zA-Z0-9/:*-]*|other|[a-z-]+)$/);
    } finally {
      await upstream.close();
    }
  });

  it('asks for the bearer token when METRICS_TOKEN is set', async () => {
    const app = createServerApp(
      loadConfig({ SANDBOX: '1', LOG_LEVEL: 'silent', METRICS_TOKEN: TOKEN }, 'serve'),
    );
    const ask = (authorization?: string) =>
      app.fetch(
        new Request('http://127.0.0.1/metrics', {
          headers: authorization ? { Authorization: authorization } : {},
        }),
      );
    const without = await ask();
    expect(without.status).toBe(401);
    expect(without.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect((await ask(`Bearer ${TOKEN}x`)).status).toBe(401);
    expect((await ask('Bearer wrong')).status).toBe(401);
    const withToken = await ask(`Bearer ${TOKEN}`);
    expect(withToken.status).toBe(200);
    expect(await withToken.text()).toContain('dashboard_http_requests_total');
  });
});

describe('sign-ins', () => {
  it('are counted from the callback answer, by outcome', async () => {
    const app = createServerApp(
      loadConfig(
        {
          SANDBOX: '1',
          LOG_LEVEL: 'silent',
          AUTH_OIDC_ISSUER: 'http://127.0.0.1:9',
          AUTH_OIDC_CLIENT_ID: 'dashboard',
          AUTH_OIDC_CLIENT_SECRET: 'secret',
          PUBLIC_URL: 'http://127.0.0.1:4173',
          SESSION_SECRET: 'x'.repeat(32),
          ALLOWED_EMAIL_DOMAINS: 'example.com',
        },
        'serve',
      ),
    );
    const counts = async () =>
      new Map((await metrics.signIns.get()).values.map((v) => [v.labels.outcome, v.value]));
    const before = await counts();
    // A callback this browser never started: refused before the provider is asked.
    const answer = await app.fetch(
      new Request('http://127.0.0.1/auth/callback?code=c&state=not-started'),
    );
    expect(answer.status).toBe(400);
    const after = await counts();
    const grown = [...after].filter(([outcome, value]) => value > (before.get(outcome) ?? 0));
    // One more, under the word the auth code names (bad_state), or else the status's (failed).
    expect(grown).toHaveLength(1);
    expect(['bad_state', 'failed']).toContain(grown[0]![0]);
    expect(grown[0]![1]).toBe((before.get(grown[0]![0]) ?? 0) + 1);
  });
});

describe('routeName', () => {
  it('names routes, never paths with ids', () => {
    expect(routeName('/v1/batch-runs/batch_abc')).toBe('/v1/batch-runs/:batchId');
    expect(routeName('/v1/agents')).toBe('/v1/agents');
    expect(routeName('/v1/anything/else')).toBe('/v1/other');
    expect(routeName('/auth/callback')).toBe('/auth/callback');
    expect(routeName('/auth/whatever')).toBe('/auth/other');
    expect(routeName('/assets/index-abc123.js')).toBe('/assets/*');
    expect(routeName('/agents/agent_123')).toBe('other');
    expect(routeName('/api/agents/agent_123/batch-runs')).toBe('/api/agents/:agentId/batch-runs');
    expect(routeName('/api/agents/agent_123/test-cases/tc_1/runs')).toBe(
      '/api/agents/:agentId/test-cases/:testCaseId/runs',
    );
    expect(routeName('/api/agents/agent_123')).toBe('/api/other');
  });

  it('derives a sign-in outcome from the callback answer', () => {
    expect(signInOutcomeOf(303)).toBe('signed_in');
    expect(signInOutcomeOf(403)).toBe('refused');
    expect(signInOutcomeOf(400)).toBe('failed');
  });
});
