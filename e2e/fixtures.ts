/**
 * The `test` every spec imports: a page that fails the test on any uncaught page error or
 * console error, plus small helpers. Specs use role and label locators.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { viewReady } from './view-ready';

export const EXAMPLE_AGENT = 'agent_D5D0p7TUs66TTAEAx';
export const EXAMPLE_BATCH = 'batch_s0OJu2JWR8R45Fai';

export const test = base.extend<{ consoleErrors: string[] }>({
  // A server-rendered page shows its rows before its code runs: after each navigation, wait
  // until the view has hydrated (app.tsx marks it), so a click or a key is not lost.
  page: async ({ page, javaScriptEnabled }, use) => {
    if (javaScriptEnabled !== false) {
      const goto = page.goto.bind(page);
      page.goto = async (url, options) => {
        const response = await goto(url, options);
        await page
          .waitForFunction(viewReady, undefined, { timeout: 10_000 })
          .catch(() => undefined); // a page that never hydrates fails on what it then shows
        return response;
      };
    }
    await use(page);
  },
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
      });
      await use(errors);
      expect(errors, 'page errors and console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Rows of the batch-runs table (header row excluded, test-case panels excluded). */
export function batchRows(page: Page) {
  return page.locator('tbody tr[data-batch-id]');
}

/** Fails on any WCAG 2 A/AA violation in the page as it is now. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}
