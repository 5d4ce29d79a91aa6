/**
 * Issue 13, "healthy or not in three seconds", in Chromium on the production build: the
 * agent's headline and the board's triage at 1280 px and 390 px, no sideways scroll on any
 * state of a phone, axe in light and dark, and the live agent showing a new batch run without
 * a reload. Screenshots of the board and an agent page go to the test's output folder.
 */
import type { Page } from '@playwright/test';
import { EXAMPLE_AGENT, EXAMPLE_BATCH, expect, expectNoAxeViolations, test } from './fixtures';

const LIVE_AGENT = 'agent_Lq8vRk2NwB4ZpTe9c';
const LARGE_AGENT = 'agent_X3mHc7YtPq0WfJs5n';
const LONG_AGENT = 'agent_Gk4rT9vBzN2mQxW7h';
const EMPTY_AGENT = 'agent_E2zJt6HqMx9UbPk4w';
/** SANDBOX_LIVE_CYCLE_SECONDS in playwright.config.ts. */
const LIVE_CYCLE_MS = 20_000;
/** SLOW_REFRESH_MS in src/features/batch-runs/live-refresh.ts. */
const SLOW_REFRESH_MS = 30_000;

async function expectNoSidewaysScroll(page: Page, state: string) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${state} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
}

async function openAgent(page: Page, query: string) {
  await page.goto(`/?${query}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

test.describe('at 390 px', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('no state scrolls sideways, and each batch run is a card', async ({ page }) => {
    test.slow();
    await page.goto('/');
    await expect(page.locator('article[data-state="ready"]').first()).toBeVisible();
    await expectNoSidewaysScroll(page, 'the board');

    await openAgent(page, `agentId=${EXAMPLE_AGENT}`);
    await expect(page.getByTestId('latest-finished')).toBeVisible();
    const cards = page.locator('li[data-batch-id]');
    await expect(cards).toHaveCount(20);
    await expect(page.locator('table tbody tr[data-batch-id]')).toHaveCount(0);
    await expectNoSidewaysScroll(page, 'an agent');
    await cards
      .first()
      .getByRole('button', { name: /Show test cases of batch/ })
      .click();
    await expect(page.locator('[id^="panel-"]').first()).toBeVisible();
    await expectNoSidewaysScroll(page, 'an open batch run');

    for (const [state, query] of [
      ['the long-content agent, opened', `agentId=${LONG_AGENT}`],
      ['the live agent', `agentId=${LIVE_AGENT}`],
      ['the 52,340-run agent', `agentId=${LARGE_AGENT}&page=1300`],
      ['an empty agent', `agentId=${EMPTY_AGENT}`],
      ['an unknown agent', 'agentId=agent_DoesNotExist1'],
      ['past the end', `agentId=${EXAMPLE_AGENT}&page=99`],
      ['a batch on its own', `agentId=${EXAMPLE_AGENT}&batch=batch_MQYGiP0CY3VcSHAr`],
      ['a comparison', `agentId=${EXAMPLE_AGENT}&compare=${EXAMPLE_BATCH},batch_MQYGiP0CY3VcSHAr`],
    ] as const) {
      await openAgent(page, query);
      await page.waitForLoadState('networkidle').catch(() => undefined);
      if (state.endsWith('opened')) {
        await page
          .locator('li[data-batch-id]')
          .first()
          .getByRole('button', { name: /Show/ })
          .click();
      }
      await expectNoSidewaysScroll(page, state);
    }
  });
});

for (const width of [1280, 390]) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`board and agent page at ${width} px, ${colorScheme}: axe clean, screenshots`, async ({
      page,
    }, testInfo) => {
      test.slow();
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      await page.goto('/');
      await expect(page.locator('article[data-state="loading"]')).toHaveCount(0);
      await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('health');
      await expectNoAxeViolations(page);
      await page.screenshot({ path: testInfo.outputPath(`board-${width}-${colorScheme}.png`) });
      if (width === 390) {
        await page.screenshot({
          path: testInfo.outputPath(`board-${width}-${colorScheme}-full.png`),
          fullPage: true,
        });
      }
      if (width === 390) await expectNoSidewaysScroll(page, 'the board');

      await openAgent(page, `agentId=${EXAMPLE_AGENT}`);
      await expect(page.getByTestId('latest-finished')).toBeVisible();
      await expect(page.getByRole('button', { name: /^Open batch_/ }).first()).toBeAttached();
      await expectNoAxeViolations(page);
      await page.screenshot({ path: testInfo.outputPath(`agent-${width}-${colorScheme}.png`) });
      if (width === 390) {
        await page.screenshot({
          path: testInfo.outputPath(`agent-${width}-${colorScheme}-full.png`),
          fullPage: true,
        });
      }
      if (width === 390) await expectNoSidewaysScroll(page, 'an agent');
    });
  }
}

test('at 1280 px, each cell of the table keeps its text inside it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  // Page 13 of 13 has an unfinished batch: "13 of 19 done …✓ …✗ 6 pending" is its longest result.
  await openAgent(page, `agentId=${EXAMPLE_AGENT}&page=13&size=10`);
  await expect(page.getByText(/of \d+ done/).first()).toBeVisible();
  const spills = await page.locator('tbody tr[data-batch-id] > td').evaluateAll((cells) =>
    cells.flatMap((cell) => {
      const right = cell.getBoundingClientRect().right;
      return [...cell.querySelectorAll('*')]
        .filter((element) => element.getBoundingClientRect().right > right + 0.5)
        .map((element) => `${cell.closest('tr')!.id}: "${element.textContent}"`);
    }),
  );
  expect(spills).toEqual([]);
});

test('the chart opens the batch run it is clicked on', async ({ page }) => {
  await openAgent(page, `agentId=${EXAMPLE_AGENT}`);
  const slots = page.getByRole('group', { name: /Batch runs on the chart/ }).getByRole('button');
  await expect(slots).toHaveCount(20);
  await slots.last().focus();
  await expect(page.getByText(new RegExp(`^${EXAMPLE_BATCH}, `))).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`batch=${EXAMPLE_BATCH}`));
  await expect(page.locator(`#panel-${EXAMPLE_BATCH}`)).toBeVisible();
});

test('the live agent shows a new batch run within one cycle, without a reload', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // Open the page once this cycle's batch has finished (it runs for two thirds of the cycle),
  // so nothing is running and only the slow cycle can find the next one.
  const phase = Date.now() % LIVE_CYCLE_MS;
  const settled = (LIVE_CYCLE_MS * 3) / 4;
  if (phase < settled) await page.waitForTimeout(settled - phase);
  let navigations = 0;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations += 1;
  });
  await openAgent(page, `agentId=${LIVE_AGENT}`);
  const newest = page.locator('[data-batch-id]').first();
  await expect(newest).toBeVisible();
  const before = await newest.getAttribute('data-batch-id');
  const opened = Date.now();
  await expect(newest).not.toHaveAttribute('data-batch-id', before ?? '', {
    timeout: LIVE_CYCLE_MS + SLOW_REFRESH_MS,
  });
  expect(Date.now() - opened).toBeLessThanOrEqual(LIVE_CYCLE_MS + SLOW_REFRESH_MS);
  expect(navigations).toBe(1);
  await expect(
    page.getByTestId('running-batch').or(page.getByTestId('latest-finished')).first(),
  ).toBeVisible();
});
