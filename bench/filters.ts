/**
 * `npm run bench:filters`: issue #20's Measure table, side by side in one run against the same
 * build, on the sandbox. A production server (bench/filters-server.ts, its own process) serves
 * both: today's browser walk (bench/filters-walk.ts: /v1 pages of 100, 4 in flight, read and
 * filtered in this process as the old browser code did; a lower bound, no rendering) and the
 * server's search. Upstream requests are counted from the server's /metrics. Prints a markdown
 * table and writes bench/results/filters.json. Build first (npm run bench:filters does).
 *
 * With OLD_DIST set to a client build of the code before the server's search (e.g.
 * `git worktree add --detach /tmp/old 58def5d^ && cd /tmp/old && npx vite build --outDir
 * /tmp/old-dist`), today's walk is also measured as it really ran: that build in Chromium,
 * served by this build's server (FILTERS_PORT + 2), the search walked and rendered by the page.
 *
 *   FILTERS_PORT (4551; a second, cold replica on FILTERS_PORT + 1) · WARM_RUNS (5) · OLD_DIST
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Filters } from '../contract/batch-filters.ts';
import { loadConfig } from '../server/config.ts';
import { browserSearch } from './filters-browser.ts';
import {
  firstHtml,
  lastWeek,
  searchUntilComplete,
  startBenchServer,
  type BenchServer,
} from './filters-server.ts';
import { browserWalk } from './filters-walk.ts';

const PORT = Number(process.env.FILTERS_PORT ?? 4551);
const WARM_RUNS = Number(process.env.WARM_RUNS ?? 5);
const LARGE = 'agent_X3mHc7YtPq0WfJs5n';
const SMALL = 'agent_D5D0p7TUs66TTAEAx';
const Q: Filters = { outcome: null, since: null, until: null, q: 'payment', rate: null };
const LINK = `/?agentId=${LARGE}&q=payment`;
const SEARCH = `/api/agents/${LARGE}/batch-runs?q=payment&tz=UTC&page=0&size=20`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ms = (value: number) => `${Math.round(value).toLocaleString('en-US')} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

async function coldAndWarm(server: BenchServer) {
  const walk = await browserWalk(server.origin, LARGE, Q, 'UTC');
  const beforeCold = (await server.metrics()).upstreamTotal;
  const cold = await searchUntilComplete(server.origin, SEARCH, 500);
  const coldRequests = (await server.metrics()).upstreamTotal - beforeCold;
  const memory = await server.metrics();
  await sleep(1100);
  const html = await firstHtml(server.origin, LINK);
  const warm: { ms: number; answeredMs: number; requests: number }[] = [];
  for (let run = 0; run < WARM_RUNS; run += 1) {
    await sleep(1100); // past the mirror's 1 s freshness: each search makes its head check
    const before = (await server.metrics()).upstreamTotal;
    const { ms: took, answeredMs } = await searchUntilComplete(server.origin, SEARCH, 500);
    const requests = (await server.metrics()).upstreamTotal - before;
    warm.push({ ms: took, answeredMs, requests });
  }
  const { since, until } = await lastWeek(server.origin, SMALL);
  const smallLink = `/?agentId=${SMALL}&outcome=failed&since=${since}&until=${until}`;
  const small = await firstHtml(server.origin, smallLink);
  const smallFilters: Filters = { ...Q, q: null, outcome: 'failed', since, until };
  const smallWalk = await browserWalk(server.origin, SMALL, smallFilters, 'UTC');
  const browser = await browserSearch(`${server.origin}${LINK}`);
  return { walk, cold, coldRequests, memory, html, warm, small, smallWalk, browser };
}

async function tenViewers(server: BenchServer) {
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      await firstHtml(server.origin, LINK);
      await searchUntilComplete(server.origin, SEARCH, 500);
    }),
  );
  return { ms: performance.now() - started, upstream: (await server.metrics()).upstream };
}

const budgetMb = loadConfig({ SANDBOX: '1' }).searchMirrorMb;
let oldBrowser: Awaited<ReturnType<typeof browserSearch>> | null = null;
if (process.env.OLD_DIST) {
  const old = await startBenchServer(PORT + 2, { DIST_DIR: process.env.OLD_DIST });
  try {
    oldBrowser = await browserSearch(`${old.origin}${LINK}`);
  } finally {
    await old.stop();
  }
}
const one = await startBenchServer(PORT);
let first: Awaited<ReturnType<typeof coldAndWarm>>;
try {
  first = await coldAndWarm(one);
} finally {
  await one.stop();
}
const two = await startBenchServer(PORT + 1);
let ten: Awaited<ReturnType<typeof tenViewers>>;
try {
  ten = await tenViewers(two);
} finally {
  await two.stop();
}

const { walk, cold, warm, small } = first;
const ratio = cold.ms / walk.ms;
const warmMs = warm.map((run) => run.ms);
const answered = warm.map((run) => run.answeredMs);
const spread = (values: number[]) =>
  `median ${ms(median(values))} (${ms(Math.min(...values))}–${ms(Math.max(...values))})`;
const tenWalk = ten.upstream['batch-runs'] ?? 0;
const oldMs = oldBrowser ? oldBrowser.completeMs : null;
const today =
  `${ms(walk.ms)}, ${walk.requests} requests (walk of /v1 in the bench process, 4 in flight)` +
  (oldMs === null ? '' : `; ${ms(oldMs)} (the old build in Chromium)`);
const rows: [string, string, string, string][] = [
  [
    '52,340-run agent, all time, `q` — cold mirror: search complete',
    today,
    `${ms(cold.ms)}, ${first.coldRequests} upstream requests; ${ratio.toFixed(2)}× the bench walk` +
      (oldMs === null ? '' : `, ${(cold.ms / oldMs).toFixed(2)}× the old build`),
    '≤ 0.5× today',
  ],
  [
    'same link, second viewer (warm mirror): first matches',
    '—',
    `${first.html.rows} rows in the first HTML (${ms(first.html.ms)}): "${first.html.status}"`,
    'in the first HTML',
  ],
  [
    'same link, second viewer: search complete',
    today,
    `read and parsed ${spread(warmMs)}; answered (headers) ${spread(answered)}; ${WARM_RUNS} runs, ${Math.max(...warm.map((run) => run.requests))} upstream request(s) at most`,
    '≤ 300 ms; ≤ 2 upstream requests',
  ],
  [
    '125-run agent, outcome + last 7 days (cold mirror)',
    `${first.smallWalk.matches.length} matches after a walk of ${first.smallWalk.requests} pages (${ms(first.smallWalk.ms)})`,
    `${small.rows} rows in the first HTML (${ms(small.ms)}): "${small.status}"`,
    'rows in the first HTML',
  ],
  [
    'browser heap, all-time search (warm link, Chromium)',
    oldBrowser
      ? `peak ${oldBrowser.peakHeapMb.toFixed(1)} MB (the old build)`
      : '127–162 MB (issue)',
    `peak ${first.browser.peakHeapMb.toFixed(1)} MB; complete after ${ms(first.browser.completeMs)}`,
    '≤ 30 MB',
  ],
  [
    'server memory for the 52,340-run mirror',
    '—',
    `${mb(first.memory.mirrorBytes)} estimated (with the 125-run agent); process heap ${mb(first.memory.heapUsedBytes)}`,
    `under the default budget, ${budgetMb} MB`,
  ],
  [
    '10 viewers open the same filtered link at once (cold replica)',
    `10 × ${walk.requests} requests`,
    `${tenWalk} /v1/batch-runs requests in all (${JSON.stringify(ten.upstream)}), all complete in ${ms(ten.ms)}`,
    `≤ 1 walk (${walk.requests})`,
  ],
];
console.log('\n| case | today | now | target |\n|---|---|---|---|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  'bench/results/filters.json',
  JSON.stringify(
    {
      date: new Date().toISOString(),
      reference:
        'today = the browser walk simulated in the bench process (no rendering, a lower bound)' +
        (oldBrowser ? ' and the old build in Chromium (OLD_DIST)' : ''),
      rows,
      raw: {
        oldBrowser,
        walkMs: walk.ms,
        walkRequests: walk.requests,
        walkMatches: walk.matches.length,
        coldMs: cold.ms,
        coldAsks: cold.asks,
        coldRequests: first.coldRequests,
        matches: cold.answer.totalCount,
        warm,
        firstHtml: first.html,
        small,
        smallWalkMatches: first.smallWalk.matches.length,
        browser: first.browser,
        memory: first.memory,
        budgetMb,
        ten,
      },
    },
    null,
    2,
  ),
);
console.log('\nwritten to bench/results/filters.json');
