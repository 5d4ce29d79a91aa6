/**
 * The `test` for pages that meet a failing API on purpose. Chromium logs every non-2xx fetch
 * as a console error ("Failed to load resource: the server responded with a status of 500"),
 * which e2e/fixtures.ts counts as a failure. This variant allows exactly those lines, and
 * only for /v1 requests; any other console error or page error still fails the test.
 */
import { expect, test as base } from '../fixtures';

const HTTP_STATUS_LOG = /^Failed to load resource: the server responded with a status of \d{3}\b/;

export const test = base.extend<{ consoleErrors: string[]; failedApiLogs: string[] }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function asks for
  failedApiLogs: async ({}, use) => {
    await use([]);
  },
  // Replaces the fixture of the same name (still automatic: an override keeps `auto`).
  consoleErrors: async ({ page, failedApiLogs }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const where = message.location().url;
      const { pathname } = new URL(where || 'about:blank');
      if (HTTP_STATUS_LOG.test(message.text()) && pathname.startsWith('/v1/')) {
        failedApiLogs.push(`${message.text()} ${pathname}`);
      } else {
        errors.push(`console.error: ${message.text()} (${where || 'no location'})`);
      }
    });
    await use(errors);
    expect(errors, 'page errors and console errors (failed /v1 fetches allowed)').toEqual([]);
  },
});

export { expect };
