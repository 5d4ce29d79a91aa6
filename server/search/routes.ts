/**
 * `GET /api/agents/{agentId}/batch-runs?outcome&since&until&q&rate&page&size&tz&wait`: the
 * dashboard's own search over the agent's mirror. Behind the sign-in gate like /v1. It waits
 * up to `wait` ms (default 2000, at most 10000) for the mirror to be complete and fresh, then
 * answers with what it has; `coverage.complete` false tells the browser to ask again.
 *
 * At most SEARCH_CONCURRENCY searches compute at once (server/concurrency.ts); one beyond them
 * waits up to SEARCH_WAIT_MS for its turn, else answers 503 with `Retry-After: 1` (the browser
 * asks again then), so a burst never queues past anyone's timeout.
 */
import { Hono } from 'hono';
import { isTimeZone, OUTCOMES, type Filters, type Outcome } from '../../contract/batch-filters.ts';
import { API_MAX_PAGE_SIZE } from '../../contract/paging.ts';
import type { AppEnv } from '../app-env.ts';
import type { Limiter } from '../concurrency.ts';
import { answerBody } from './answer-body.ts';
import { historyRoute } from './history.ts';
import { latestRoute } from './latest.ts';
import { inSlot, mirrorFor, pagingFrom } from './mirror-request.ts';
import type { Mirrors } from './mirrors.ts';
import { mirrorMatches } from './search.ts';

export { searchSlots } from './mirror-request.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_QUERY = 200;
const DEFAULT_SIZE = 20;

/** The filters from a query, read like the browser reads a link (unreadable values are none). */
export function readFilters(query: (name: string) => string | undefined): Filters {
  const outcome = query('outcome');
  const day = (raw: string | undefined) => (raw && DAY.test(raw) ? raw : null);
  const q = query('q')?.trim().slice(0, MAX_QUERY);
  const rate = query('rate') ? Number(query('rate')) : NaN;
  return {
    outcome: OUTCOMES.includes(outcome as Outcome) ? (outcome as Outcome) : null,
    since: day(query('since')),
    until: day(query('until')),
    q: q ? q : null,
    rate: Number.isFinite(rate) && rate >= 0 && rate <= 100 ? rate : null,
  };
}

export function searchRoutes(
  mirrors: Mirrors,
  log: (line: string) => void,
  slots: Limiter,
): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/api/agents/:agentId/batch-runs', async (c) => {
    const tz = c.req.query('tz');
    if (tz !== undefined && !isTimeZone(tz))
      return c.json({ message: `Unknown time zone ${tz}` }, 400);
    const mirror = await mirrorFor(c, mirrors, log);
    if (mirror instanceof Response) return mirror;
    const paging = pagingFrom(c, DEFAULT_SIZE, API_MAX_PAGE_SIZE);
    c.header('Cache-Control', 'no-store');
    const sent = await inSlot(c, slots, () => {
      const set = mirrorMatches(
        mirror,
        readFilters((name) => c.req.query(name)),
        tz,
      );
      return answerBody(set, paging, mirror.coverage, c.req.header('Accept-Encoding'));
    });
    if (sent instanceof Response) return sent;
    c.header('Content-Type', 'application/json');
    c.header('Vary', 'Accept-Encoding');
    if (sent.gzipped) c.header('Content-Encoding', 'gzip');
    return c.body(sent.body);
  });
  // A test case's runs across all the agent's batches (history.ts), over the same mirrors.
  historyRoute(app, mirrors, log, slots);
  // The agent's newest batch runs from the same mirror, for a filtered view's headline.
  latestRoute(app, mirrors, log);
  return app;
}
