/**
 * Live refresh on the sandbox's live agent (a batch every SANDBOX_LIVE_CYCLE_SECONDS = 20 s,
 * running for about the first two thirds of it), the keyboard shortcuts, and dark mode.
 */
import type { Page } from '@playwright/test';
import { EXAMPLE_AGENT, batchRows, expect, expectNoAxeViolations, test } from './fixtures';

const LIVE_AGENT = 'agent_Lq8vRk2NwB4ZpTe9c';
const LIVE_TEXT = 'Live — refreshing every 3 s';
const REFRESH_MS = 3_000;
/** SANDBOX_LIVE_CYCLE_SECONDS in playwright.config.ts. */
const LIVE_CYCLE_MS = 20_000;

/**
 * The live indicator, the newest row's "running" badge and its "finished / expected", read in
 * one go: a refresh landing between separate reads could not make them disagree.
 */
function readNewest(page: Page) {
  return page.evaluate((liveText) => {
    const live = [...document.querySelectorAll('[role="status"]')].some((element) =>
      element.textContent?.includes(liveText),
    );
    const row = document.querySelector('tbody tr[data-batch-id]');
    const running = [...(row?.querySelectorAll('span') ?? [])].some(
      (span) => span.textContent === 'running',
    );
    const cell = row?.querySelector('td:last-child');
    const [finished, expected] = (cell?.textContent ?? '').match(/[\d,]+/g)?.map(Number) ?? [];
    return { live, running, finished: finished ?? NaN, expected: expected ?? NaN };
  }, LIVE_TEXT);
}

test.describe('live refresh', () => {
  test('follows a running batch and stops refreshing once it has finished', async ({ page }) => {
    test.slow(); // waits for the next 20 s cycle (rarely two), then the batch's ~13 s run
    const listRequests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/v1/batch-runs') listRequests.push(request.url());
    });
    // Timers in the page run in real time; at the end the test jumps ahead instead of waiting.
    await page.clock.install();
    // Open the page as a new cycle starts, so the newest batch has just begun and runs for most
    // of the cycle (opened later, it may be done, and a finished page does not poll). A batch
    // of one or two attempts can still finish before the page is up: then try the next cycle.
    // The sandbox and this test share the machine's clock.
    let start = await readNewest(page);
    for (let cycle = 0; cycle < 3 && !start.live; cycle += 1) {
      const phase = Date.now() % LIVE_CYCLE_MS;
      if (phase > 1_000) await page.waitForTimeout(LIVE_CYCLE_MS - phase + 200);
      await page.goto(`/?agentId=${LIVE_AGENT}`);
      await expect(batchRows(page).first()).toBeVisible();
      start = await readNewest(page);
    }
    expect(start.live, 'a batch was running when the page opened').toBe(true);
    const live = page.getByRole('status').filter({ hasText: LIVE_TEXT });
    expect(start.running).toBe(true);
    expect(start.finished).toBeLessThan(start.expected);

    // Its attempts count grows without a reload…
    await expect
      .poll(async () => (await readNewest(page)).finished, { timeout: 15_000 })
      .toBeGreaterThan(start.finished);
    // …until every attempt has finished; then the page stops asking.
    await expect(live).toBeHidden({ timeout: 20_000 });
    const end = await readNewest(page);
    expect(end).toMatchObject({ live: false, running: false, finished: end.expected });

    const requestsAtEnd = listRequests.length;
    await page.clock.fastForward(REFRESH_MS * 4);
    await page.clock.runFor(REFRESH_MS);
    await expect(page.getByText('Updating…')).toBeHidden();
    expect(listRequests.length).toBe(requestsAtEnd);
  });
});

test.describe('keyboard', () => {
  test('j/k and the arrows move between rows, Enter and Space open them, [ and ] page', async ({
    page,
  }) => {
    await page.goto(`/?agentId=${EXAMPLE_AGENT}`);
    await expect(batchRows(page)).toHaveCount(20);
    const expander = (index: number) =>
      batchRows(page)
        .nth(index)
        .getByRole('button', { name: /test cases of batch/ });

    await page.keyboard.press('j');
    await expect(expander(0)).toBeFocused();
    await expect(expander(0)).toHaveCSS('outline-style', 'solid'); // the focus ring shows
    await page.keyboard.press('j');
    await page.keyboard.press('ArrowDown');
    await expect(expander(2)).toBeFocused();
    await page.keyboard.press('k');
    await page.keyboard.press('ArrowUp');
    await expect(expander(0)).toBeFocused();

    await page.keyboard.press('Enter');
    await expect(expander(0)).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator('tr[id^="panel-"]')).toHaveCount(1);
    await page.keyboard.press('ArrowDown'); // from the row, past its open panel, to the next row
    await expect(expander(1)).toBeFocused();
    await page.keyboard.press('k');
    await page.keyboard.press('Space');
    await expect(expander(0)).toHaveAttribute('aria-expanded', 'false');

    await page.keyboard.press('['); // no page before the first
    await expect(page.getByText('Page 1 of 7', { exact: true })).toBeVisible();
    await page.keyboard.press(']');
    await expect(page.getByText('Page 2 of 7', { exact: true })).toBeVisible();
    await expect(page).toHaveURL(/[?&]page=2(&|$)/);
    await page.keyboard.press('[');
    await expect(page.getByText('Page 1 of 7', { exact: true })).toBeVisible();

    // Typing in a field is typing, not shortcuts.
    const search = page.locator('header input').first();
    await search.fill('');
    await search.press('j');
    await search.press(']');
    await expect(search).toHaveValue('j]');
    await expect(page.getByText('Page 1 of 7', { exact: true })).toBeVisible();
  });

  test('? lists the shortcuts in a modal dialog; Escape closes it and focus returns', async ({
    page,
  }) => {
    await page.goto(`/?agentId=${EXAMPLE_AGENT}`);
    await expect(batchRows(page)).toHaveCount(20);
    await page.keyboard.press('j');
    const focused = batchRows(page)
      .first()
      .getByRole('button', { name: /test cases of batch/ });
    await expect(focused).toBeFocused();

    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
    await expect(dialog).toContainText('Next page');
    // Modal: the page behind does not react to its keys.
    await page.keyboard.press('j');
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(page);

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(focused).toBeFocused();
  });
});

test.describe('dark mode', () => {
  test('follows the system, toggles from the header, and passes axe in both themes', async ({
    page,
  }, testInfo) => {
    test.slow(); // two axe runs and two full-page screenshots
    const html = page.locator('html');
    await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    // The live agent: running and unfinished badges, the live indicator, the summary.
    await page.goto(`/?agentId=${LIVE_AGENT}&size=10`);
    await expect(batchRows(page)).toHaveCount(10);
    await expect(html).toHaveClass(/\bdark\b/); // System follows prefers-color-scheme

    const themes = page.getByRole('group', { name: 'Colour theme' });
    await themes.getByText('Light', { exact: true }).click();
    await expect(html).not.toHaveClass(/\bdark\b/);
    await expect(themes.getByRole('radio', { name: 'Light' })).toBeChecked();
    // An open row, a focused row and the summary, so axe and the screenshot see all of them.
    await batchRows(page)
      .nth(1)
      .getByRole('button', { name: /test cases of batch/ })
      .click();
    await page.keyboard.press('j');
    await expectNoAxeViolations(page);
    await page.screenshot({ path: testInfo.outputPath('theme-light.png'), fullPage: true });

    await themes.getByRole('radio', { name: 'Light' }).press('ArrowRight'); // radios: → is Dark
    await expect(themes.getByRole('radio', { name: 'Dark' })).toBeChecked();
    await expect(html).toHaveClass(/\bdark\b/);
    await page.keyboard.press('j');
    await expectNoAxeViolations(page);
    await page.screenshot({ path: testInfo.outputPath('theme-dark.png'), fullPage: true });

    // Remembered, and applied before the app runs (public/theme.js), even on a light system.
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await page.reload();
    await expect(html).toHaveClass(/\bdark\b/);
    expect(await page.evaluate(() => localStorage.getItem('sigmamind-theme'))).toBe('dark');
    await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
  });
});
