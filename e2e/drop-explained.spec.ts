/**
 * Issue 21, "a drop explained", on the production build over the sandbox: the seed agent
 * (125 batch runs, newest the documented batch) and the 52,340-run agent both dropped 10+
 * points at their newest finished batch (server/sandbox/truth.ts picks it so). The headline
 * says what changed and links to the comparison of exactly those two batches; the likely
 * failing test cases are listed with their ranges; a phone at 390 px shows both; axe clean.
 */
import type { Page } from '@playwright/test';
import { EXAMPLE_AGENT, EXAMPLE_BATCH, expect, expectNoAxeViolations, test } from './fixtures';

const LARGE_AGENT = 'agent_X3mHc7YtPq0WfJs5n';

const cases = [
  {
    name: 'the seed agent',
    agentId: EXAMPLE_AGENT,
    previous: 'batch_8eOWrYM3dDhFeBn0',
    latest: EXAMPLE_BATCH,
    cause:
      '1 test case added (Angry Customer - Cancellation Flow) · 5 test cases removed (Locked Out - Password Reset, Plan Upgrade - Feature Comparison, Refund Request - Outside Window and 2 more)',
  },
  {
    name: 'the 52,340-run agent',
    agentId: LARGE_AGENT,
    previous: 'batch_Ff2gzItXdL1tVot4',
    latest: 'batch_GIEfMSoCFfRzAOWf',
    cause:
      '1 test case added (Promise to Pay - Partial Payment) · 3 test cases removed (Dispute - Debt Not Mine, Pay in Full - Card Over the Phone, Angry Debtor - Threatens Complaint)',
  },
];

async function expectLikelyFailing(page: Page) {
  const section = page.getByRole('region', { name: 'Likely failing test cases' });
  await expect(section.getByTestId('estimate-row').first()).toBeVisible();
  await expect(section).toContainText('estimates from batch totals');
  await expect(section.getByTestId('estimate-row').first()).toContainText(/about \d+%/);
  await expect(section.getByTestId('estimate-row').first()).toContainText(/likely \d+%–\d+%/);
  await expect(
    section.getByRole('button', { name: /^History of test case / }).first(),
  ).toBeVisible();
  return section;
}

for (const c of cases) {
  test(`${c.name}: the headline says what changed and links to the comparison`, async ({
    page,
  }) => {
    await page.goto(`/?agentId=${c.agentId}`);
    const line = page.getByTestId('drop-cause');
    await expect(line).toContainText(`Since the previous batch: ${c.cause}`);
    // The board's rule: the same cause is the attention reason.
    await expect(page.getByText(`: ${c.cause}`, { exact: false }).first()).toBeVisible();
    const link = line.getByRole('link', { name: 'Compare the two batches' });
    await expect(link).toHaveAttribute(
      'href',
      new RegExp(`compare=${c.previous}(%2C|,)${c.latest}`),
    );
    await expectLikelyFailing(page);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`compare=${c.previous}(%2C|,)${c.latest}`));
    await expect(
      page.getByRole('heading', { name: /^Comparing two batch runs of / }),
    ).toBeVisible();
    await expect(page.getByRole('region', { name: 'Added in the newer batch (1)' })).toBeVisible();
  });
}

test('the headline line is in the server-rendered page before any script runs', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/?agentId=${EXAMPLE_AGENT}`);
  await expect(page.getByTestId('drop-cause')).toContainText(cases[0]?.cause ?? '');
  await context.close();
});

test('under a filter, the estimate reads the matches', async ({ page }) => {
  await page.goto(`/?agentId=${EXAMPLE_AGENT}&outcome=failed`);
  const section = await expectLikelyFailing(page);
  await expect(section).toContainText(/Estimated over the newest \d+ matching finished batch/);
});

test('the board card gives the same cause', async ({ page }) => {
  await page.goto('/');
  const card = page.locator('article', { hasText: 'New AI Agent' }).first();
  await expect(card.getByTestId('attention')).toContainText(
    `Dropped 12 points against the previous batch: ${cases[0]?.cause ?? ''}`,
  );
});

test.describe('at 390 px', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('phone: the line and the list fit, axe clean, screenshot', async ({ page }, info) => {
    await page.goto(`/?agentId=${EXAMPLE_AGENT}`);
    await expect(page.getByTestId('drop-cause')).toBeVisible();
    const section = await expectLikelyFailing(page);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
    await page.getByTestId('drop-cause').scrollIntoViewIfNeeded();
    await page.screenshot({ path: info.outputPath('drop-explained-390.png'), fullPage: false });
    await section.screenshot({ path: info.outputPath('likely-failing-390.png') });
  });
});
