import type { Page } from '@playwright/test';
import { EXAMPLE_AGENT, batchRows, expect, expectNoAxeViolations, test } from './fixtures';

const LARGE_AGENT = 'agent_X3mHc7YtPq0WfJs5n';

async function batchIds(page: Page): Promise<string[]> {
  return batchRows(page).evaluateAll((rows) => rows.map((row) => row.dataset.batchId ?? ''));
}

function searchStatus(page: Page) {
  return page.getByRole('status').filter({ hasText: /^Searched / });
}

test.describe('filtered views', () => {
  test('a shared filtered link reopens the same matches after a reload and for someone else', async ({
    page,
    browser,
  }) => {
    const link = `/?agentId=${EXAMPLE_AGENT}&outcome=failed&q=angry&until=2026-03-20&size=10&page=2`;
    await page.goto(link);
    await expect(searchStatus(page)).toHaveText(
      /^Searched \d+ of 125 batch runs · \d+ match(es)?$/,
    );
    await expect(page.getByRole('list', { name: 'Active filters' })).toContainText(
      'Failed something',
    );
    const rows = await batchIds(page);
    expect(rows).toHaveLength(10);
    await expect(page.getByRole('navigation', { name: 'Pagination', exact: true })).toContainText(
      /Page 2 of \d+ · \d+ matching batch runs/,
    );

    await page.reload();
    await expect(searchStatus(page)).toHaveText(
      /^Searched \d+ of 125 batch runs · \d+ match(es)?$/,
    );
    expect(await batchIds(page)).toEqual(rows);

    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await otherPage.goto(page.url());
    await expect(searchStatus(otherPage)).toHaveText(/^Searched \d+ of 125 batch runs/);
    expect(await batchIds(otherPage)).toEqual(rows);
    await other.close();
  });

  test('a filter on the 52,340-run agent is searched by the server, not by walking pages', async ({
    page,
  }) => {
    const pages: string[] = [];
    const searches: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/v1/batch-runs') pages.push(request.url());
      if (url.pathname === `/api/agents/${LARGE_AGENT}/batch-runs`) searches.push(request.url());
    });
    await page.goto(`/?agentId=${LARGE_AGENT}&outcome=failed&since=2026-11-20`);
    // A cold walk of 524 pages: on 2 loaded cores (another spec may walk the same agent on a
    // replica of its own meanwhile) it can take longer than the default 15 s.
    await expect(searchStatus(page)).toHaveText(
      /^Searched 52,340 of 52,340 batch runs · [1-9][\d,]* match(es)?$/,
      { timeout: 60_000 },
    );
    await expect(batchRows(page)).toHaveCount(20);
    // At most the headline's newest page (the server's HTML usually carries it); the matches
    // come from the search, which the browser asks again only while the server is still reading.
    expect(pages.length).toBeLessThanOrEqual(1);
    for (const url of searches) {
      const params = new URL(url).searchParams;
      expect(params.get('outcome')).toBe('failed');
      expect(params.get('since')).toBe('2026-11-20');
      expect(params.get('tz')).toBeTruthy();
    }
  });

  test('filters change with the bar, step back with Back, and are accessible', async ({ page }) => {
    await page.goto(`/?agentId=${EXAMPLE_AGENT}`);
    await expect(batchRows(page)).toHaveCount(20);
    await page.getByRole('combobox', { name: 'Outcome' }).selectOption('unfinished');
    await expect(searchStatus(page)).toHaveText(
      /^Searched 125 of 125 batch runs · \d+ match(es)?$/,
    );
    await page.getByRole('searchbox', { name: 'Text' }).fill('GPT-4O');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page).toHaveURL(/outcome=unfinished.*q=GPT-4O|q=GPT-4O.*outcome=unfinished/);
    await expect(searchStatus(page)).toHaveText(/^Searched 125 of 125 batch runs/);
    await expectNoAxeViolations(page);

    await page.goBack();
    await expect(page).not.toHaveURL(/q=/);
    await expect(page.getByRole('searchbox', { name: 'Text' })).toHaveValue('');
    await page.getByRole('button', { name: 'Clear all' }).click();
    await expect(page).not.toHaveURL(/outcome=/);
    await expect(searchStatus(page)).toHaveCount(0);
    await expect(batchRows(page)).toHaveCount(20);
  });

  test('on a phone, the text search has a row of its own, wide enough for its placeholder', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/?agentId=${EXAMPLE_AGENT}`);
    const text = page.getByRole('searchbox', { name: 'Text' });
    const fits = await text.evaluate((input: HTMLInputElement) => {
      // The placeholder's width in the input's own font, against the room the input gives it.
      const probe = document.createElement('span');
      probe.style.font = getComputedStyle(input).font;
      probe.style.whiteSpace = 'pre';
      probe.textContent = input.placeholder;
      document.body.append(probe);
      const needed = probe.getBoundingClientRect().width;
      probe.remove();
      const style = getComputedStyle(input);
      const room =
        input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return needed <= room;
    });
    expect(fits).toBe(true);
  });

  test('a board card opens its agent’s failing batch runs of the last 7 days', async ({ page }) => {
    await page.goto('/');
    const link = page.getByRole('link', {
      name: new RegExp(`Failing in the last 7 days.*${LARGE_AGENT}`),
    });
    await expect(link).toHaveText(/^Failing in the last 7 days/);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`agentId=${LARGE_AGENT}`));
    await expect(page).toHaveURL(/outcome=failed/);
    await expect(page).toHaveURL(/since=\d{4}-\d\d-\d\d/);
    await expect(searchStatus(page)).toContainText(/Searched [\d,]+ of 52,340 batch runs/);
  });
});
