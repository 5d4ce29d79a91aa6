/**
 * One JSON line per request (pino): request id, client address, signed-in address, method,
 * path, status, duration, time spent upstream and time spent waiting for its turn
 * (server/turns.ts). Never the query string, the key, cookies or tokens: the line is built from
 * named fields only, not from the request's headers. The same numbers feed the request metrics
 * (server/metrics.ts), under route names instead of paths.
 */
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { AppEnv } from './app-env.ts';
import { clientAddress, type TrustProxy } from './client-address.ts';
import { metrics, routeName, signInOutcomeOf } from './metrics.ts';
import type { Turns } from './turns.ts';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

export function accessLog(
  logger: Logger,
  trustProxy: TrustProxy = null,
  turns?: Turns,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header('X-Request-Id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    await next();
    c.res.headers.set('X-Request-Id', requestId);
    const ms = performance.now() - started;
    const upstreamMs = c.get('upstreamMs');
    const waitedMs = turns?.queued(c.req.raw)?.waitedMs;
    const status = c.res.status;
    logger.info({
      requestId,
      client: clientAddress(
        trustProxy,
        c.env?.incoming?.socket.remoteAddress,
        c.req.header('X-Forwarded-For'),
      ),
      user: c.get('user') ?? null,
      method: c.req.method,
      path: c.req.path.slice(0, 512),
      status,
      ms: round(ms),
      upstreamMs: upstreamMs === undefined ? null : round(upstreamMs),
      ...(waitedMs === undefined ? {} : { waitedMs: round(waitedMs) }),
      ...(c.get('shed') ? { shed: c.get('shed') } : {}),
    });

    const route = routeName(c.req.path);
    const method = ['GET', 'HEAD', 'POST'].includes(c.req.method) ? c.req.method : 'other';
    metrics.requests.inc({ route, method, status: String(status) });
    metrics.requestDuration.observe({ route }, ms / 1000);
    if (route === '/auth/callback') {
      metrics.signIns.inc({ outcome: c.get('signInOutcome') ?? signInOutcomeOf(status) });
    }
  };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
