/**
 * Filtered views over the server's search: the summary counts every match (not the 20 rows on
 * screen), and the live agent's new batch shows in a filtered view at the next refresh (the
 * mirror's head check finds it).
 */
import type { APIRequestContext } from '@playwright/test';
import { attemptCounts, batchMatcher, type Filters } from '../contract/batch-filters';
import { readBatchRun, type ReadBatchRun } from '../contract/read-batch-runs';
import { batchRows, EXAMPLE_AGENT, expect, test } from './fixtures';

const LIVE_AGENT = 'agent_Lq8vRk2NwB4ZpTe9c';
/** SLOW_REFRESH_MS of src/features/filters/api/search-queries.ts: a complete search's refresh. */
const SEARCH_REFRESH_MS = 30_000;
const NONE: Filters = { outcome: null, since: null, until: null, q: null, rate: null };

async function everyBatch(request: APIRequestContext, agentId: string): Promise<ReadBatchRun[]> {
  const all: ReadBatchRun[] = [];
  for (let page = 0; ; page += 1) {
    const response = await request.get(`/v1/batch-runs?agentId=${agentId}&page=${page}&size=100`);
    expect(response.ok()).toBe(true);
    const body = (await response.json()) as { data: unknown[]; hasNext: boolean };
    for (const sent of body.data) {
      const batch = readBatchRun(sent);
      if (!('reason' in batch)) all.push(batch);
    }
    if (!body.hasNext) return all;
  }
}

test('a filtered link’s summary counts every match, as the search endpoint does', async ({
  page,
  request,
}) => {
  const matches = (await everyBatch(request, EXAMPLE_AGENT)).filter(
    batchMatcher({ ...NONE, outcome: 'failed' }),
  );
  expect(matches.length).toBeGreaterThan(20);
  const answer = (await (
    await request.get(`/api/agents/${EXAMPLE_AGENT}/batch-runs?outcome=failed&wait=10000`)
  ).json()) as { totalCount: number; coverage: { complete: boolean } };
  expect(answer.coverage.complete).toBe(true);
  expect(answer.totalCount).toBe(matches.length);
  // The pass rate pools the attempts of every finished match.
  const finished = matches.map(attemptCounts).filter((counts) => !counts.isUnfinished);
  const succeeded = finished.reduce((sum, counts) => sum + counts.succeeded, 0);
  const attempts = finished.reduce((sum, counts) => sum + counts.finished, 0);

  await page.goto(`/?agentId=${EXAMPLE_AGENT}&outcome=failed`);
  await expect(batchRows(page)).toHaveCount(20);
  await expect(
    page.getByRole('heading', { name: `Matching batch runs: ${matches.length} batch runs` }),
  ).toBeVisible();
  await expect(
    page.getByText(`of ${attempts.toLocaleString('en-US')} attempts`, { exact: true }),
  ).toBeVisible();
  const shown = Number(
    /[\d.]+/.exec((await page.getByTestId('page-pass-rate').textContent())!)![0],
  );
  expect(Math.abs(shown - (succeeded / attempts) * 100)).toBeLessThanOrEqual(0.5);
  // One chart slot per match, not per row on screen.
  await expect(
    page.getByRole('group', { name: /Batch runs on the chart/ }).getByRole('button'),
  ).toHaveCount(matches.length);
});

test('the live agent’s new batch shows in a filtered view (outcome=unfinished) at the next refresh', async ({
  page,
  request,
}) => {
  test.slow(); // waits for the sandbox's next live batch (one 20 s cycle at most)
  const newest = async () => {
    const response = await request.get(`/v1/batch-runs?agentId=${LIVE_AGENT}&page=0&size=1`);
    return ((await response.json()) as { data: { batchId: string }[] }).data[0]!.batchId;
  };
  const searches: string[] = [];
  page.on('request', (sent) => {
    const url = new URL(sent.url());
    if (
      url.pathname === `/api/agents/${LIVE_AGENT}/batch-runs` &&
      url.searchParams.get('size') === '20'
    )
      searches.push(sent.url());
  });
  // The page's timers run in real time; the test jumps to the search's next refresh.
  await page.clock.install();
  await page.goto(`/?agentId=${LIVE_AGENT}&outcome=unfinished`);
  await expect(page.getByRole('status').filter({ hasText: /^Searched / })).toHaveText(
    /^Searched [\d,]+ of [\d,]+ batch runs · \d+ match(es)?$/,
  );
  const before = await newest();
  // The sandbox starts its next live batch at the next cycle boundary.
  let added = before;
  await expect
    .poll(async () => (added = await newest()), { timeout: 30_000, intervals: [250] })
    .not.toBe(before);
  await expect(page.locator(`tbody tr[data-batch-id="${added}"]`)).toHaveCount(0);
  const asked = searches.length;
  await page.clock.fastForward(SEARCH_REFRESH_MS);
  await expect(page.locator(`tbody tr[data-batch-id="${added}"]`)).toBeVisible();
  // One refresh of the search brought it: the mirror's head check, no re-walk by the page.
  expect(searches.length - asked).toBe(1);
  await expect(
    page.getByRole('heading', { name: /^Matching batch runs: \d+ batch runs? · \d+ unfinished$/ }),
  ).toBeVisible();
});

test('while the server still searches, the summary says “so far”; Stop keeps what was found', async ({
  page,
}) => {
  // The server's answers as they come, told to say the mirror is still filling (60 of 125).
  const searches: string[] = [];
  await page.route(`**/api/agents/${EXAMPLE_AGENT}/batch-runs?**`, async (route) => {
    searches.push(route.request().url());
    const response = await route.fetch();
    const body = (await response.json()) as Record<string, unknown>;
    await route.fulfill({
      response,
      json: { ...body, coverage: { searched: 60, of: 125, complete: false } },
    });
  });
  await page.goto(`/?agentId=${EXAMPLE_AGENT}`);
  await expect(batchRows(page)).toHaveCount(20);
  await page.getByRole('combobox', { name: 'Outcome' }).selectOption('failed');
  const status = page.getByRole('status').filter({ hasText: /^Searched / });
  await expect(status).toHaveText(/^Searched 60 of 125 batch runs · \d+ match(es)?…$/);
  await expect(
    page.getByRole('heading', {
      name: /^Matching batch runs so far: \d+ batch runs( · \d+ unfinished)? · searched 60 of 125$/,
    }),
  ).toBeVisible();
  await expect(page.getByText('Pass rate of the matches’ finished batches so far')).toBeVisible();
  // It asks again while the server searches…
  await expect.poll(() => searches.length).toBeGreaterThan(2);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(status).toHaveText(/^Searched 60 of 125 batch runs · \d+ match(es)? · stopped$/);
  // …and not after Stop, keeping the matches found.
  const asked = searches.length;
  await page.waitForTimeout(2_000);
  expect(searches.length).toBe(asked);
  await expect(batchRows(page)).toHaveCount(20);
  await expect(page.getByRole('button', { name: 'Stop' })).toHaveCount(0);
});
