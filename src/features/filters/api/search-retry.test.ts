/**
 * The server turns a search away at SEARCH_CONCURRENCY with 503 and `Retry-After: 1`
 * (server/search/routes.ts): the search query retries it after that second, as it does /v1's,
 * and shows the answer that follows.
 */
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createQueryClient } from '../../../lib/query-client';
import { NO_FILTERS } from '../../../lib/view/view';
import { server } from '../../../test/msw-server';
import { searchQueries } from './search-queries';

/** An answer with no matches (the summary's fields as both the answer's versions name them). */
const answer = {
  data: [],
  page: 0,
  size: 20,
  totalCount: 0,
  totalPages: 0,
  hasNext: false,
  hasPrevious: false,
  summary: {
    failed: 0,
    passed: 0,
    unfinished: 0,
    succeeded: 0,
    failedAttempts: 0,
    finished: 0,
    pending: 0,
    passRate: null,
  },
  chart: [],
  coverage: { searched: 125, of: 125, complete: true },
};

describe('a search answered 503 with Retry-After', () => {
  it('is asked again after the time the server said, then answers', async () => {
    const asked: number[] = [];
    server.use(
      http.get('*/api/agents/:agentId/batch-runs', () => {
        asked.push(performance.now());
        return asked.length === 1
          ? HttpResponse.json(
              { message: 'The server is busy searching: try again in a second.' },
              { status: 503, headers: { 'Retry-After': '1' } },
            )
          : HttpResponse.json(answer);
      }),
    );
    const client = createQueryClient();
    const params = {
      agentId: 'agent_D5D0p7TUs66TTAEAx',
      filters: { ...NO_FILTERS, outcome: 'failed' as const },
      tz: 'UTC',
      page: 1,
      size: 20,
    };
    const result = await client.fetchQuery(searchQueries.page(params));
    expect(result.coverage.complete).toBe(true);
    expect(asked).toHaveLength(2);
    // Retry-After is honoured exactly (no shorter backoff): at least one second apart.
    expect(asked[1]! - asked[0]!).toBeGreaterThanOrEqual(990);
    client.clear();
  });
});
