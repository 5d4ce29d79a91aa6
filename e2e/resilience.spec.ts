/**
 * Resilience on the sandbox: impatient clicking never leaves the page showing another page's
 * rows, and going offline says so and recovers by itself when the connection is back.
 */
import type { Page } from '@playwright/test';
import { EXAMPLE_AGENT, batchRows, expect, test } from './fixtures';

const SIZE = 10;
const PAGES = 13; // 125 runs at 10 a page

function pageInUrl(page: Page): number {
  return Number(new URL(page.url()).searchParams.get('page') ?? '1');
}

/** The batch ids the API lists on a 1-based page, asked directly. */
async function idsOfPage(page: Page, shown: number): Promise<string[]> {
  const response = await page.request.get(
    `/v1/batch-runs?agentId=${EXAMPLE_AGENT}&page=${shown - 1}&size=${SIZE}`,
  );
  const body = (await response.json()) as { data: { batchId: string }[] };
  return body.data.map((batch) => batch.batchId);
}

async function expectShowing(page: Page, shown: number) {
  await expect(page.getByText(`Page ${shown} of ${PAGES}`, { exact: true })).toBeVisible();
  const ids = await idsOfPage(page, shown);
  await expect(batchRows(page)).toHaveCount(ids.length);
  expect(
    await batchRows(page).evaluateAll((rows) => rows.map((row) => row.dataset.batchId)),
  ).toEqual(ids);
}

test.describe('resilience', () => {
  test('ten fast clicks on Next end on the page the URL names, with its rows', async ({ page }) => {
    // A jittery network: answers take 0–400 ms, so they arrive out of order.
    await page.route('**/v1/batch-runs?**', async (route) => {
      const response = await route.fetch();
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 400));
      await route.fulfill({ response });
    });
    await page.goto(`/?agentId=${EXAMPLE_AGENT}&size=${SIZE}`);
    await expectShowing(page, 1);
    const next = page.getByRole('link', { name: 'Next page' });
    await expect(next).toBeEnabled();
    // The likely-failing estimate fills in above the list after hydration and moves Next down,
    // below the fold of a 720 px window: the clicks go to where Next is once it has, in view.
    const estimate = page.getByRole('region', { name: 'Likely failing test cases' });
    await expect(estimate.getByRole('listitem').first()).toBeVisible();
    await next.scrollIntoViewIfNeeded();

    // Ten real clicks as fast as the mouse goes, not waiting for Next to be enabled: a click
    // that lands while it is disabled (the next page not in yet) does nothing.
    const box = (await next.boundingBox())!;
    for (let i = 0; i < 10; i++) {
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    }
    // Settled: the page in the URL is on screen, whole, and Next is usable again.
    await expect(next).toBeEnabled();
    const landed = pageInUrl(page);
    expect(landed).toBeGreaterThanOrEqual(2);
    expect(landed).toBeLessThanOrEqual(11);
    await expectShowing(page, landed);
    // No late answer replaces it: once the network is quiet it is still the same page.
    await page.waitForLoadState('networkidle');
    await page.unrouteAll({ behavior: 'wait' });
    await expectShowing(page, landed);
    expect(pageInUrl(page)).toBe(landed);
    console.log(`[resilience] 10 fast clicks on Next landed on page ${landed}`);
  });

  test('going offline says so; coming back loads what was asked, without a reload', async ({
    page,
    context,
  }) => {
    await page.goto(`/?agentId=${EXAMPLE_AGENT}&size=${SIZE}`);
    await expectShowing(page, 1);
    await page.evaluate(() => ((window as unknown as { loadedOnce: boolean }).loadedOnce = true));
    const banner = page.getByRole('status').filter({ hasText: 'You are offline' });

    await context.setOffline(true);
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('will refresh by itself when the connection is back');
    // Ask for a page that is not loaded: it waits (the current rows stay, dimmed).
    await page.getByRole('link', { name: 'Last page' }).click();
    expect(pageInUrl(page)).toBe(PAGES);
    await expect(batchRows(page)).toHaveCount(SIZE);
    await expect(page.getByRole('alert')).toHaveCount(0); // waiting, not failed

    await context.setOffline(false);
    await expect(banner).toHaveCount(0);
    await expectShowing(page, PAGES);
    expect(
      await page.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce),
    ).toBe(true);
  });
});
