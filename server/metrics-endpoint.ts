/**
 * `GET /metrics`: Prometheus text (server/metrics.ts), outside sign-in and the Host check like
 * the probes. With METRICS_TOKEN set it asks for `Authorization: Bearer <token>`, compared in
 * constant time. Collecting also refreshes the cached dependency checks (/statusz).
 */
import { timingSafeEqual } from 'node:crypto';
import type { Hono } from 'hono';
import type { AppEnv } from './app-env.ts';
import { registry } from './metrics.ts';

export function mountMetrics(
  app: Hono<AppEnv>,
  token: string | null,
  refresh: () => Promise<unknown>,
): void {
  app.get('/metrics', async (c) => {
    if (token !== null && !sameToken(c.req.header('Authorization'), `Bearer ${token}`)) {
      return c.text('Unauthorized: send Authorization: Bearer <METRICS_TOKEN>', 401, {
        'WWW-Authenticate': 'Bearer realm="metrics"',
        'Cache-Control': 'no-store',
      });
    }
    await refresh();
    return c.body(await registry.metrics(), 200, {
      'Content-Type': registry.contentType,
      'Cache-Control': 'no-store',
    });
  });
}

function sameToken(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
