/**
 * API text that holds String.prototype.replace's patterns (`$&`, `$'`, `` $` ``, `$$`) goes
 * through the server render literally: one <title>, one #root, the carried JSON intact (the
 * page hydrates without React's mismatch error 418, which the fixture counts as a console
 * error), and with JavaScript off the header is not swallowed by the title.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../fixtures';
import { AGENT_IDS, HOSTILE } from './scenarios';

const URL = `/?agentId=${AGENT_IDS.dollar}&batch=batch_dollar_patterns`;

async function expectLiteral(page: Page, html: string) {
  const head = html.slice(0, html.indexOf('</head>'));
  expect(head.match(/<title>/g), 'one <title> in the head').toHaveLength(1);
  expect(html.match(/id="root"/g), 'one #root in the first HTML').toHaveLength(1);
  expect(html.match(/id="ssr-state"/g), 'one carried state').toHaveLength(1);
  const carried = await page.locator('#ssr-state').textContent();
  expect(() => JSON.parse(carried ?? '') as unknown).not.toThrow();
  await expect(page.locator('head > title')).toHaveCount(1);
  await expect(page).toHaveTitle(new RegExp(`^${escapeRegExp(HOSTILE.dollarName)} · `));
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(page.getByText(HOSTILE.dollarPersona).first()).toBeVisible();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

test('API text with $& and friends is rendered literally, then hydrates', async ({ page }) => {
  const response = await page.goto(URL);
  await expectLiteral(page, await response!.text());
  await expect(page.locator('tbody tr[data-batch-id]')).toHaveCount(1);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('API text with $& and friends is rendered literally', async ({ page }) => {
    const response = await page.goto(URL);
    await expectLiteral(page, await response!.text());
  });
});
