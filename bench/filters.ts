/**
 * `npm run bench:filters`: how long a filtered view takes on the production build and the
 * sandbox, in headless Chromium: time to the first match and to the end of the search, the
 * requests made, and the peak JS heap of the search (sampled over CDP every 100 ms). Agents:
 * the 125-run example and the 52,340-run one, failing in the last 7 days and all time.
 * Prints a table and writes bench/results/filters-<date>.json (git-ignored). Build first.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { chromium, type Browser } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../e2e/chromium.ts';
import { startProductionServer } from './server.ts';

const AGENTS = {
  '125-run agent': 'agent_D5D0p7TUs66TTAEAx',
  '52,340-run agent': 'agent_X3mHc7YtPq0WfJs5n',
};

function daysAgo(days: number): string {
  const now = new Date();
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() - days + 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}

const RANGES = { 'last 7 days': `&since=${daysAgo(7)}`, 'all time': '' };

interface Result {
  agent: string;
  range: string;
  firstMatchMs: number | null;
  endMs: number;
  requests: number;
  matches: string;
  peakHeapMB: number;
}

async function measure(browser: Browser, origin: string, agentId: string, range: string) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  let requests = 0;
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/v1/batch-runs') requests += 1;
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  let peakHeap = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const { metrics } = await cdp
        .send('Performance.getMetrics')
        .catch(() => ({ metrics: [] as { name: string; value: number }[] }));
      const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
      peakHeap = Math.max(peakHeap, heap);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  // A string, not a function: tsx would add helpers the page does not have.
  await page.addInitScript(`{
    const check = () => {
      if (window.__firstMatch === undefined && document.querySelector('tbody tr[data-batch-id]')) {
        window.__firstMatch = performance.now();
      }
      const status = [...document.querySelectorAll('[role="status"]')].find((element) =>
        element.textContent.startsWith('Searched '),
      );
      const stop = [...document.querySelectorAll('button')].some((b) => b.textContent === 'Stop');
      if (window.__end === undefined && status && !stop && !status.textContent.includes('…')) {
        window.__end = performance.now();
      }
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
  }`);
  await page.goto(`${origin}/?agentId=${agentId}&outcome=failed${range}`);
  await page.waitForFunction(() => (window as { __end?: number }).__end !== undefined, null, {
    timeout: Number(process.env.BENCH_TIMEOUT ?? 300_000),
    polling: 200,
  });
  sampling = false;
  await sampler;
  const timing = await page.evaluate<{ firstMatch: number | null; end: number }>(
    '({ firstMatch: window.__firstMatch ?? null, end: window.__end })',
  );
  const status = await page
    .getByRole('status')
    .filter({ hasText: /^Searched / })
    .textContent();
  await context.close();
  return { ...timing, requests, status: status ?? '', peakHeap };
}

const server = await startProductionServer();
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const results: Result[] = [];
try {
  for (const [agent, agentId] of Object.entries(AGENTS)) {
    for (const [range, param] of Object.entries(RANGES)) {
      const run = await measure(browser, server.origin, agentId, param);
      const result: Result = {
        agent,
        range,
        firstMatchMs: run.firstMatch === null ? null : Math.round(run.firstMatch),
        endMs: Math.round(run.end),
        requests: run.requests,
        matches: run.status,
        peakHeapMB: Math.round((run.peakHeap / 1024 / 1024) * 10) / 10,
      };
      results.push(result);
      console.log(
        `${agent.padEnd(17)} ${range.padEnd(12)} first match ${String(result.firstMatchMs ?? '—').padStart(6)} ms · end ${String(result.endMs).padStart(6)} ms · ${String(result.requests).padStart(4)} requests · peak heap ${result.peakHeapMB} MB · ${result.matches}`,
      );
    }
  }
} finally {
  await browser.close();
  await server.close();
}
mkdirSync('bench/results', { recursive: true });
const file = `bench/results/filters-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
writeFileSync(file, JSON.stringify({ failing: 'outcome=failed', results }, null, 2));
console.log(`written to ${file}`);
