/**
 * `npm run bench:search`: the server search over the in-process sandbox, no browser. For the
 * 52,340-run agent, an all-time `q` search: cold mirror (first request until complete), warm
 * (a second viewer), 10 viewers at once on a cold replica, the upstream requests of each, and
 * the heap the mirror holds (after GC; run with --expose-gc for that figure).
 */
import { sandboxTarget, type ForwardTarget } from '../server/api/targets.ts';
import { createServerApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { LARGE_AGENT_ID } from '../server/sandbox/catalog.ts';
import type { SearchAnswer } from '../server/search/search.ts';

const QUERY = 'q=payment&tz=UTC&wait=10000';

function replica() {
  const base: ForwardTarget = sandboxTarget();
  const counter = { requests: 0 };
  const target = {
    ...base,
    send: (request: Request) => ((counter.requests += 1), base.send(request)),
  };
  const app = createServerApp(loadConfig({ SANDBOX: '1', LOG_LEVEL: 'silent' }), { target });
  return { app, counter };
}

async function searchUntilComplete(app: ReturnType<typeof replica>['app']) {
  const started = performance.now();
  for (;;) {
    const response = await app.request(`/api/agents/${LARGE_AGENT_ID}/batch-runs?${QUERY}`);
    const answer = (await response.json()) as SearchAnswer;
    if (answer.coverage.complete) return { ms: performance.now() - started, answer };
  }
}

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

async function main() {
  const before = heapMb();
  const one = replica();
  const cold = await searchUntilComplete(one.app);
  const coldRequests = one.counter.requests;
  const held = heapMb() - before;
  one.counter.requests = 0;
  const warm = await searchUntilComplete(one.app);
  const warmRequests = one.counter.requests;

  const ten = replica();
  const tenStarted = performance.now();
  await Promise.all(Array.from({ length: 10 }, () => searchUntilComplete(ten.app)));
  const tenMs = performance.now() - tenStarted;

  const f = (ms: number) => `${Math.round(ms)} ms`;
  console.log(
    `52,340-run agent, all time, q=payment (${cold.answer.totalCount} matches of ${cold.answer.coverage.of})`,
  );
  console.log(`cold mirror, search complete: ${f(cold.ms)}, ${coldRequests} upstream requests`);
  console.log(
    `warm mirror (second viewer), search complete: ${f(warm.ms)}, ${warmRequests} upstream requests`,
  );
  console.log(
    `10 viewers at once on a cold replica: all complete in ${f(tenMs)}, ${ten.counter.requests} upstream requests`,
  );
  console.log(
    `server heap held by the mirror: ${held.toFixed(1)} MB${'gc' in globalThis ? '' : ' (no --expose-gc: rough)'}`,
  );
}

await main();
