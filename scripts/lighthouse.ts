/**
 * Lighthouse on the production build (sandbox data), desktop preset: accessibility and best
 * practices must score 100 and SEO at least 90 on an agent's page and on the board.
 * Performance and CLS are printed, not asserted (this machine is shared and noisy).
 *   npm run test:lighthouse        (after npm run build; DIST_DIR picks another build)
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { startProductionServer } from '../bench/server.ts';
import { chromiumArgs, chromiumPath } from '../e2e/chromium.ts';

const PAGES = ['/?agentId=agent_D5D0p7TUs66TTAEAx', '/'];
const REQUIRED = { accessibility: 100, 'best-practices': 100, seo: 90 } as const;

const server = await startProductionServer();
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? chromiumPath,
  chromeFlags: [...chromiumArgs, '--headless=new'],
});
const failures: string[] = [];
try {
  for (const path of PAGES) {
    const url = `${server.origin}${path}`;
    // A run whose trace failed (no LCP: every trace-based category reads 0) measured nothing;
    // on this shared machine that happens now and then, so such a run is repeated, twice at most.
    let result;
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      result = await lighthouse(
        url,
        { port: chrome.port, output: 'json', logLevel: 'error' },
        desktopConfig,
      );
      const lcp = result?.lhr.audits['largest-contentful-paint']?.numericValue;
      if (lcp !== undefined && Number.isFinite(lcp)) break;
      console.log(`${path}: run ${attempt} collected no trace; measuring again`);
    }
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { categories, audits } = result.lhr;
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
    const cls = audits['cumulative-layout-shift']?.numericValue ?? NaN;
    const lcp = audits['largest-contentful-paint']?.numericValue ?? NaN;
    console.log(
      `${path}\n  performance ${score('performance')} · accessibility ${score('accessibility')} · ` +
        `best practices ${score('best-practices')} · SEO ${score('seo')} · ` +
        `CLS ${cls.toFixed(3)} · LCP ${Math.round(lcp)} ms`,
    );
    for (const [id, min] of Object.entries(REQUIRED)) {
      if (score(id) >= min) continue;
      failures.push(`${path}: ${id} ${score(id)} < ${min}`);
      const lost = categories[id]?.auditRefs
        .map((ref) => audits[ref.id])
        .filter((audit) => audit && audit.score !== null && audit.score < 1)
        .map((audit) => `    - ${audit!.id}: ${audit!.title}`);
      console.log(lost?.join('\n'));
    }
  }
} finally {
  chrome.kill();
  await server.close();
}
if (failures.length > 0) {
  console.error(`Lighthouse budgets broken:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
