/**
 * The `test` for the sign-in specs: refusals are the point here, and Chromium logs each one
 * (a 401 from /v1, a 400 or 403 page from /auth) as "Failed to load resource". This variant
 * allows exactly those lines; any other console error or page error still fails the test.
 */
import { expect, test as base } from '../fixtures';

const HTTP_STATUS_LOG =
  /^Failed to load resource: the server responded with a status of (400|401|403)\b/;

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() !== 'error' || HTTP_STATUS_LOG.test(message.text())) return;
      errors.push(`console.error: ${message.text()} (${message.location().url || 'no location'})`);
    });
    await use(errors);
    expect(errors, 'page errors and console errors (refusals allowed)').toEqual([]);
  },
});

export { expect };
