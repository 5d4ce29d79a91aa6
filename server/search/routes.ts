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
import { Limiter, nextTurn } from '../concurrency.ts';
import { metrics } from '../metrics.ts';
import type { Mirrors } from './mirrors.ts';
import { answerBody } from './answer-body.ts';
import { historyRoute } from './history.ts';
import { mirrorMatches } from './search.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_QUERY = 200;
const DEFAULT_WAIT_MS = 2000;
const MAX_WAIT_MS = 10_000;
const DEFAULT_SIZE = 20;
/** How long a search may wait for a free slot before it answers 503. */
export const SEARCH_WAIT_MS = 1000;

function integer(raw: string | undefined, fallback: number, min: number, max: number): number {
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  return Number.isInteger(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

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

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** SEARCH_CONCURRENCY slots, each waited for at most SEARCH_WAIT_MS. */
export function searchSlots(concurrency: number): Limiter {
  return new Limiter({ limit: concurrency, maxWaitMs: SEARCH_WAIT_MS });
}

export function searchRoutes(
  mirrors: Mirrors,
  log: (line: string) => void,
  slots: Limiter,
): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/api/agents/:agentId/batch-runs', async (c) => {
    const agentId = c.req.param('agentId');
    const tz = c.req.query('tz');
    if (tz !== undefined && !isTimeZone(tz))
      return c.json({ message: `Unknown time zone ${tz}` }, 400);
    const waitMs = integer(c.req.query('wait'), DEFAULT_WAIT_MS, 0, MAX_WAIT_MS);
    const mirror = mirrors.for(agentId);
    const work = mirror.refresh().catch((error: unknown) => {
      log(`Search: agent ${agentId}: ${error instanceof Error ? error.message : String(error)}`);
    });
    await Promise.race([work, sleep(waitMs)]);
    if (mirror.error && mirror.batches.length === 0) {
      c.header('Retry-After', '1');
      return c.json(
        { message: `Could not read the agent's batch runs: ${mirror.error.message}` },
        502,
      );
    }
    const paging = {
      page: integer(c.req.query('page'), 0, 0, 1_000_000),
      size: integer(c.req.query('size'), DEFAULT_SIZE, 1, API_MAX_PAGE_SIZE),
    };
    const search = async () => {
      const set = mirrorMatches(
        mirror,
        readFilters((name) => c.req.query(name)),
        tz,
      );
      // The search is synchronous: its slot is held a turn while others' I/O runs.
      const [sent] = await Promise.all([
        answerBody(set, paging, mirror.coverage, c.req.header('Accept-Encoding')),
        nextTurn(),
      ]);
      return sent;
    };
    c.header('Cache-Control', 'no-store');
    const done = await slots.run(search, c.req.raw.signal);
    if (!done.ran) {
      if (!c.req.raw.signal.aborted) metrics.shed.inc({ work: 'search' });
      c.set('shed', 'search');
      c.header('Retry-After', '1');
      return c.json({ message: 'The server is busy searching: try again in a second.' }, 503);
    }
    const sent = done.value;
    c.header('Content-Type', 'application/json');
    c.header('Vary', 'Accept-Encoding');
    if (sent.gzipped) c.header('Content-Encoding', 'gzip');
    return c.body(sent.body);
  });
  // A test case's runs across all the agent's batches (history.ts), over the same mirrors.
  historyRoute(app, mirrors, log);
  return app;
}
