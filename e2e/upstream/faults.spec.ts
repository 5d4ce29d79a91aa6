/**
 * A failing API, end to end: the production server forwards to the fake upstream, which
 * fails per agent (scenarios.ts) and records every request it receives. Each test sends its
 * own Accept-Language tag (the server forwards that header, also when it renders the page), so
 * its requests can be counted,
 * and its fail-then-succeed run is its own, even while other specs visit the same agents.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './failing-api-test';
import { FAKE_UPSTREAM_PORT } from './ports';
import {
  AGENT_IDS,
  RATE_LIMITED_FAILURES,
  UNAVAILABLE_FAILURES,
  type RecordedRequest,
} from './scenarios';

/** The browser's tries for a retryable failure: the first and MAX_RETRIES (3) more. */
const BROWSER_TRIES = 4;
/**
 * The server's render of the page asks once first; a failure the browser would retry is left
 * to the browser (with the API's Retry-After, when it gave one), so the tries add up.
 */
const ALL_TRIES = 1 + BROWSER_TRIES;

interface Tagged {
  page: Page;
  /** The list's batch-runs requests of this test that reached the upstream, oldest first. */
  requests: (agentId: string) => Promise<RecordedRequest[]>;
}

async function tagged(page: Page, name: string): Promise<Tagged> {
  const tag = `x-${name.replace(/[^a-z0-9]/gi, '').slice(0, 8)}-${Math.random().toString(36).slice(2, 8)}`;
  const language = `en-US,en;q=0.9,${tag};q=0.1`;
  await page.setExtraHTTPHeaders({ 'Accept-Language': language });
  // Chromium sends a navigation its own Accept-Language (from the locale): the page's request
  // carries the tag too, since the server renders the page and asks the API with its header.
  await page.route(
    (url) => url.pathname === '/',
    (route) =>
      route.continue({ headers: { ...route.request().headers(), 'accept-language': language } }),
  );
  return {
    page,
    requests: async (agentId) => {
      const response = await page.request.get(`http://127.0.0.1:${FAKE_UPSTREAM_PORT}/__requests`);
      const all = (await response.json()) as RecordedRequest[];
      // The list's own page (size 20), not the newest 100 the likely-failing estimate asks
      // for once the list has arrived.
      return all.filter(
        (r) =>
          r.headers['accept-language'] === language &&
          r.path === '/v1/batch-runs' &&
          r.query.some(([key, value]) => key === 'agentId' && value === agentId) &&
          r.query.some(([key, value]) => key === 'size' && value === '20'),
      );
    },
  };
}

function gapsMs(requests: RecordedRequest[]): number[] {
  const times = requests.map((r) => Date.parse(r.receivedAt));
  return times.slice(1).map((time, i) => time - times[i]!);
}

test.describe('a failing API', () => {
  test('500: the server’s try, four in the browser with growing gaps, then the error with Retry', async ({
    page,
  }) => {
    const { requests } = await tagged(page, '500');
    await page.goto(`/?agentId=${AGENT_IDS.serverError}`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Could not load batch runs', { timeout: 30_000 });
    await expect(alert).toContainText('Something went wrong on our side (HTTP 500)');
    // The error shows only after the last try, so the count is final here.
    const tries = await requests(AGENT_IDS.serverError);
    expect(tries).toHaveLength(ALL_TRIES);
    // The first gap is the server's try to the browser's first: no backoff between them.
    const [, first, second, third] = gapsMs(tries);
    // Backoff with jitter: 0.5–1 s, 1–2 s, 2–4 s (lower bounds only: the machine may be slow).
    expect(first).toBeGreaterThanOrEqual(450);
    expect(second).toBeGreaterThanOrEqual(950);
    expect(third).toBeGreaterThanOrEqual(1_950);

    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect
      .poll(async () => (await requests(AGENT_IDS.serverError)).length)
      .toBe(ALL_TRIES + 1);
  });

  test('503 with Retry-After: 1, twice, then the data', async ({ page }) => {
    const { requests } = await tagged(page, '503');
    await page.goto(`/?agentId=${AGENT_IDS.unavailable}`);
    await expect(page.locator('tbody tr[data-batch-id]')).toHaveCount(3, { timeout: 30_000 });
    await expect(page.getByRole('alert')).toHaveCount(0);
    // Behaviour, not wall-clock: exactly one try per 503 plus the one that succeeded (no
    // extra tries, no giving up), and never sooner than the Retry-After asked. How soon after
    // it the browser asks again is a unit test (query-client.test.ts: the delay is exactly
    // Retry-After); a loaded CI machine can stretch any gap here by seconds, the first gap
    // also spans the page's load and hydration.
    const tries = await requests(AGENT_IDS.unavailable);
    expect(tries).toHaveLength(UNAVAILABLE_FAILURES + 1);
    for (const gap of gapsMs(tries)) expect(gap).toBeGreaterThanOrEqual(950);
  });

  test('429 with Retry-After: 1, once, then the data', async ({ page }) => {
    const { requests } = await tagged(page, '429');
    await page.goto(`/?agentId=${AGENT_IDS.rateLimited}`);
    await expect(page.locator('tbody tr[data-batch-id]')).toHaveCount(3, { timeout: 30_000 });
    const tries = await requests(AGENT_IDS.rateLimited);
    expect(tries).toHaveLength(RATE_LIMITED_FAILURES + 1);
    expect(gapsMs(tries)[0]).toBeGreaterThanOrEqual(950);
  });

  test('400: asked exactly once, then the API’s message', async ({ page }) => {
    const { requests } = await tagged(page, '400');
    await page.goto(`/?agentId=${AGENT_IDS.badRequest}`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The API refused this request');
    await expect(alert).toContainText('Invalid request parameters');
    expect(await requests(AGENT_IDS.badRequest)).toHaveLength(1);
  });

  test('404: asked exactly once, then "Not found"', async ({ page }) => {
    const { requests } = await tagged(page, '404');
    const unknown = 'agent_not_in_this_workspace';
    await page.goto(`/?agentId=${unknown}`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Not found');
    await expect(alert).toContainText('Agent not found');
    expect(await requests(unknown)).toHaveLength(1);
  });

  test('too slow: our server answers 504, tried five times, then the error', async ({ page }) => {
    test.setTimeout(90_000);
    const { requests } = await tagged(page, 'slow');
    await page.goto(`/?agentId=${AGENT_IDS.slow}`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('did not answer within 3000 ms (HTTP 504)', {
      timeout: 60_000,
    });
    await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
    expect(await requests(AGENT_IDS.slow)).toHaveLength(ALL_TRIES);
  });

  test('malformed JSON: asked once, the error says it is not JSON', async ({ page }) => {
    const { requests } = await tagged(page, 'badjson');
    await page.goto(`/?agentId=${AGENT_IDS.malformedJson}`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('The API answered with something that is not JSON.');
    await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
    expect(await requests(AGENT_IDS.malformedJson)).toHaveLength(1);
  });

  test('wrong shape: asked once, the error names the field', async ({ page }) => {
    const { requests } = await tagged(page, 'shape');
    await page.goto(`/?agentId=${AGENT_IDS.wrongShape}`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(
      'Unexpected response: field "totalPages" is a string, expected a number.',
    );
    expect(await requests(AGENT_IDS.wrongShape)).toHaveLength(1);
  });

  test('too large: our server answers 502, tried five times, then the error', async ({ page }) => {
    const { requests } = await tagged(page, 'huge');
    await page.goto(`/?agentId=${AGENT_IDS.huge}`);
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('response was too large', { timeout: 30_000 });
    expect(await requests(AGENT_IDS.huge)).toHaveLength(ALL_TRIES);
  });
});
