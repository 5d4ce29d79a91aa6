/**
 * Sign-in in Chromium with a provider that serves `email` from its userinfo endpoint only, as
 * a provider in its spec-conforming default may in the code flow (OIDC Core 5.4; panva's
 * oidc-provider with `conformIdTokenClaims: true`, often Microsoft Entra ID): a shared filtered
 * link opened signed out signs in and lands on that view.
 */
import { expectNoAxeViolations } from '../fixtures';
import { AGENT_IDS } from '../upstream/scenarios';
import { SIGN_IN_USERINFO_PORT } from '../upstream/ports';
import { expect, test } from './sign-in-test';

const origin = `http://127.0.0.1:${SIGN_IN_USERINFO_PORT}`;

test('a shared filtered link signs in through userinfo and lands on the view', async ({ page }) => {
  const link = `/?agentId=${AGENT_IDS.ok}&outcome=failed&size=10`;
  await page.goto(`${origin}${link}`);
  await expect(page).toHaveURL(`${origin}${link}`);
  await expect(page.getByRole('list', { name: 'Active filters' })).toContainText(/failed/i);
  await expect(page.getByText('lead@example.com')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: /sign in/i })).toHaveCount(0);
  const session = (await page.context().cookies(origin)).find((c) => c.name === 'sm_session');
  expect(session?.httpOnly).toBe(true);
  await expectNoAxeViolations(page);
});
