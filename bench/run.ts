/**
 * `npm run bench`: the dashboard's user-facing timings, in real (headless) Chromium on the
 * production build and the sandbox. Each browser figure is the median of RUNS fresh contexts
 * with its min and max. Prints a table and writes bench/results/<date>.json (git-ignored).
 * BENCH_RUNS=n changes the number of runs; BENCH_LOAD=1 also runs bench/load.ts.
 *
 * "Next without prefetch": the prefetch of page 2 is held at the network (page.route) until
 * the click, so the click waits for the request as a cold page change would.
 *
 * Then, for issue #15: the dashboard side by side with the Playwright HTML report
 * (bench/side-by-side.ts; BENCH_ROUNDS rounds × RUNS loads each), the first row with the
 * upstream 150 ms away (bench/delayed-upstream.ts), and the first row with JavaScript disabled.
 *
 * Next page and Expand all are found by their name as a link or a button: server-rendered
 * pages may make page changes links.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../e2e/chromium.ts';
import { viewReady } from '../e2e/view-ready.ts';
import { VIEWPORT, WATCH, coldLoad, coldLoadWithoutJs, type NoJsLoad } from './cold-load.ts';
import { startDelayedUpstream } from './delayed-upstream.ts';
import { CACHE, ensurePlaywrightReport, serveStatic } from './playwright-report.ts';
import { startProductionServer } from './server.ts';
import { median, printSideBySide, sideBySide, type SideBySide } from './side-by-side.ts';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const UPSTREAM_DELAY_MS = 150;
const AGENT = 'agent_D5D0p7TUs66TTAEAx';
const LARGE_AGENT = 'agent_X3mHc7YtPq0WfJs5n';
const ROW = 'tbody tr[data-batch-id]';
/** A test row in the Playwright HTML report's list. */
const REPORT_ROW = '.test-file-test';

interface Figure {
  name: string;
  target: string;
  unit: string;
  samples: number[];
  note?: string;
}

const figures: Figure[] = [];
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))] ?? NaN;

// In the page: the link or button named `name` (its label or its text), for the in-page timings.
const CONTROL = `(name) => [...document.querySelectorAll('a[href], button')]
  .find((el) => (el.getAttribute('aria-label') ?? el.textContent).trim() === name)`;

async function inPage<T>(page: Page, body: string): Promise<T> {
  return page.evaluate<T>(
    `(async () => { const watch = ${WATCH}; const control = ${CONTROL}; ${body} })()`,
  );
}

/** The rows, and the app hydrated over them: a server-rendered row is there before its handlers. */
async function waitForRows(page: Page) {
  await page.waitForSelector(ROW);
  await page.waitForFunction(viewReady);
}

async function newPage(browser: Browser) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.__longTasks.push(entry.startTime, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  return { context, page };
}

async function firstRows(browser: Browser, origin: string) {
  return (await coldLoad(browser, `${origin}/?agentId=${AGENT}`, ROW)).firstRowMs;
}

async function nextPage(browser: Browser, origin: string, prefetch: boolean) {
  const { context, page } = await newPage(browser);
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  if (!prefetch) {
    await page.route(/\/v1\/batch-runs\?.*page=1\b/, async (route) => {
      await held;
      // A request still held when the measure is over goes nowhere: the page is closing.
      await route.continue().catch(() => undefined);
    });
  }
  await page.goto(`${origin}/?agentId=${AGENT}`);
  await waitForRows(page);
  if (prefetch) await page.waitForLoadState('networkidle');
  const click = inPage<number>(
    page,
    `const first = document.querySelector('${ROW}').dataset.batchId;
     const next = control('Next page');
     const start = performance.now();
     next.click();
     const end = await watch(() => document.querySelector('${ROW}')?.dataset.batchId !== first
       && !document.querySelector('.opacity-60'));
     return end - start;`,
  );
  release();
  const ms = await click;
  await context.close();
  return ms;
}

async function expandAll(browser: Browser, origin: string) {
  const { context, page } = await newPage(browser);
  await page.goto(`${origin}/?agentId=${LARGE_AGENT}&size=100`);
  await waitForRows(page);
  await page.waitForLoadState('networkidle');
  const result = await inPage<{ ms: number; longTasks: number; longest: number }>(
    page,
    `const button = control('Expand all');
     const start = performance.now();
     button.click();
     const end = await watch(() => document.querySelectorAll('tr[id^="panel-"]').length === 100);
     await new Promise((r) => setTimeout(r, 100));
     const tasks = window.__longTasks;
     let count = 0, longest = 0;
     for (let i = 0; i < tasks.length; i += 2) {
       if (tasks[i] + tasks[i + 1] < start) continue;
       count++; longest = Math.max(longest, tasks[i + 1]);
     }
     return { ms: end - start, longTasks: count, longest };`,
  );
  await context.close();
  return result;
}

async function board(browser: Browser, origin: string) {
  const { context, page } = await newPage(browser);
  await page.addInitScript(`(${WATCH})(() => {
      const cards = document.querySelectorAll('ul[aria-label="Agents"] > li');
      return cards.length > 0 && document.querySelector('ul[aria-label="Agents"] .animate-pulse') === null;
    }).then((t) => { window.__board = t; })`);
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => '__board' in window, undefined, { timeout: 60_000 });
  const ms = await page.evaluate(() => (window as unknown as { __board: number }).__board);
  await context.close();
  return ms;
}

async function heapOverPages(browser: Browser, origin: string) {
  const { context, page } = await newPage(browser);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN) / 1e6;
  };
  await page.goto(`${origin}/?agentId=${LARGE_AGENT}`);
  await waitForRows(page);
  const samples = [await heap()];
  for (let visited = 1; visited <= 50; visited++) {
    const first = await page.locator(ROW).first().getAttribute('data-batch-id');
    const name = 'Next page';
    await page
      .getByRole('link', { name, exact: true })
      .or(page.getByRole('button', { name, exact: true }))
      .first()
      .click();
    await page.waitForFunction(
      ([selector, id]) => document.querySelector(selector!)?.getAttribute('data-batch-id') !== id,
      [ROW, first],
    );
    if (visited % 10 === 0) samples.push(await heap());
  }
  await context.close();
  return samples;
}

async function sandboxLatency(origin: string, count = 200) {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const page = Math.floor(Math.random() * 500); // 50,000 runs / 100
    const start = performance.now();
    const response = await fetch(
      `${origin}/v1/batch-runs?agentId=${LARGE_AGENT}&page=${page}&size=100`,
    );
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`sandbox answered ${response.status}`);
    times.push(performance.now() - start);
  }
  return times;
}

/**
 * RUNS cold loads with JavaScript off; a page that sends no rows in its HTML sends none the
 * next time either, so the first load without rows ends the series.
 */
/**
 * The no-JS timing is taken in Node (the page runs no script to time itself), so it carries
 * Playwright's round trips; this page, one row in plain HTML, measures that floor in the same run.
 */
function writeCalibrationPage() {
  const dir = join(CACHE, 'no-js-calibration');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html lang="en"><title>Calibration</title><table><tbody>' +
      '<tr data-batch-id="batch_1"><td>Nightly regression</td></tr></tbody></table></html>',
  );
  return dir;
}

async function withoutJs(browser: Browser, origin: string) {
  const loads: NoJsLoad[] = [];
  for (let run = 0; run < RUNS; run++) {
    const load = await coldLoadWithoutJs(browser, `${origin}/?agentId=${AGENT}`, ROW);
    loads.push(load);
    if (!load.rows) break;
  }
  return loads;
}

function addWithoutJs(name: string, target: string, loads: NoJsLoad[]) {
  const withRows = loads.filter((load) => load.rows);
  add(
    name,
    target,
    withRows.map((load) => load.firstRowWallMs),
    'ms',
    withRows.length === 0
      ? 'no rows: none in the HTML within 5 s (client-rendered)'
      : `goto → row in DOM, timed in Node; in-page FCP ${medianOf(withRows.map((l) => l.fcpMs))} ms, DOM interactive ${medianOf(withRows.map((l) => l.domInteractiveMs))} ms`,
  );
}

function add(name: string, target: string, samples: number[], unit = 'ms', note?: string) {
  figures.push({ name, target, unit, samples, note });
}

const medianOf = (values: number[]) => median(values).toFixed(0);

// Made before the browser starts: a Playwright run of its own, once (cached in bench/.cache/).
const reportDir = ensurePlaywrightReport();
const server = await startProductionServer();
const reportServer = await serveStatic(reportDir);
const calibration = await serveStatic(writeCalibrationPage());
const upstream = await startDelayedUpstream(UPSTREAM_DELAY_MS);
const forwarding = await startProductionServer(upstream.env);
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
let besideReport: SideBySide | undefined;
const noJs: Record<string, NoJsLoad[]> = {};
try {
  const collect = async <T>(measure: () => Promise<T>) => {
    const out: T[] = [];
    for (let run = 0; run < RUNS; run++) out.push(await measure());
    return out;
  };
  // One warm-up load so the server's first-request costs (gzip cache, JIT) are not counted.
  await firstRows(browser, server.origin);
  add('first rows, cold load', '< 1000 ms', await collect(() => firstRows(browser, server.origin)));
  add('Next, prefetched', '< 100 ms', await collect(() => nextPage(browser, server.origin, true)));
  add(
    'Next, not prefetched',
    '< 500 ms',
    await collect(() => nextPage(browser, server.origin, false)),
  );
  const expanded = await collect(() => expandAll(browser, server.origin));
  add(
    '100 rows expanded',
    '< 200 ms',
    expanded.map((r) => r.ms),
  );
  add(
    '  long tasks in it',
    '≤ 2',
    expanded.map((r) => r.longTasks),
    'count',
  );
  add(
    '  longest task',
    '',
    expanded.map((r) => r.longest),
  );
  add('board, all cards', '< 1500 ms', await collect(() => board(browser, server.origin)));
  const heap = await heapOverPages(browser, server.origin);
  figures.push({
    name: 'JS heap, 50 pages',
    target: 'levels off',
    unit: 'MB',
    samples: heap,
    note: `after GC at pages 0,10..50: ${heap.map((mb) => mb.toFixed(1)).join(' → ')}`,
  });
  add('sandbox page (size 100)', 'p99 < 100 ms', await sandboxLatency(server.origin));

  besideReport = await sideBySide(
    browser,
    { url: `${reportServer.origin}/index.html`, rowSelector: REPORT_ROW },
    { url: `${server.origin}/?agentId=${AGENT}`, rowSelector: ROW },
    ROUNDS,
    RUNS,
  );

  await firstRows(browser, forwarding.origin); // warm-up, as above
  add(
    `first rows, upstream +${UPSTREAM_DELAY_MS}`,
    `≤ ${2 * UPSTREAM_DELAY_MS} ms`,
    await collect(() => firstRows(browser, forwarding.origin)),
  );

  noJs.sandbox = await withoutJs(browser, server.origin);
  addWithoutJs('first rows, no JS', 'rows in HTML', noJs.sandbox);
  noJs.upstream = await withoutJs(browser, forwarding.origin);
  addWithoutJs(
    `  no JS, upstream +${UPSTREAM_DELAY_MS}`,
    `≤ ${2 * UPSTREAM_DELAY_MS} ms`,
    noJs.upstream,
  );
  noJs.calibration = await withoutJs(browser, calibration.origin);
  addWithoutJs('  no JS, 1-row static page', 'Playwright floor', noJs.calibration);
} finally {
  await browser.close();
  await Promise.all(
    [server, reportServer, calibration, forwarding, upstream].map((s) => s.close()),
  );
}

const rows = figures.map((figure) => {
  const sorted = [...figure.samples].sort((a, b) => a - b);
  const isSandbox = figure.name.startsWith('sandbox');
  const p50 = quantile(sorted, 0.5);
  return {
    ...figure,
    median: p50,
    min: sorted[0] ?? NaN,
    max: sorted.at(-1) ?? NaN,
    ...(isSandbox ? { p99: quantile(sorted, 0.99) } : {}),
  };
});
const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 1 : 0) : '–');
console.log(`\nBench: ${RUNS} runs each (heap: one walk; sandbox: 200 requests), 2 shared cores.`);
console.log(
  'figure'.padEnd(26),
  'median'.padStart(8),
  'min'.padStart(8),
  'max'.padStart(8),
  '  target',
);
for (const row of rows) {
  const extra = 'p99' in row && row.p99 !== undefined ? `  p99 ${fmt(row.p99)}` : '';
  console.log(
    row.name.padEnd(26),
    fmt(row.median).padStart(8),
    fmt(row.min).padStart(8),
    fmt(row.max).padStart(8),
    ` ${row.unit}  ${row.target}${extra}${row.note ? `  (${row.note})` : ''}`,
  );
}
if (besideReport) printSideBySide(besideReport);
mkdirSync('bench/results', { recursive: true });
const file = `bench/results/${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
writeFileSync(
  file,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      runs: RUNS,
      rows,
      sideBySide: besideReport,
      upstreamDelayMs: UPSTREAM_DELAY_MS,
      noJs,
    },
    null,
    2,
  ),
);
console.log(`\nWritten to ${file}`);

if (process.env.BENCH_LOAD === '1') {
  execFileSync('npx', ['tsx', 'bench/load.ts'], { stdio: 'inherit' });
}
