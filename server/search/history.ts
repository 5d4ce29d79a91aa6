/**
 * `GET /api/agents/{agentId}/test-cases/{testCaseId}/runs?page&size&wait`: a test case's
 * history over the agent's mirror, every batch that ran it (contract/test-case-runs.ts says
 * which), newest first, as pages, with the coverage while the mirror fills. Behind the sign-in
 * gate like the search (`/api`). Waits up to `wait` ms (default 2000, at most 10000) for the
 * mirror to be complete and fresh; `coverage.complete` false tells the browser to ask again.
 */
import type { Hono } from 'hono';
import { pageInfo, pageSlice } from '../../contract/paging.ts';
import { HISTORY_MAX_RUNS, testCaseRuns } from '../../contract/test-case-runs.ts';
import type { AppEnv } from '../app-env.ts';
import type { Mirrors } from './mirrors.ts';

const DEFAULT_WAIT_MS = 2000;
const MAX_WAIT_MS = 10_000;
const DEFAULT_SIZE = 50;

function integer(raw: string | undefined, fallback: number, min: number, max: number): number {
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  return Number.isInteger(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function historyRoute(app: Hono<AppEnv>, mirrors: Mirrors, log: (line: string) => void) {
  app.get('/api/agents/:agentId/test-cases/:testCaseId/runs', async (c) => {
    const agentId = c.req.param('agentId');
    const testCaseId = c.req.param('testCaseId');
    const waitMs = integer(c.req.query('wait'), DEFAULT_WAIT_MS, 0, MAX_WAIT_MS);
    const mirror = mirrors.for(agentId);
    const work = mirror.refresh().catch((error: unknown) => {
      log(`History: agent ${agentId}: ${error instanceof Error ? error.message : String(error)}`);
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
      size: integer(c.req.query('size'), DEFAULT_SIZE, 1, HISTORY_MAX_RUNS),
    };
    const runs = testCaseRuns(mirror.batches, testCaseId);
    const [start, end] = pageSlice(runs.length, paging);
    c.header('Cache-Control', 'no-store');
    return c.json({
      data: runs.slice(start, end),
      ...pageInfo(runs.length, paging),
      coverage: mirror.coverage,
    });
  });
}
