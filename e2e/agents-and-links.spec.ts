import type { Page } from '@playwright/test';
import {
  EXAMPLE_AGENT,
  EXAMPLE_BATCH,
  batchRows,
  expect,
  expectNoAxeViolations,
  test,
} from './fixtures';

/** Sandbox agents (server/sandbox/catalog.ts). */
const AGENT_COUNT = 8;
const ONE_BATCH_AGENT = 'agent_R7pWn3KdYs8LcVf1a';
const LARGE_AGENT = 'agent_X3mHc7YtPq0WfJs5n';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

async function batchIds(page: Page): Promise<string[]> {
  return batchRows(page).evaluateAll((rows) => rows.map((row) => row.dataset.batchId ?? ''));
}

function agentCard(page: Page, name: string) {
  return page.getByRole('article', { name, exact: true });
}

function picker(page: Page) {
  return page.getByRole('combobox', { name: 'Find an agent by name or id' });
}

test.describe('agents board, picker and shared links', () => {
  test('the board shows every agent’s health and opens an agent', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveTitle('All agents · Batch runs');
    await expect(page.getByRole('heading', { name: /All agents/, level: 1 })).toContainText(
      `${AGENT_COUNT} agents`,
    );
    const cards = page.getByRole('article');
    await expect(cards).toHaveCount(AGENT_COUNT);
    await expect(page.locator('article[data-state="loading"]')).toHaveCount(0);
    await expect(page.locator('article[data-state="error"]')).toHaveCount(0);

    const example = agentCard(page, 'New AI Agent');
    await expect(example.getByText('125 batch runs')).toBeVisible();
    await expect(
      example.getByRole('img', { name: '4 of 5 attempts succeeded, 1 failed' }),
    ).toBeVisible();
    await expect(example.getByRole('listitem')).toHaveCount(10);
    await expect(example.getByRole('listitem').last()).toContainText('80%');
    await expect(agentCard(page, 'Table Reservations v2 (draft)')).toContainText(
      'No batch runs yet.',
    );
    await expect(agentCard(page, 'Restaurant Reservations')).toContainText('1 batch run');
    // Agents come with secret settings; none of them reaches the page.
    expect(await page.content()).not.toContain('whsec_');
    await expectNoAxeViolations(page);

    const link = example.getByRole('link', { name: 'New AI Agent' });
    await expect(link).toHaveAttribute('href', `/?agentId=${EXAMPLE_AGENT}`);
    await link.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`/?agentId=${EXAMPLE_AGENT}`);
    await expect(page.getByRole('heading', { name: /New AI Agent/, level: 1 })).toBeVisible();
    await expect(batchRows(page)).toHaveCount(20);

    await page.getByRole('link', { name: /SigmaMind/ }).click();
    await expect(page).toHaveURL('/');
    await expect(page.getByRole('article')).toHaveCount(AGENT_COUNT);
  });

  test('a copied link reopens the same rows and the same expanded batch', async ({
    page,
    browser,
    baseURL,
  }) => {
    await page.goto(`/?agentId=${EXAMPLE_AGENT}&page=2&size=10`);
    await expect(page.getByText('Page 2 of 13', { exact: true })).toBeVisible();
    const ids = await batchIds(page);
    expect(ids).toHaveLength(10);
    const chosen = ids[6]!;
    const toggle = page.getByRole('button', { name: `Show test cases of batch ${chosen}` });
    await toggle.click();
    await expect(page).toHaveURL(`/?agentId=${EXAMPLE_AGENT}&page=2&size=10&batch=${chosen}`);

    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByText('Copied')).toBeVisible();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(`${baseURL}/?agentId=${EXAMPLE_AGENT}&page=2&size=10&batch=${chosen}`);

    // Someone else opens it in a fresh browser.
    const context = await browser.newContext();
    const other = await context.newPage();
    const errors: string[] = [];
    other.on('pageerror', (error) => errors.push(error.message));
    await other.goto(link);
    await expect(other.getByText('Page 2 of 13', { exact: true })).toBeVisible();
    await expect.poll(() => batchIds(other)).toEqual(ids);
    await expect(
      other.getByRole('button', { name: `Hide test cases of batch ${chosen}` }),
    ).toHaveAttribute('aria-expanded', 'true');
    await expect(other.locator(`#panel-${chosen}`)).toBeInViewport();
    await expect(other).toHaveTitle('New AI Agent · page 2 · Batch runs');
    expect(errors).toEqual([]);
    await context.close();

    // Collapsing the row takes it out of the URL again.
    await page.getByRole('button', { name: `Hide test cases of batch ${chosen}` }).click();
    await expect(page).toHaveURL(`/?agentId=${EXAMPLE_AGENT}&page=2&size=10`);
  });

  test('Back and Forward walk through agents and pages; reload keeps the view', async ({
    page,
  }) => {
    test.slow(); // a long walk: eleven navigations
    await page.goto('/');
    await agentCard(page, 'New AI Agent').getByRole('link').click();
    await expect(page.getByText('Page 1 of 7', { exact: true })).toBeVisible();
    await page.getByRole('link', { name: 'Next page' }).click();
    await expect(page.getByText('Page 2 of 7', { exact: true })).toBeVisible();
    await picker(page).fill('Collections Reminder Line');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`/?agentId=${LARGE_AGENT}`);
    await expect(
      page.getByRole('heading', { name: /^Collections Reminder Line batch runs/, level: 1 }),
    ).toBeVisible();

    await page.reload();
    await expect(page).toHaveURL(`/?agentId=${LARGE_AGENT}`);
    await expect(page.getByText('Page 1 of 2,617', { exact: true })).toBeVisible();

    await page.goBack();
    await expect(page).toHaveURL(`/?agentId=${EXAMPLE_AGENT}&page=2`);
    await expect(page.getByText('Page 2 of 7', { exact: true })).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(`/?agentId=${EXAMPLE_AGENT}`);
    await expect(page.getByText('Page 1 of 7', { exact: true })).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL('/');
    await expect(page.getByRole('article')).toHaveCount(AGENT_COUNT);
    await page.goForward();
    await expect(page.getByText('Page 1 of 7', { exact: true })).toBeVisible();
    await page.goForward();
    await expect(page.getByText('Page 2 of 7', { exact: true })).toBeVisible();
  });

  test('the picker finds an agent by part of its name and opens a pasted id', async ({ page }) => {
    await page.goto('/');
    const input = picker(page);
    await input.click();
    await input.pressSequentially('reserv');
    // The picker's options, not the board's Sort by choices.
    const options = page.getByRole('listbox').getByRole('option');
    await expect(options).toHaveCount(2);
    await expect(options.first()).toContainText('Restaurant Reservations');
    await expect(options.first()).toContainText('Active'); // statuses in one casing
    await expectNoAxeViolations(page);
    await page.keyboard.press('ArrowDown');
    await expect(input).toHaveAttribute(
      'aria-activedescendant',
      (await options.nth(1).getAttribute('id'))!,
    );
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`/?agentId=${ONE_BATCH_AGENT}`);
    await expect(
      page.getByRole('heading', { name: /^Restaurant Reservations batch runs/, level: 1 }),
    ).toBeVisible();

    // Paste an id the workspace does not list.
    await page.evaluate(() => navigator.clipboard.writeText('agent_NotOneOfOurs42'));
    await input.focus();
    await page.keyboard.press('ControlOrMeta+V');
    await expect(
      page.getByRole('option', { name: /Open agent id agent_NotOneOfOurs42/ }),
    ).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/?agentId=agent_NotOneOfOurs42');
    await expect(page.getByRole('heading', { name: 'Agent not found' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'No batch runs yet' })).toHaveCount(0);
    await expect(
      page.getByText('agent_NotOneOfOurs42 is not one of this workspace’s agents', {
        exact: false,
      }),
    ).toBeVisible();

    // Both are remembered as recent, newest first.
    await input.click();
    const recent = page.getByRole('group', { name: 'Recent' }).getByRole('option');
    await expect(recent).toHaveCount(2);
    await expect(recent.first()).toContainText('agent_NotOneOfOurs42');
    await expect(recent.nth(1)).toContainText('Restaurant Reservations');
    await page.getByRole('button', { name: 'Clear recent agents' }).click();
    await expect(page.getByRole('group', { name: 'Recent' })).toHaveCount(0);
  });

  test('a link to a batch that is not on page 1 opens its detail view', async ({ page }) => {
    await page.goto(`/?agentId=${EXAMPLE_AGENT}&page=3`);
    await expect(page.getByText('Page 3 of 7', { exact: true })).toBeVisible();
    const batchId = (await batchIds(page))[4]!;

    await page.goto(`/?agentId=${EXAMPLE_AGENT}&batch=${batchId}`);
    await expect(
      page.getByRole('heading', { name: `Batch ${batchId} of New AI Agent` }),
    ).toBeVisible();
    await expect(page).toHaveTitle(`Batch ${batchId} · New AI Agent · Batch runs`);
    await expect(page.getByRole('heading', { name: 'Test cases' })).toBeVisible();
    await expect(page.locator('article').first()).toBeVisible();
    await expect(page.getByRole('img', { name: /attempts? succeeded|No attempts/ })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Back to all batch runs of New AI Agent' }).click();
    await expect(page).toHaveURL(`/?agentId=${EXAMPLE_AGENT}`);
    await expect(page.getByText('Page 1 of 7', { exact: true })).toBeVisible();
    await expect(batchRows(page).first()).toHaveAttribute('data-batch-id', EXAMPLE_BATCH);
    await page.goBack();
    await expect(
      page.getByRole('heading', { name: `Batch ${batchId} of New AI Agent` }),
    ).toBeVisible();
  });
});
