/**
 * One Lighthouse run and what scripts/lighthouse.ts and scripts/lighthouse-mobile.ts read from
 * it: the category scores, the timings, and where the main thread went (the long tasks, the
 * scripts' boot-up time, the work by kind).
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumArgs, chromiumPath } from '../e2e/chromium.ts';

type Config = Parameters<typeof lighthouse>[2];
type Lhr = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

export interface Measured {
  scores: Record<string, number>;
  tbt: number;
  fcp: number;
  lcp: number;
  cls: number;
  /**
   * TBT's sum taken over the page's CPU time instead of its wall time: each main-thread task
   * that ends after the first paint counts max(0, slowdown × CPU ms − 50). On a shared machine
   * a task's wall time includes the time its thread waited for a CPU (one trace here: 36 ms
   * wall for 1.3 ms of CPU), which Lighthouse multiplies by four as well; this does not.
   */
  cpuTbt: number;
  lhr: Lhr;
}

/**
 * Runs Lighthouse on `url` with `config` (undefined: the default, mobile emulation with 4×
 * CPU throttling). A run whose trace failed (no LCP: every trace-based category reads 0)
 * measured nothing; on this shared machine that happens now and then, so such a run is
 * repeated, twice at most.
 */
export async function measure(
  url: string,
  port: number,
  config: Config | undefined,
): Promise<Measured> {
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    const result = await lighthouse(url, { port, output: 'json', logLevel: 'error' }, config);
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr, artifacts } = result;
    const value = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    const lcp = value('largest-contentful-paint');
    if (!Number.isFinite(lcp) && attempt < 3) {
      console.log(`${url}: run ${attempt} collected no trace; measuring again`);
      continue;
    }
    const scores = Object.fromEntries(
      Object.entries(lhr.categories).map(([id, c]) => [id, Math.round((c.score ?? 0) * 100)]),
    );
    return {
      scores,
      tbt: value('total-blocking-time'),
      fcp: value('first-contentful-paint'),
      lcp,
      cls: value('cumulative-layout-shift'),
      cpuTbt: cpuBlockingTime(
        (artifacts as { Trace?: { traceEvents: TraceEvent[] } }).Trace?.traceEvents ?? [],
        lhr.configSettings.throttling?.cpuSlowdownMultiplier ?? 1,
      ),
      lhr,
    };
  }
  throw new Error('unreachable');
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
}

/** See `Measured.cpuTbt`; NaN when the trace has no first paint. */
export function cpuBlockingTime(events: TraceEvent[], slowdown: number): number {
  const fcp = events.find((event) => event.name === 'firstContentfulPaint');
  if (!fcp) return NaN;
  return events
    .filter(
      (event) =>
        event.name === 'RunTask' &&
        event.ph === 'X' &&
        event.pid === fcp.pid &&
        event.tid === fcp.tid &&
        event.ts + (event.dur ?? 0) > fcp.ts,
    )
    .reduce((sum, task) => sum + Math.max(0, (slowdown * (task.tdur ?? 0)) / 1000 - 50), 0);
}

/**
 * Runs `use` with a headless Chromium of its own (its DevTools port), closed after. Lighthouse
 * keeps cookies between runs, so a browser is also a visitor: its first run is a first visit.
 */
export async function withBrowser<T>(use: (port: number) => Promise<T>): Promise<T> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? chromiumPath,
    chromeFlags: [...chromiumArgs, '--headless=new'],
  });
  try {
    return await use(chrome.port);
  } finally {
    chrome.kill();
  }
}

/** One line: the scores and the timings. */
export function summaryLine(m: Measured): string {
  const s = (id: string) => m.scores[id] ?? 0;
  return (
    `performance ${s('performance')} · accessibility ${s('accessibility')} · ` +
    `best practices ${s('best-practices')} · SEO ${s('seo')} · TBT ${Math.round(m.tbt)} ms ` +
    `(from CPU time ${Math.round(m.cpuTbt)} ms) · ` +
    `FCP ${Math.round(m.fcp)} ms · LCP ${Math.round(m.lcp)} ms · CLS ${m.cls.toFixed(3)}`
  );
}

type Items = Record<string, unknown>[];
const items = (lhr: Lhr, id: string): Items => {
  const details = lhr.audits[id]?.details as { items?: Items } | undefined;
  return details?.items ?? [];
};
const short = (url: unknown) => String(url).replace(/^https?:\/\/[^/]+/, '') || String(url);
const ms = (n: unknown) => `${Math.round(Number(n))} ms`;

/** Where the main thread went: the longest tasks, the scripts' boot-up, the work by kind. */
export function mainThreadLines(lhr: Lhr, top = 5): string[] {
  const longTasks = items(lhr, 'long-tasks')
    .slice(0, top)
    .map((t) => `${ms(t.duration)} at ${ms(t.startTime)} ${short(t.url)}`);
  const bootup = items(lhr, 'bootup-time')
    .slice(0, top)
    .map(
      (t) =>
        `${short(t.url)} total ${ms(t.total)}, scripting ${ms(t.scripting)}, ` +
        `parse ${ms(t.scriptParseCompile)}`,
    );
  const work = items(lhr, 'mainthread-work-breakdown')
    .slice(0, top)
    .map((t) => `${String(t.groupLabel ?? t.group)} ${ms(t.duration)}`);
  const lcpItem = items(lhr, 'largest-contentful-paint-element')[0] as
    { items?: { node?: { snippet?: string } }[] } | undefined;
  const lcpElement = lcpItem?.items?.[0]?.node?.snippet ?? 'not found';
  return [
    `LCP element: ${lcpElement.slice(0, 160)}`,
    `long tasks: ${longTasks.length > 0 ? longTasks.join('; ') : 'none'}`,
    `boot-up: ${bootup.join('; ') || 'none'}`,
    `main thread: ${work.join(' · ') || 'none'}`,
  ];
}

/** The categories below their minimum, with the audits that cost them points. */
export function budgetFailures(
  label: string,
  m: Measured,
  required: Record<string, number>,
): string[] {
  const failures: string[] = [];
  for (const [id, min] of Object.entries(required)) {
    const score = m.scores[id] ?? 0;
    if (score >= min) continue;
    failures.push(`${label}: ${id} ${score} < ${min}`);
    const lost = m.lhr.categories[id]?.auditRefs
      .map((ref) => m.lhr.audits[ref.id])
      .filter((audit) => audit && audit.score !== null && audit.score < 1)
      .map((audit) => `    - ${audit!.id}: ${audit!.title}`);
    console.log(lost?.join('\n'));
  }
  return failures;
}
