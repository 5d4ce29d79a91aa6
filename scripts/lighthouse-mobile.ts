/**
 * Lighthouse mobile (the default config: a phone's screen, slow 4G, 4× CPU throttling) on the
 * shared links of scripts/lighthouse-pages.ts, LIGHTHOUSE_RUNS times each (default 5), printing
 * each run and the median, min and max of performance, TBT, FCP, LCP and CLS. A benchmark: it
 * asserts nothing. LIGHTHOUSE_TASKS=1 also prints each run's longest main-thread tasks.
 *   npm run bench:mobile           (builds first; DIST_DIR picks another build)
 */
import { startProductionServer } from '../bench/server.ts';
import { MOBILE_PAGES } from './lighthouse-pages.ts';
import {
  mainThreadLines,
  measure,
  summaryLine,
  withBrowser,
  type Measured,
} from './lighthouse-run.ts';

const runs = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 5) || 5);

const spread = (values: number[], digits = 0) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median =
    sorted.length % 2 === 1 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const f = (n: number) => n.toFixed(digits);
  return `median ${f(median)} (min ${f(sorted[0]!)}, max ${f(sorted.at(-1)!)})`;
};

const server = await startProductionServer();
try {
  await withBrowser(async (port) => {
    // LIGHTHOUSE_ONLY=0 measures only the first page, 1 only the second.
    const only = process.env.LIGHTHOUSE_ONLY;
    for (const path of only ? [MOBILE_PAGES[Number(only)] ?? MOBILE_PAGES[0]!] : MOBILE_PAGES) {
      const all: Measured[] = [];
      for (let run = 1; run <= runs; run += 1) {
        const m = await measure(`${server.origin}${path}`, port, undefined);
        all.push(m);
        console.log(`mobile ${path} run ${run}/${runs}\n  ${summaryLine(m)}`);
        if (process.env.LIGHTHOUSE_TASKS) {
          for (const line of mainThreadLines(m.lhr)) console.log(`  ${line}`);
        }
      }
      console.log(`mobile ${path}, ${runs} runs`);
      console.log(`  performance ${spread(all.map((m) => m.scores.performance ?? 0))}`);
      console.log(`  TBT ms ${spread(all.map((m) => m.tbt))}`);
      console.log(`  TBT from CPU time, ms ${spread(all.map((m) => m.cpuTbt))}`);
      console.log(`  FCP ms ${spread(all.map((m) => m.fcp))}`);
      console.log(`  LCP ms ${spread(all.map((m) => m.lcp))}`);
      console.log(
        `  CLS ${spread(
          all.map((m) => m.cls),
          3,
        )}`,
      );
    }
  });
} finally {
  await server.close();
}
