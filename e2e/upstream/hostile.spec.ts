/**
 * Hostile content from the API (agent_hostile in scenarios.ts): markup, script, event
 * handlers, javascript: URLs, bidi overrides, zero-width characters, emoji, 20 kB strings,
 * counts that disagree, blank and missing parts. All of it must be shown as text, run
 * nothing, and leave the layout whole. The last test proves the CSP is a second line: an
 * inline script that got into the DOM anyway is blocked.
 */
import { test as plainTest, type Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from '../fixtures';
import { test as failingApiTest } from './failing-api-test';
import { AGENT_IDS, AGENT_WEBHOOK_SECRET, HOSTILE } from './scenarios';

const HOSTILE_URL = `/?agentId=${AGENT_IDS.hostile}`;

/** Fails the test on any dialog (alert/confirm/prompt) a payload might open. */
function refuseDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return dialogs;
}

/** What a payload would leave behind had it run, and markup that should never be in the DOM. */
async function traces(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    // The app's own files, and the one data block the server renders (JSON, never run).
    const appScripts = [...document.scripts].every(
      (script) =>
        (script.src !== '' && new URL(script.src).origin === location.origin) ||
        (script.id === 'ssr-state' && script.type === 'application/json' && script.src === ''),
    );
    return {
      pwned: w.__pwned ?? null,
      appScriptsOnly: appScripts,
      handlers: document.querySelectorAll(
        '[onerror], [onload], [onclick], [onmouseover], [onfocus]',
      ).length,
      injected: document.querySelectorAll(
        'main script, main iframe, main object, main embed, img[src="x"], svg[onload]',
      ).length,
      javascriptLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
    };
  });
}

async function expectNoHorizontalPageScroll(page: Page) {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    viewport: document.documentElement.clientWidth,
    main: document.querySelector('main')?.getBoundingClientRect().right ?? 0,
  }));
  expect(widths.page, 'the page must not scroll sideways').toBeLessThanOrEqual(widths.viewport);
  expect(widths.main).toBeLessThanOrEqual(widths.viewport);
}

test.describe('hostile content from the API', () => {
  test('is shown as text, runs nothing and keeps the layout', async ({ page }, testInfo) => {
    const dialogs = refuseDialogs(page);
    await page.goto(HOSTILE_URL);
    const rows = page.locator('tbody tr[data-batch-id]');
    await expect(rows).toHaveCount(6);

    // Markup in a label is text: in the table, and (below) in the panel. Each label sits in
    // its own <bdi>, so a bidi override cannot run on into the next one.
    const markupRow = page.locator('tr[data-batch-id="batch_hostile_markup"]');
    await expect(
      markupRow.locator('bdi').getByText(HOSTILE.scriptTag, { exact: true }),
    ).toBeVisible();
    const unicodeRow = page.locator('tr[data-batch-id="batch_hostile_unicode"]');
    await expect(unicodeRow.locator('bdi')).toHaveText([HOSTILE.rtlOverride, HOSTILE.emoji]);

    // A 20 kB label is cut in the table: no row grows taller than a few lines.
    const longRow = page.locator('tr[data-batch-id="batch_hostile_long"]');
    await expect(longRow.locator('bdi')).toHaveText(/^W{80}…$/);
    for (const height of await rows.evaluateAll((trs) => trs.map((tr) => tr.clientHeight))) {
      expect(height).toBeLessThan(200);
    }
    await expectNoHorizontalPageScroll(page);

    await page.getByRole('button', { name: 'Expand all' }).click();
    const panel = (batchId: string) => page.locator(`#panel-${batchId}`);
    const markup = panel('batch_hostile_markup');
    await expect(markup.getByRole('heading', { name: HOSTILE.scriptTag })).toBeVisible();
    await expect(markup.getByText(HOSTILE.imgOnError, { exact: true }).first()).toBeVisible();
    await expect(markup.getByText(HOSTILE.javascriptUrl, { exact: true }).first()).toBeVisible();
    await expect(markup.getByText(HOSTILE.svgOnLoad, { exact: true })).toBeVisible();
    await expect(markup.getByText('<b>customer_name</b>', { exact: true })).toBeVisible();

    // Bidi overrides, zero-width characters and emoji come through unchanged.
    const unicode = panel('batch_hostile_unicode');
    await expect(unicode.getByRole('heading', { name: HOSTILE.rtlOverride })).toBeVisible();
    await expect(unicode.getByRole('heading', { name: HOSTILE.emoji })).toBeVisible();
    await expect(unicode.getByText(HOSTILE.zeroWidth, { exact: true })).toBeVisible();

    // 20 kB strings: cut with a way to read them whole, never wider than the page.
    const long = panel('batch_hostile_long');
    await expect(long.getByRole('heading', { name: /^W{160}…$/ })).toBeVisible();
    await long.getByText('Show the whole label (20,000 characters)').click();
    await expect(long.getByText(HOSTILE.longWord, { exact: true })).toBeVisible();
    await expect(long.getByRole('button', { name: /Show all of the persona/ })).toBeVisible();
    await expectNoHorizontalPageScroll(page);

    // Counts that disagree are shown as given and flagged; the bar still draws.
    const counts = page.locator('tr[data-batch-id="batch_hostile_counts"]');
    await expect(counts.getByText(/Counts disagree/)).toBeVisible();
    await expect(
      counts.getByRole('img', { name: /3 of 7 attempts succeeded, 1 failed/ }),
    ).toBeVisible();

    // Empty parts read sensibly.
    const noCases = page.locator('tr[data-batch-id="batch_hostile_no_cases"]');
    await expect(noCases.getByText('None', { exact: true })).toBeVisible();
    await expect(panel('batch_hostile_no_cases')).toContainText('This batch ran no test cases.');
    const blank = panel('batch_hostile_blank');
    await expect(blank.getByRole('heading', { name: 'Untitled test case' })).toBeVisible();
    await expect(blank.getByText('No mock data')).toBeVisible();

    // Read every long text in full too, then look for anything that ran.
    const showAll = page.getByRole('button', { name: /^Show all of the/ });
    const texts = await showAll.count();
    expect(texts).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < texts; i++) await showAll.first().click(); // each becomes "Show less"
    await expect(showAll).toHaveCount(0);
    await expectNoHorizontalPageScroll(page);
    expect(await traces(page)).toEqual({
      pwned: null,
      appScriptsOnly: true,
      handlers: 0,
      injected: 0,
      javascriptLinks: 0,
    });
    expect(dialogs).toEqual([]);
    await expect(page.locator('body')).not.toContainText(AGENT_WEBHOOK_SECRET);

    await page.screenshot({ path: testInfo.outputPath('hostile-expanded.png'), fullPage: false });
    await expectNoAxeViolations(page);
  });

  // The board also loads the failing agents' cards, so failed /v1 fetches are logged.
  failingApiTest('the agents board shows hostile names as text', async ({ page }) => {
    const dialogs = refuseDialogs(page);
    await page.goto('/');
    const hostileName = `Hostile ${HOSTILE.imgOnError} Agent`;
    await expect(page.getByRole('main').getByText(hostileName).first()).toBeVisible();
    await expectNoHorizontalPageScroll(page);
    expect((await traces(page)).pwned).toBeNull();
    expect((await traces(page)).handlers).toBe(0);
    await expect(page.locator('body')).not.toContainText(AGENT_WEBHOOK_SECRET);
    expect(dialogs).toEqual([]);
  });

  test('in a narrow window the page still does not scroll sideways', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(HOSTILE_URL);
    // A phone lists each batch run as a card, not a table row.
    await expect(page.locator('li[data-batch-id]')).toHaveCount(6);
    await page.getByRole('button', { name: 'Expand all' }).click();
    await expect(page.locator('#panel-batch_hostile_long')).toBeVisible();
    await expectNoHorizontalPageScroll(page);
  });
});

// Not the auto fixture: this test provokes CSP violations on purpose, and Chromium reports
// each one as a console error, which the fixture would count as a failure. It collects the
// console itself and allows exactly those errors.
plainTest('the CSP blocks inline script even if one reached the DOM', async ({ page }) => {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const dialogs = refuseDialogs(page);

  const response = await page.goto(HOSTILE_URL);
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).toContain("object-src 'none'");
  await expect(page.locator('tbody tr[data-batch-id]')).toHaveCount(6);

  const outcome = await page.evaluate(async () => {
    const w = window as unknown as Record<string, unknown>;
    const violations: string[] = [];
    const refused: string[] = [];
    const seen = new Promise<void>((resolve) => {
      document.addEventListener('securitypolicyviolation', (event) => {
        violations.push(`${event.effectiveDirective} ${event.blockedURI}`);
        if (violations.length >= 3) resolve();
      });
    });
    // 1. an inline <script> element (Trusted Types refuse its text before script-src could)
    const script = document.createElement('script');
    try {
      script.textContent = 'window.__pwned = "inline script"';
    } catch (error) {
      refused.push(String(error));
    }
    document.body.append(script);
    // 2. an inline event handler on an image that fails to decode
    const image = document.createElement('img');
    try {
      image.setAttribute('onerror', 'window.__pwned = "event handler"');
    } catch (error) {
      refused.push(String(error));
    }
    image.src = 'data:image/png;base64,AAAA';
    document.body.append(image);
    // 3. a javascript: link followed
    const link = document.createElement('a');
    link.href = 'javascript:window.__pwned="javascript url"';
    document.body.append(link);
    link.click();
    await Promise.race([seen, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    return { pwned: w.__pwned ?? null, violations, refused };
  });

  expect(csp).toContain("require-trusted-types-for 'script'");
  expect(outcome.pwned).toBeNull();
  // Trusted Types refuse the inline text and the handler as they are written.
  expect(outcome.refused).toHaveLength(2);
  for (const refusal of outcome.refused) expect(refusal).toMatch(/TrustedScript/);
  expect(outcome.violations).toHaveLength(3);
  for (const violation of outcome.violations) {
    expect(violation).toMatch(/^(script-src|require-trusted-types-for)/);
  }
  expect(dialogs).toEqual([]);
  expect(pageErrors).toEqual([]);
  // The only console errors are the three violations just provoked.
  expect(consoleErrors.length).toBeGreaterThanOrEqual(1);
  for (const error of consoleErrors) expect(error).toMatch(/Content Security Policy|Trusted/);
});
