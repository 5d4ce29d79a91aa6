/**
 * Lighthouse on the production build (sandbox data).
 * Desktop preset: accessibility and best practices must score 100 and SEO at least 90 on an
 * agent's page and on the board. Mobile (Lighthouse's default: a phone's screen, slow 4G, 4×
 * CPU throttling) on a shared agent link and a shared filtered link: the same budgets, and the
 * performance, TBT, FCP, LCP, CLS and the main thread's longest tasks printed.
 * Performance and the timings are printed, not asserted (this machine is shared and noisy);
 * `npm run bench:mobile` repeats the mobile runs and prints their median.
 *   npm run test:lighthouse        (after npm run build; DIST_DIR picks another build)
 */
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { startProductionServer } from '../bench/server.ts';
import {
  budgetFailures,
  mainThreadLines,
  measure,
  summaryLine,
  withBrowser,
} from './lighthouse-run.ts';
import { MOBILE_PAGES } from './lighthouse-pages.ts';

const DESKTOP_PAGES = ['/?agentId=agent_D5D0p7TUs66TTAEAx', '/'];
const REQUIRED = { accessibility: 100, 'best-practices': 100, seo: 90 } as const;

const server = await startProductionServer();
const failures: string[] = [];
try {
  await withBrowser(async (port) => {
    for (const path of DESKTOP_PAGES) {
      const m = await measure(`${server.origin}${path}`, port, desktopConfig);
      console.log(`desktop ${path}\n  ${summaryLine(m)}`);
      failures.push(...budgetFailures(`desktop ${path}`, m, REQUIRED));
    }
  });
  // The phone in a browser of its own: the desktop runs' width cookie would have the server
  // render its first page for a wide screen.
  await withBrowser(async (port) => {
    for (const path of MOBILE_PAGES) {
      const m = await measure(`${server.origin}${path}`, port, undefined);
      console.log(`mobile ${path}\n  ${summaryLine(m)}`);
      for (const line of mainThreadLines(m.lhr)) console.log(`  ${line}`);
      failures.push(...budgetFailures(`mobile ${path}`, m, REQUIRED));
    }
  });
} finally {
  await server.close();
}
if (failures.length > 0) {
  console.error(`Lighthouse budgets broken:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
