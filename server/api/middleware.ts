/**
 * Mounts an ApiHandler into a Hono app: requests in the /v1 namespace are answered by the
 * handler, everything else goes on. On Node the raw request-target is read off the socket
 * (before URL normalisation) so path tricks are judged as the client wrote them.
 */
import type { HttpBindings } from '@hono/node-server';
import type { MiddlewareHandler } from 'hono';
import type { ApiHandler } from './forward.ts';
import { isApiNamespace, targetOf } from './request-target.ts';

/** Bindings as @hono/node-server provides them; absent when a test calls `app.fetch`. */
export type NodeEnv = { Bindings: Partial<HttpBindings> };

export function rawTargetOf(request: Request, incomingUrl: string | undefined): string {
  // Absolute-form targets (`GET http://host/…`) are judged by their parsed path instead.
  return incomingUrl?.startsWith('/') ? incomingUrl : targetOf(request);
}

export function apiMiddleware(handler: ApiHandler): MiddlewareHandler<NodeEnv> {
  return async (c, next) => {
    const rawTarget = rawTargetOf(c.req.raw, c.env?.incoming?.url);
    // Either spelling in /v1 counts: `/x/../v1/…` normalises into it, `/v1/../x` out of it.
    if (isApiNamespace(rawTarget) || isApiNamespace(c.req.path)) {
      return handler(c.req.raw, rawTarget);
    }
    await next();
  };
}
