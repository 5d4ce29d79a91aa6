import {
  EXAMPLE_AGENT,
  EXAMPLE_BATCH,
  batchRows,
  expect,
  expectNoAxeViolations,
  test,
} from './fixtures';

test.describe('batch-runs view on the production build', () => {
  test('pages the 125-run agent from page 1 to page 7 and back', async ({ page }) => {
    await page.goto(`/?agentId=${EXAMPLE_AGENT}`);
    await expect(page.getByText('Page 1 of 7', { exact: true })).toBeVisible();
    await expect(page.getByText('125 batch runs')).toBeVisible();
    await expect(batchRows(page)).toHaveCount(20);
    await expect(batchRows(page).first()).toHaveAttribute('data-batch-id', EXAMPLE_BATCH);
    const previous = page.getByRole('link', { name: 'Previous page' });
    const next = page.getByRole('link', { name: 'Next page' });
    await expect(previous).toBeDisabled();

    for (let n = 2; n <= 7; n += 1) {
      await next.click();
      await expect(page.getByText(`Page ${n} of 7`, { exact: true })).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`[?&]page=${n}(&|$)`));
    }
    await expect(batchRows(page)).toHaveCount(5);
    await expect(next).toBeDisabled();
    await expect(previous).toBeEnabled();

    for (let n = 6; n >= 1; n -= 1) {
      await previous.click();
      await expect(page.getByText(`Page ${n} of 7`, { exact: true })).toBeVisible();
    }
    await expect(previous).toBeDisabled();
    await expect(batchRows(page).first()).toHaveAttribute('data-batch-id', EXAMPLE_BATCH);
    await expect(page).toHaveURL(`/?agentId=${EXAMPLE_AGENT}`);
  });

  test('opens a deep link to page 3 directly', async ({ page }) => {
    await page.goto(`/?agentId=${EXAMPLE_AGENT}&page=3`);
    await expect(page.getByText('Page 3 of 7', { exact: true })).toBeVisible();
    await expect(batchRows(page)).toHaveCount(20);
    await expect(page).toHaveTitle(/New AI Agent · page 3 · Batch runs/);
    await expectNoAxeViolations(page);
  });

  test('changes the page size and returns to page 1', async ({ page }) => {
    await page.goto(`/?agentId=${EXAMPLE_AGENT}&page=2`);
    await expect(page.getByText('Page 2 of 7', { exact: true })).toBeVisible();
    await page.getByLabel('Rows per page').selectOption('50');
    await expect(page.getByText('Page 1 of 3', { exact: true })).toBeVisible();
    await expect(batchRows(page)).toHaveCount(50);
    await expect(page).toHaveURL(`/?agentId=${EXAMPLE_AGENT}&size=50`);
  });

  test('expands the documented batch and reads its test case', async ({ page }) => {
    await page.goto(`/?agentId=${EXAMPLE_AGENT}`);
    const row = page.locator(`tr[data-batch-id="${EXAMPLE_BATCH}"]`);
    await expect(
      row.getByRole('img', { name: '4 of 5 attempts succeeded, 1 failed' }),
    ).toBeVisible();
    await row.getByRole('button', { name: `Show test cases of batch ${EXAMPLE_BATCH}` }).click();
    const panel = page.locator(`#panel-${EXAMPLE_BATCH}`);
    await expect(
      panel.getByRole('heading', { name: 'Angry Customer - Cancellation Flow' }),
    ).toBeVisible();
    await expect(panel.getByText('tc_d17T6uReChpyfFeP')).toBeVisible();
    await expect(panel.getByText('gpt-4o-mini')).toBeVisible();
    await expect(
      panel.getByText('You are an angry customer who wants to cancel your subscription.'),
    ).toBeVisible();
    await expect(panel.getByText(/present retention alternatives/)).toBeVisible();
    await expect(panel.getByRole('cell', { name: 'customer_name' })).toBeVisible();
    await expect(panel.getByRole('cell', { name: 'John Doe' })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`batch=${EXAMPLE_BATCH}`));
    await expectNoAxeViolations(page);
  });
});

test('says on every page that the sandbox answers, so made-up data is never taken for real', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByText('Sandbox data', { exact: true })).toBeVisible();
  await page.goto(`/?agentId=${EXAMPLE_AGENT}`);
  await expect(page.getByText('Sandbox data', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toHaveCount(0);
});
