/**
 * `GET /api/agents/{agentId}/latest?size&wait`: the agent's newest batch runs as the API's
 * first page (`GET /v1/batch-runs?agentId&page=0&size`), answered from the agent's mirror. A
 * filtered view reads its headline here, so that it asks SigmaMind nothing that the mirror's
 * walk or head check does not already ask: ten teammates opening one filtered link cost one
 * walk. A complete mirror answers after its head check (at most a second old, agent-mirror.ts);
 * a filling one as soon as its first pages are in, so the head may be as old as the walk. Until
 * then (after `wait` ms) it answers 503 with `Retry-After: 1`. Behind the sign-in gate like the
 * search; no search slot, as the answer is a slice of what is held.
 */
import type { Hono } from 'hono';
import { API_MAX_PAGE_SIZE, pageInfo } from '../../contract/paging.ts';
import { sentAs } from '../../contract/read-batch-runs.ts';
import type { AppEnv } from '../app-env.ts';
import { mirrorFor, pagingFrom } from './mirror-request.ts';
import type { Mirrors } from './mirrors.ts';

const DEFAULT_SIZE = 20;

export function latestRoute(app: Hono<AppEnv>, mirrors: Mirrors, log: (line: string) => void) {
  app.get('/api/agents/:agentId/latest', async (c) => {
    const { size } = pagingFrom(c, DEFAULT_SIZE, API_MAX_PAGE_SIZE);
    // A complete mirror waits for its head check; a filling one only for its first pages.
    const mirror = await mirrorFor(c, mirrors, log, (held) =>
      held.complete ? undefined : held.holding(size),
    );
    if (mirror instanceof Response) return mirror;
    c.header('Cache-Control', 'no-store');
    if (!mirror.holds(size)) {
      c.header('Retry-After', '1');
      return c.json(
        { message: "Still reading the agent's batch runs: try again in a second." },
        503,
      );
    }
    return c.json({
      data: mirror.batches.slice(0, size).map(sentAs),
      ...pageInfo(mirror.totalCount, { page: 0, size }),
    });
  });
}
