/**
 * SEARCH_CONCURRENCY: a search beyond the bound waits its turn for at most SEARCH_WAIT_MS, then
 * answers 503 with Retry-After; nothing waits longer, and a slot always comes back.
 */
import { describe, expect, it } from 'vitest';
import { createApiHandler } from '../api/forward.ts';
import { sandboxTarget } from '../api/targets.ts';
import { loadConfig } from '../config.ts';
import { metrics } from '../metrics.ts';
import { AGENTS } from '../sandbox/catalog.ts';
import { Mirrors } from './mirrors.ts';
import { searchRoutes, searchSlots } from './routes.ts';
import { upstreamGet } from './upstream.ts';

const config = loadConfig({ SANDBOX: '1', LOG_LEVEL: 'silent', SEARCH_CONCURRENCY: '1' });
const agentId = AGENTS.find((agent) => agent.history.count === 125)!.ref.agentId;
const path = `/api/agents/${agentId}/batch-runs?outcome=failed&wait=10000`;

function searchApp() {
  const handler = createApiHandler(config, { target: sandboxTarget(), log: () => {} });
  const mirrors = new Mirrors({ get: upstreamGet(handler), budgetBytes: 64 * 1024 * 1024 });
  const slots = searchSlots(config.searchConcurrency);
  return { app: searchRoutes(mirrors, () => {}, slots), slots };
}

async function shedCount(): Promise<number> {
  const values = (await metrics.shed.get()).values;
  return values.find((value) => value.labels.work === 'search')?.value ?? 0;
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('a search beyond SEARCH_CONCURRENCY=1', () => {
  it('answers 503 with Retry-After once its wait runs out, and is counted', async () => {
    const { app, slots } = searchApp();
    expect(slots.limit).toBe(1);
    // Fill the mirror first, so the only wait left is the one for the slot.
    expect((await app.request(path)).status).toBe(200);
    const before = await shedCount();

    const release = (await slots.acquire())!;
    const busy = await app.request(path);
    expect(busy.status).toBe(503);
    expect(busy.headers.get('Retry-After')).toBe('1');
    expect(((await busy.json()) as { message: string }).message).toMatch(/busy/);
    expect(await shedCount()).toBe(before + 1);
    expect(slots.waiting).toBe(0);

    release();
    expect((await app.request(path)).status).toBe(200);
  });

  it('holds a test case’s history to the same slots', async () => {
    const { app, slots } = searchApp();
    const found = (await (await app.request(path)).json()) as {
      data: { testCases: { testCaseId: string }[] }[];
    };
    const testCaseId = found.data[0]!.testCases[0]!.testCaseId;
    const history = `/api/agents/${agentId}/test-cases/${testCaseId}/runs?wait=10000`;
    const release = (await slots.acquire())!;
    const busy = await app.request(history);
    expect(busy.status).toBe(503);
    expect(busy.headers.get('Retry-After')).toBe('1');
    release();
    const answer = await app.request(history);
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { totalCount: number }).totalCount).toBeGreaterThan(0);
  });

  it('is answered when the slot frees within the wait', async () => {
    const { app, slots } = searchApp();
    expect((await app.request(path)).status).toBe(200);
    const release = (await slots.acquire())!;
    const queued = Promise.resolve(app.request(path));
    await until(() => slots.waiting === 1);
    release();
    const answer = await queued;
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { totalCount: number; coverage: { complete: boolean } };
    expect(body.coverage.complete).toBe(true);
    expect(body.totalCount).toBeGreaterThan(0);
    await until(() => slots.active === 0);
  });

  it('a request that hangs up while waiting leaves the queue', async () => {
    const { app, slots } = searchApp();
    expect((await app.request(path)).status).toBe(200);
    const release = (await slots.acquire())!;
    const controller = new AbortController();
    const gone = Promise.resolve(app.request(path, { signal: controller.signal }));
    await until(() => slots.waiting === 1);
    controller.abort();
    await until(() => slots.waiting === 0);
    release();
    expect(slots.active).toBe(0);
    await gone.catch(() => undefined);
  });
});
