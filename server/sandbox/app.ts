/**
 * The embedded sandbox SigmaMind API: the three read endpoints the dashboard uses, served from
 * deterministic generated data, behind the same X-API-Key check and error body as the real API.
 * The forwarding layer calls `createSandboxApp().fetch(request)` in-process.
 */
import { Hono } from 'hono';
import { batchAt, batchCount, findBatch } from './batches.ts';
import { AGENTS, agentListing, findAgent } from './catalog.ts';
import { DEFAULT_CYCLE_SECONDS, type Clock } from './live.ts';
import { pageOf, parsePaging } from './pagination.ts';

/** Not a secret: it only unlocks made-up data, and the forwarding layer adds it server-side. */
export const SANDBOX_API_KEY = 'sandbox-local-key';

export interface SandboxOptions {
  /** The wall clock, in ms; tests pass their own to drive the live agent. */
  now?: () => number;
  /** Live cycle length (SANDBOX_LIVE_CYCLE_SECONDS, read by server/config.ts); defaults to 60. */
  liveCycleSeconds?: number | undefined;
}

type ErrorStatus = 400 | 401 | 404 | 500;

const REASONS: Record<ErrorStatus, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  500: 'Internal Server Error',
};

/** A required query parameter: blank counts as missing. */
const required = (value: string | undefined) => value?.trim() || undefined;

export function createSandboxApp(options: SandboxOptions = {}): Hono {
  const now = options.now ?? Date.now;
  const cycleSeconds = options.liveCycleSeconds ?? DEFAULT_CYCLE_SECONDS;
  const cycleMs = 1000 * cycleSeconds;
  const app = new Hono();

  /** The documented error body: `{ error, message, path, status, timestamp }`. */
  const fail = (path: string, status: ErrorStatus, message: string) =>
    Response.json(
      { error: REASONS[status], message, path, status, timestamp: new Date(now()).toISOString() },
      { status },
    );

  app.use('*', async (c, next) => {
    if (c.req.header('X-API-Key') !== SANDBOX_API_KEY) {
      return fail(c.req.path, 401, 'A valid X-API-Key header is required');
    }
    await next();
  });

  app.get('/v1/batch-runs', (c) => {
    const agentId = required(c.req.query('agentId'));
    if (!agentId) return fail(c.req.path, 400, 'agentId is required');
    const paging = parsePaging({ page: c.req.query('page'), size: c.req.query('size') });
    if ('error' in paging) return fail(c.req.path, 400, paging.error);

    const agent = findAgent(agentId);
    // An unknown agent simply has no batch runs, as far as a list can tell.
    if (!agent) return c.json(pageOf(0, paging, () => []));
    const clock: Clock = { nowMs: now(), cycleMs };
    return c.json(
      pageOf(batchCount(agent), paging, (start, end) =>
        Array.from({ length: end - start }, (_, offset) => batchAt(agent, start + offset, clock)),
      ),
    );
  });

  app.get('/v1/batch-runs/:batchId', (c) => {
    const agentId = required(c.req.query('agentId'));
    if (!agentId) return fail(c.req.path, 400, 'agentId is required');
    const batchId = c.req.param('batchId');
    const agent = findAgent(agentId);
    const batch = agent && findBatch(agent, batchId, { nowMs: now(), cycleMs });
    if (!batch) return fail(c.req.path, 404, `Batch run ${batchId} not found for agent ${agentId}`);
    return c.json(batch);
  });

  app.get('/v1/agents', (c) => {
    const paging = parsePaging({ page: c.req.query('page'), size: c.req.query('size') });
    if ('error' in paging) return fail(c.req.path, 400, paging.error);
    return c.json(
      pageOf(AGENTS.length, paging, (start, end) => AGENTS.slice(start, end).map(agentListing)),
    );
  });

  app.notFound((c) => fail(c.req.path, 404, `No route for ${c.req.method} ${c.req.path}`));
  app.onError((error, c) => {
    console.error('sandbox API error', error);
    return fail(c.req.path, 500, 'The sandbox failed to answer this request');
  });

  return app;
}
