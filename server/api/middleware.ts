/**
 * Mounts an ApiHandler into a Hono app: requests in the /v1 namespace are answered by the
 * handler, everything else goes on. On Node the raw request-target is read off the socket
 * (before URL normalisation) so path tricks are judged as the client wrote them. The dev
 * server and the production server both mount it, inside the same app (server/app.ts).
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { ApiHandler } from './forward.ts';
import { isApiNamespace, targetOf } from './request-target.ts';

export function rawTargetOf(request: Request, incomingUrl: string | undefined): string {
  // Absolute-form targets (`GET http://host/…`) are judged by their parsed path instead.
  return incomingUrl?.startsWith('/') ? incomingUrl : targetOf(request);
}

/** The /v1 namespace, spelled either way: `/x/../v1/…` normalises into it, `/v1/../x` out of it. */
export function isApiRequest(rawTarget: string, normalisedPath: string): boolean {
  return isApiNamespace(rawTarget) || isApiNamespace(normalisedPath);
}

export function apiMiddleware(handler: ApiHandler): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const rawTarget = rawTargetOf(c.req.raw, c.env?.incoming?.url);
    if (isApiRequest(rawTarget, c.req.path)) {
      return handler(c.req.raw, rawTarget, ({ upstreamMs }) => c.set('upstreamMs', upstreamMs));
    }
    await next();
  };
}
