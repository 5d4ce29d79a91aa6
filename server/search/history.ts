/**
 * `GET /api/agents/{agentId}/test-cases/{testCaseId}/runs?page&size&wait`: a test case's
 * history over the agent's mirror, every batch that ran it (contract/test-case-runs.ts says
 * which), newest first, as pages, with the coverage while the mirror fills. Behind the sign-in
 * gate like the search (`/api`), in the same SEARCH_CONCURRENCY slots. Waits up to `wait` ms
 * (default 2000, at most 10000) for the mirror to be complete and fresh; `coverage.complete`
 * false tells the browser to ask again. A test case's runs are kept per mirror version
 * (history-cache.ts), so asking again reads only what the walk appended since.
 */
import type { Hono } from 'hono';
import { pageInfo, pageSlice } from '../../contract/paging.ts';
import { HISTORY_MAX_RUNS } from '../../contract/test-case-runs.ts';
import type { AppEnv } from '../app-env.ts';
import type { Limiter } from '../concurrency.ts';
import { inSlot, mirrorFor, pagingFrom } from './mirror-request.ts';
import type { Mirrors } from './mirrors.ts';

const DEFAULT_SIZE = 50;

export function historyRoute(
  app: Hono<AppEnv>,
  mirrors: Mirrors,
  log: (line: string) => void,
  slots: Limiter,
) {
  app.get('/api/agents/:agentId/test-cases/:testCaseId/runs', async (c) => {
    const testCaseId = c.req.param('testCaseId');
    const mirror = await mirrorFor(c, mirrors, log);
    if (mirror instanceof Response) return mirror;
    const paging = pagingFrom(c, DEFAULT_SIZE, HISTORY_MAX_RUNS);
    c.header('Cache-Control', 'no-store');
    const answer = await inSlot(c, slots, () => {
      const runs = mirror.histories.runs(mirror.batches, mirror.version, testCaseId);
      const [start, end] = pageSlice(runs.length, paging);
      return {
        data: runs.slice(start, end),
        ...pageInfo(runs.length, paging),
        coverage: mirror.coverage,
      };
    });
    return answer instanceof Response ? answer : c.json(answer);
  });
}
