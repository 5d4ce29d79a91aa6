/**
 * One JSON line per request (pino): request id, signed-in address, method, path, status,
 * duration and time spent upstream. Never the query string, the key, cookies or tokens: the
 * line is built from named fields only, not from the request's headers.
 */
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { AppEnv } from './app-env.ts';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

export function accessLog(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header('X-Request-Id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    await next();
    c.res.headers.set('X-Request-Id', requestId);
    const upstreamMs = c.get('upstreamMs');
    logger.info({
      requestId,
      user: c.get('user') ?? null,
      method: c.req.method,
      path: c.req.path.slice(0, 512),
      status: c.res.status,
      ms: round(performance.now() - started),
      upstreamMs: upstreamMs === undefined ? null : round(upstreamMs),
    });
  };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
