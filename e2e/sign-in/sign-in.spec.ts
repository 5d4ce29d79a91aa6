/**
 * Sign-in in real Chromium against a real OpenID Connect provider on 127.0.0.1 (provider.ts),
 * with the production build forwarding to the fake upstream: a shared deep link survives
 * sign-in, refused and forged sign-ins stay out, tampered and expired cookies are refused,
 * Sign out ends it, and /v1 without a session never reaches the upstream.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { cookieSealer } from '../../server/auth/sealed-cookie.ts';
import { expectNoAxeViolations } from '../fixtures';
import { AGENT_IDS, type RecordedRequest } from '../upstream/scenarios';
import { E2E_SESSION_SECRET, FAKE_UPSTREAM_PORT, OIDC_CONTROL_PORT } from '../upstream/ports';
import { expect, test } from './sign-in-test';

// One provider decides who signs in next: these tests take turns.
test.describe.configure({ mode: 'serial' });

async function signInAs(request: APIRequestContext, email: string, verified = 'true') {
  const url = `http://127.0.0.1:${OIDC_CONTROL_PORT}/identity?${new URLSearchParams({ email, verified })}`;
  expect((await request.post(url)).status()).toBe(204);
}

async function sessionCookie(page: Page) {
  return (await page.context().cookies()).find((cookie) => cookie.name === 'sm_session');
}

test.beforeEach(async ({ request }) => {
  await signInAs(request, 'lead@example.com');
});

test('a shared deep link opened signed out comes back signed in to the same view', async ({
  page,
}) => {
  const link = `/?agentId=${AGENT_IDS.ok}&page=2&size=10`;
  const started = Date.now();
  await page.goto(link);
  await expect(page).toHaveURL(link);
  await expect(page.getByText('Page 2 of 2', { exact: true })).toBeVisible();
  console.log(
    `[sign-in] deep link to first rows, through the provider: ${Date.now() - started} ms`,
  );
  await expect(page.locator('tbody tr[data-batch-id]')).toHaveCount(2);
  await expect(page.getByText('lead@example.com')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.getByText('Sandbox data')).toHaveCount(0);
  const cookie = await sessionCookie(page);
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe('Lax');
  await expectNoAxeViolations(page);
});

test('an address from another domain gets the 403 page and not one batch run', async ({
  page,
  request,
}) => {
  await signInAs(request, 'visitor@other.example');
  const response = await page.goto(`/?agentId=${AGENT_IDS.ok}`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Access refused' })).toBeVisible();
  await expect(page.getByText('visitor@other.example')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign in with another account' })).toBeVisible();
  await expectNoAxeViolations(page);
  const api = await page.request.get(`/v1/batch-runs?agentId=${AGENT_IDS.ok}`);
  expect(api.status()).toBe(401);
  expect(await sessionCookie(page)).toBeUndefined();
});

test('a tampered cookie and an expired one are refused; a well-sealed one is not', async ({
  page,
  context,
}) => {
  const sessions = cookieSealer<{ email: string }>(E2E_SESSION_SECRET, 'session');
  const url = test.info().project.use.baseURL ?? '';
  const withCookie = async (value: string) => {
    await context.clearCookies();
    await context.addCookies([{ name: 'sm_session', value, url }]);
    return (await page.request.get('/v1/agents')).status();
  };
  const valid = await sessions.seal({ email: 'lead@example.com' }, 60);
  expect(await withCookie(valid)).toBe(200);
  const tampered = `${valid.slice(0, -6)}${valid.at(-6) === 'A' ? 'B' : 'A'}${valid.slice(-5)}`;
  expect(await withCookie(tampered)).toBe(401);
  expect(await withCookie(await sessions.seal({ email: 'lead@example.com' }, -60))).toBe(401);
  const otherSecret = cookieSealer<{ email: string }>(`${E2E_SESSION_SECRET}-old`, 'session');
  expect(await withCookie(await otherSecret.seal({ email: 'lead@example.com' }, 60))).toBe(401);
});

test('when the session ends, the page says so and signs in back to the same view', async ({
  page,
  context,
}) => {
  const link = `/?agentId=${AGENT_IDS.ok}&size=10`;
  await page.goto(link);
  await expect(page.locator('tbody tr[data-batch-id]')).toHaveCount(10);
  await context.clearCookies();
  // A page size not asked for yet, so the app must go to the server (page 2 is prefetched).
  await page.getByLabel('Rows per page').first().selectOption('20');
  const banner = page.getByRole('alert').filter({ hasText: 'Your session has ended' });
  await expect(banner).toBeVisible();
  // The page around the failed request stays: its controls and its URL.
  await expect(page.getByLabel('Rows per page').first()).toHaveValue('20');
  await expect(page).toHaveURL(`/?agentId=${AGENT_IDS.ok}`);
  // The header no longer shows the address of the session that ended.
  await expect(page.getByText('lead@example.com')).toHaveCount(0);
  await banner.getByRole('link', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`/?agentId=${AGENT_IDS.ok}`);
  await expect(page.getByText('Page 1 of 1', { exact: true })).toBeVisible();
  await expect(banner).toHaveCount(0);
});

test('Sign out clears the session and ends the provider’s', async ({ page }) => {
  await page.goto(`/?agentId=${AGENT_IDS.ok}`);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'You are signed out' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/auth/signed-out');
  expect(await sessionCookie(page)).toBeUndefined();
  expect((await page.request.get('/v1/agents')).status()).toBe(401);
});

test('a callback whose state was not started in this browser is refused', async ({ page }) => {
  const start = await page.request.get(`/?agentId=${AGENT_IDS.ok}`, {
    headers: { Accept: 'text/html' },
    maxRedirects: 0,
  });
  const authorize = start.headers().location ?? '';
  const back = await page.request.get(authorize, { maxRedirects: 0 });
  const callback = new URL(back.headers().location ?? '');
  callback.searchParams.set('state', 'state-from-another-browser-0123456');
  const response = await page.goto(callback.href);
  expect(response?.status()).toBe(400);
  await expect(page.getByRole('heading', { name: 'Sign-in did not complete' })).toBeVisible();
  expect(await sessionCookie(page)).toBeUndefined();
});

test('/v1 without a session is 401 and the upstream never hears of it', async ({ page }) => {
  const marker = `agent_signin_marker_${Date.now()}`;
  const response = await page.request.get(`/v1/batch-runs?agentId=${marker}`);
  expect(response.status()).toBe(401);
  expect(response.headers().location).toBeUndefined();
  const recorded = (await (
    await page.request.get(`http://127.0.0.1:${FAKE_UPSTREAM_PORT}/__requests`)
  ).json()) as RecordedRequest[];
  expect(recorded.filter((r) => r.query.some(([, value]) => value === marker))).toEqual([]);
});

test('abandoned sign-ins with long links never lock the browser out (no 431)', async ({ page }) => {
  // Random ids do not compress: each link is as long as a cookie can carry.
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const noise = Array.from({ length: 2600 }, () => alphabet[Math.floor(Math.random() * 36)]).join(
    '',
  );
  for (let i = 0; i < 6; i++) {
    const returnTo = `/?agentId=${AGENT_IDS.ok}&q=${noise}${i}`;
    // A cross-site page can send the browser here; the provider is never visited.
    const response = await page.request.get(
      `/auth/login?returnTo=${encodeURIComponent(returnTo)}`,
      { maxRedirects: 0 },
    );
    expect(response.status()).toBe(302);
  }
  const cookies = await page.context().cookies();
  const header = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const signIns = cookies.filter((c) => c.name.startsWith('sm_signin'));
  console.log(
    `[sign-in] after 6 abandoned long sign-ins: Cookie header ${header.length} B, ${signIns.length} sign-in cookie(s)`,
  );
  expect(signIns.length).toBeLessThanOrEqual(3);
  expect(header.length).toBeLessThanOrEqual(4100);
  // Every request still works, a sign-in included.
  const link = `/?agentId=${AGENT_IDS.ok}&page=2&size=10`;
  const response = await page.goto(link);
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(link);
  await expect(page.getByText('Page 2 of 2', { exact: true })).toBeVisible();
});
