/**
 * A shared filtered link, server-rendered: once anyone has opened the agent (the server's
 * search mirror is warm), the first response carries the page of matches, the counts and the
 * chips, readable without JavaScript, and hydrates without a warning.
 */
import { readFile } from 'node:fs/promises';
import type { APIRequestContext, Page } from '@playwright/test';
import { batchMatcher, type Filters } from '../contract/batch-filters';
import { readBatchRun, type ReadBatchRun } from '../contract/read-batch-runs';
import { batchRows, EXAMPLE_AGENT, expect, test } from './fixtures';

const FILTERS: Filters = { outcome: 'failed', since: null, until: null, q: null, rate: null };
const LINK = `/?agentId=${EXAMPLE_AGENT}&outcome=failed`;

/** Every batch run of the agent from the API, newest first, and those the filter keeps. */
async function expectedMatches(request: APIRequestContext): Promise<string[]> {
  const all: ReadBatchRun[] = [];
  for (let page = 0; ; page += 1) {
    const response = await request.get(
      `/v1/batch-runs?agentId=${EXAMPLE_AGENT}&page=${page}&size=100`,
    );
    expect(response.ok()).toBe(true);
    const body = (await response.json()) as { data: unknown[]; hasNext: boolean };
    for (const sent of body.data) {
      const batch = readBatchRun(sent);
      if (!('reason' in batch)) all.push(batch);
    }
    if (!body.hasNext) break;
  }
  return all.filter(batchMatcher(FILTERS)).map((batch) => batch.batchId);
}

function rowIds(page: Page): Promise<string[]> {
  return batchRows(page).evaluateAll((rows) => rows.map((row) => row.dataset.batchId ?? ''));
}

test('a filtered link carries its matches in the first HTML once the mirror is warm', async ({
  page,
  browser,
  request,
}) => {
  const expected = await expectedMatches(request);
  expect(expected.length).toBeGreaterThan(20);
  const status = `Searched 125 of 125 batch runs · ${expected.length} matches`;

  // Someone opens the link (with JavaScript): the server's mirror of the agent fills.
  await page.goto(LINK);
  await expect(page.getByRole('status').filter({ hasText: /^Searched / })).toHaveText(status);
  expect(await rowIds(page)).toEqual(expected.slice(0, 20));

  // The first response of the same link, as sent.
  const response = await request.get(LINK, { headers: { Accept: 'text/html' } });
  const html = await response.text();
  expect(html.match(/<tr[^>]*data-batch-id="/g)).toHaveLength(20);
  expect(html).toContain(status);

  // Without JavaScript: the rows, the counts and the chips are in the page.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await context.newPage();
  await noScript.goto(LINK);
  expect(await rowIds(noScript)).toEqual(expected.slice(0, 20));
  await expect(noScript.getByRole('status').filter({ hasText: /^Searched / })).toHaveText(status);
  await expect(noScript.getByRole('list', { name: 'Active filters' })).toContainText(
    'Failed something',
  );
  await noScript.goto(`${LINK}&page=2`);
  expect(await rowIds(noScript)).toEqual(expected.slice(20, 40));
  await context.close();

  // With JavaScript, the same HTML hydrates (the fixture fails on any console error).
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: /^Searched / })).toHaveText(status);
  expect(await rowIds(page)).toEqual(expected.slice(0, 20));
});

test('export of the matches pages through the search; compare picks from the matches', async ({
  page,
  request,
}) => {
  const expected = await expectedMatches(request);
  await page.goto(LINK);
  await expect(page.getByRole('status').filter({ hasText: /^Searched / })).toHaveText(
    `Searched 125 of 125 batch runs · ${expected.length} matches`,
  );
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Export matching batch runs' });
  await expect(panel).toContainText(`(${expected.length} batch runs)`);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: 'Export all pages as JSON' }).click(),
  ]);
  const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as {
    batchId: string;
  }[];
  expect(exported.map((batch) => batch.batchId)).toEqual(expected);

  const [a, b] = expected;
  for (const id of [a, b]) {
    await page.getByRole('checkbox', { name: `Select batch ${id} for comparison` }).check();
  }
  await page.getByRole('button', { name: 'Compare 2 batches' }).click();
  await expect(page).toHaveURL(new RegExp(`compare=(${a},${b}|${b},${a})`));
  await expect(page.getByRole('button', { name: 'Close comparison' })).toBeVisible();
});
