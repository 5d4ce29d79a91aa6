/**
 * How long the likely-failing estimate takes on the 52,340-run agent: its newest page of 100
 * from the sandbox, read as the app reads it, estimated (50 batches, 200 resamples) 50 times.
 * `npx tsx bench/estimate.ts`. The page's budget: no task over 50 ms.
 */
import { batchRunPageReader } from '../contract/read-batch-runs.ts';
import { createSandboxApp, SANDBOX_API_KEY } from '../server/sandbox/app.ts';
import { LARGE_AGENT_ID } from '../server/sandbox/catalog.ts';
import { estimateTestCases } from '../src/lib/test-case-estimate.ts';

const app = createSandboxApp({ now: () => Date.now(), liveCycleSeconds: 60 });
const response = await app.fetch(
  new Request(`http://sandbox/v1/batch-runs?agentId=${LARGE_AGENT_ID}&page=0&size=100`, {
    headers: { 'X-API-Key': SANDBOX_API_KEY },
  }),
);
const batches = batchRunPageReader.parse(await response.json()).data;
const times: number[] = [];
let used = 0;
for (let run = 0; run < 50; run++) {
  const started = performance.now();
  used = estimateTestCases(batches).used;
  times.push(performance.now() - started);
}
const first = times[0] ?? 0;
times.sort((a, b) => a - b);
const at = (q: number) => (times[Math.floor(q * (times.length - 1))] ?? 0).toFixed(2);
console.log(
  `estimate over ${used} batches: first run ${first.toFixed(2)} ms; ${times.length} runs, median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`,
);
