/**
 * One cold load in a fresh browser context, timed inside the page from navigation start:
 * when the first result row is painted, the first contentful paint, and the JavaScript the
 * first view downloaded (gzip bytes on the wire, plus inline scripts gzipped as they travel
 * inside their HTML). Used by bench/run.ts and bench/side-by-side.ts.
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { errors, type Browser, type BrowserContextOptions } from '@playwright/test';

const gzipped = promisify(gzip);

export const VIEWPORT = { width: 1366, height: 900 };

/**
 * In the page: the time (performance.now(), from navigation start) when `done()` first holds,
 * taken after the next frame so it is the frame that paints it.
 */
export const WATCH = `(done) => new Promise((resolve) => {
  const finish = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
  if (done()) return finish();
  const observer = new MutationObserver(() => { if (done()) { observer.disconnect(); finish(); } });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})`;

export interface ColdLoad {
  /** Navigation start → the frame after the first `rowSelector` appears. */
  firstRowMs: number;
  /** First contentful paint (Paint Timing), NaN if the page never painted content. */
  fcpMs: number;
  /** Script responses finished by the first row (encoded body bytes) + inline scripts gzipped. */
  jsGzipBytes: number;
}

export async function coldLoad(
  browser: Browser,
  url: string,
  rowSelector: string,
  options: BrowserContextOptions = {},
): Promise<ColdLoad> {
  const context = await browser.newContext({ viewport: VIEWPORT, ...options });
  try {
    const page = await context.newPage();
    const scripts: Promise<number>[] = [];
    page.on('requestfinished', (request) => {
      if (request.resourceType() !== 'script') return;
      // A script that finishes as the context closes has no sizes to read (and is not counted).
      scripts.push(
        request.sizes().then(
          (sizes) => sizes.responseBodySize,
          () => 0,
        ),
      );
    });
    await page.addInitScript(
      `(${WATCH})(() => document.querySelector(${JSON.stringify(rowSelector)}) !== null)
        .then((t) => { window.__firstRow = t; })`,
    );
    await page.goto(url);
    await page.waitForFunction(() => '__firstRow' in window, undefined, { timeout: 30_000 });
    const external = scripts.slice(); // what had finished by the first row
    const measured = await page.evaluate(() => ({
      firstRowMs: (window as unknown as { __firstRow: number }).__firstRow,
      fcpMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      inline: [...document.scripts]
        .filter((s) => !s.src && ['', 'module', 'text/javascript'].includes(s.type))
        .map((s) => s.text),
    }));
    const externalBytes = (await Promise.all(external)).reduce((sum, n) => sum + n, 0);
    const inlineBytes = (
      await Promise.all(measured.inline.map((text) => gzipped(text).then((b) => b.length)))
    ).reduce((sum, n) => sum + n, 0);
    return {
      // Nothing is painted before the first contentful paint, while a frame callback can run
      // before it (a render-blocked page: server/ssr.ts), so a row is painted at the later of the two.
      firstRowMs: Math.max(
        measured.firstRowMs,
        Number.isFinite(measured.fcpMs) ? measured.fcpMs : 0,
      ),
      fcpMs: measured.fcpMs,
      jsGzipBytes: externalBytes + inlineBytes,
    };
  } finally {
    await context.close();
  }
}

export interface NoJsLoad {
  /** Whether a row was in the document within the timeout. */
  rows: boolean;
  /**
   * Measured in Node, not in the page (the page runs no script): from just before `goto` to
   * Playwright finding the row in the DOM; it includes Playwright's protocol round trips.
   */
  firstRowWallMs: number;
  /**
   * Read from the page's own timing entries, from navigation start: first contentful paint,
   * and DOM interactive (the HTML parsed, so a row sent in it is in the DOM by then).
   */
  fcpMs: number;
  domInteractiveMs: number;
}

/** A cold load with JavaScript disabled: the rows must come in the HTML itself. */
export async function coldLoadWithoutJs(
  browser: Browser,
  url: string,
  rowSelector: string,
  timeoutMs = 5_000,
): Promise<NoJsLoad> {
  const context = await browser.newContext({ viewport: VIEWPORT, javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    const start = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    const rows = await page
      .waitForSelector(rowSelector, { state: 'attached', timeout: timeoutMs })
      .then(() => true)
      .catch((error: unknown) => {
        if (error instanceof errors.TimeoutError) return false;
        throw error;
      });
    const firstRowWallMs = rows ? performance.now() - start : NaN;
    await page.waitForLoadState('load');
    const timing = await page.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0] as
        PerformanceNavigationTiming | undefined;
      return {
        fcpMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
        domInteractiveMs: navigation?.domInteractive ?? NaN,
      };
    });
    return { rows, firstRowWallMs, ...timing };
  } finally {
    await context.close();
  }
}
