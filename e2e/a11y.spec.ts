/**
 * One walk through every state a QA lead can meet, each checked with axe (WCAG 2 A and AA):
 * the board, an agent's runs, a row open, the empty, error and past-the-end states, a
 * comparison, and the same in dark mode. Other specs check behaviour; this one holds the
 * accessibility budget (part of `npm test`).
 */
import { batchRows, EXAMPLE_AGENT, expect, expectNoAxeViolations, test } from './fixtures';

const EMPTY_AGENT = 'agent_E2zJt6HqMx9UbPk4w';
const NEWER = 'batch_s0OJu2JWR8R45Fai';

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} mode`, () => {
    test.use({ colorScheme });

    test('the board', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('list', { name: 'Agents' })).toBeVisible();
      if (colorScheme === 'dark') await expect(page.locator('html')).toHaveClass(/\bdark\b/);
      await expectNoAxeViolations(page);
    });

    test('an agent, then a row open', async ({ page }) => {
      test.slow(); // two full-page axe runs on two shared cores
      await page.goto(`/?agentId=${EXAMPLE_AGENT}`);
      await expect(batchRows(page)).toHaveCount(20);
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: `Show test cases of batch ${NEWER}` }).click();
      await expect(page.locator(`#panel-${NEWER}`)).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('the empty and past-the-end pages', async ({ page }) => {
      await page.goto(`/?agentId=${EMPTY_AGENT}`);
      await expect(page.getByText('No batch runs yet')).toBeVisible();
      await expectNoAxeViolations(page);
      await page.goto(`/?agentId=${EXAMPLE_AGENT}&page=99`);
      await expect(page.getByText('Page 99 is past the end')).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test('the error state and a comparison', async ({ page, consoleErrors }) => {
      test.slow();
      // A server error that asks not to be retried soon: the error shows at once.
      await page.route('**/v1/batch-runs?*', (route) =>
        route.fulfill({
          status: 500,
          contentType: 'application/json',
          headers: { 'Retry-After': '3600' },
          body: JSON.stringify({ error: 'Internal Server Error' }),
        }),
      );
      // The server renders a link's first page itself: open the agent from the board instead,
      // so the browser asks for the page (and is answered the 500).
      await page.goto('/');
      await page
        .getByRole('link', { name: /New AI Agent/ })
        .first()
        .click();
      await expect(page).toHaveURL(new RegExp(`agentId=${EXAMPLE_AGENT}`));
      await expect(page.getByRole('alert')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Retry' })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.unroute('**/v1/batch-runs?*');
      // Chromium logs the 500 it was served: that log is this step's point.
      const served = consoleErrors.filter((error) => /status of 500/.test(error));
      expect(served.length).toBeGreaterThanOrEqual(1);
      for (const error of served) consoleErrors.splice(consoleErrors.indexOf(error), 1);

      await page.goto(`/?agentId=${EXAMPLE_AGENT}&compare=${NEWER},batch_MQYGiP0CY3VcSHAr`);
      await expect(page.getByRole('heading', { name: /Comparing two batch runs/ })).toBeVisible();
      await expect(page.getByRole('heading', { name: /^Changed \(\d+\)$/ })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  });
}
