/**
 * The production server renders the view a link names: rows in the first response, a page that
 * works without JavaScript, and a hydration that warns of nothing (the `test` fixture already
 * fails on any console error; here warnings count too) in the reader's locale and time zone.
 */
import type { Page } from '@playwright/test';
import { batchRows, EXAMPLE_AGENT, EXAMPLE_BATCH, expect, test } from './fixtures';
import { viewReady } from './view-ready';

const LIST = `/?agentId=${EXAMPLE_AGENT}`;

/** Console warnings and errors that speak of hydration, from now on. */
function hydrationWarnings(page: Page): string[] {
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (
      ['warning', 'error'].includes(message.type()) &&
      /hydrat|#41[89]|#42[0-5]/i.test(message.text())
    ) {
      warnings.push(message.text());
    }
  });
  return warnings;
}

test.describe('a server-rendered link', () => {
  test('has its rows, title and per-request caching in the first response', async ({ request }) => {
    const response = await request.get(`${LIST}&page=2&size=10`, {
      headers: { Accept: 'text/html' },
    });
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe('no-store');
    expect(response.headers()['vary']).toMatch(/Cookie/);
    const html = await response.text();
    expect(html).toContain('<title>New AI Agent · page 2 · Batch runs</title>');
    expect(html.match(/<tr[^>]*data-batch-id="/g)).toHaveLength(10);
    expect(html).toContain('<script type="application/json" id="ssr-state">');
    // Painted whole, never half-parsed; no script preloads competing with that first paint.
    expect(html).toContain('<link rel="expect" href="#root" blocking="render">');
    expect(html).not.toContain('modulepreload');
    // Each batch is carried once, as the API sent it (not also as read).
    expect(html).toContain('$batchRunAsSent');
    expect(html).not.toContain('"sent":');
    expect(response.headers()['server-timing']).toMatch(
      /render;dur=[\d.]+;desc="with data, \d renders?"/,
    );
    // Hashed assets keep their long caching.
    const asset = html.match(/src="(\/assets\/[^"]+\.js)"/)![1]!;
    const assetResponse = await request.get(asset);
    expect(assetResponse.headers()['cache-control']).toContain('immutable');
  });

  test('hydrates each view without a warning, and is the single-page app after', async ({
    page,
  }) => {
    const warnings = hydrationWarnings(page);
    const views = [
      '/',
      LIST,
      `${LIST}&page=3&size=10`,
      `${LIST}&batch=${EXAMPLE_BATCH}`,
      `${LIST}&outcome=failed`,
      `${LIST}&page=abc&size=1000`,
      `${LIST}&page=99`,
    ];
    for (const view of views) {
      // Twice: the second load is rendered for this browser's zone and width (hint cookies).
      for (const round of [1, 2]) {
        await page.goto(view);
        await page.waitForLoadState('networkidle');
        expect(warnings, `${view} (load ${round})`).toEqual([]);
      }
    }

    await page.goto(LIST);
    await expect(batchRows(page)).toHaveCount(20);
    // React DOM loads with stack capture off (src/lib/react-dom/stacks-off.ts): on again after.
    expect(
      await page.evaluate(() => [Error.stackTraceLimit, typeof new Error('a probe').stack]),
    ).toEqual([10, 'string']);
    await page.evaluate(
      () => ((window as unknown as { sameDocument: boolean }).sameDocument = true),
    );
    await page.getByRole('link', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/[?&]page=2(&|$)/);
    await expect(page.getByText('Page 2 of 7', { exact: true })).toBeVisible();
    // An in-app navigation, not a reload of the server's page.
    expect(
      await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument),
    ).toBe(true);
  });

  test('renders in the reader’s locale and time zone once it knows them', async ({ browser }) => {
    const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'America/New_York' });
    const page = await context.newPage();
    const warnings = hydrationWarnings(page);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // The first visit is rendered for UTC and redrawn in the browser; it remembers the zone.
    await page.goto(`${LIST}&batch=${EXAMPLE_BATCH}`);
    await expect(page.getByText(/März/).first()).toBeVisible();
    // The app remembers the zone as it starts, before its view renders.
    await page.waitForFunction(viewReady);
    const response = await page.goto(LIST);
    const html = await response!.text();
    expect(html).toContain('"timeZone":"America/New_York"');
    expect(html).toMatch(/\d{1,2}\. März/);
    await page.waitForLoadState('networkidle');
    expect([...warnings, ...errors]).toEqual([]);
    await context.close();
  });

  test('on a phone, the next page arrives as cards', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(LIST);
    const response = await page.goto(LIST);
    const html = await response!.text();
    expect(html).toMatch(/<li[^>]*data-batch-id="/);
    expect(html).not.toMatch(/<tr[^>]*data-batch-id="/);
    await context.close();
  });

  test('an iPhone’s first visit arrives as cards (Safari sends no client hints)', async ({
    request,
  }) => {
    const iPhone =
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 ' +
      '(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
    const html = await (
      await request.get(LIST, { headers: { Accept: 'text/html', 'User-Agent': iPhone } })
    ).text();
    expect(html).toMatch(/<li[^>]*data-batch-id="/);
    expect(html).not.toMatch(/<tr[^>]*data-batch-id="/);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a shared link shows its rows, and the page links and Go to page work', async ({ page }) => {
    await page.goto(LIST);
    await expect(batchRows(page)).toHaveCount(20);
    await expect(batchRows(page).first()).toHaveAttribute('data-batch-id', EXAMPLE_BATCH);
    await expect(page.getByText('Page 1 of 7', { exact: true })).toBeVisible();

    await page.getByRole('link', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/[?&]page=2(&|$)/);
    await expect(page.getByText('Page 2 of 7', { exact: true })).toBeVisible();
    await expect(batchRows(page)).toHaveCount(20);

    await page.getByRole('link', { name: 'Last page' }).click();
    await expect(page.getByText('Page 7 of 7', { exact: true })).toBeVisible();
    await expect(batchRows(page)).toHaveCount(5);

    await page.getByRole('textbox', { name: 'Go to page' }).fill('3');
    await page.getByRole('button', { name: 'Go', exact: true }).click();
    await expect(page.getByText('Page 3 of 7', { exact: true })).toBeVisible();
  });

  test('the board shows every agent', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('link', { name: /New AI Agent/ }).first()).toBeVisible();
  });
});
