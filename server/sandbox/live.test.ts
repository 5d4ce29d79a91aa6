// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { batchRunPageSchema, batchRunSchema, type BatchRun } from '../../contract/api-schemas.ts';
import { createSandboxApp } from './app.ts';
import { LIVE_AGENT_ID } from './catalog.ts';
import { loadConfig } from '../config.ts';
import { DEFAULT_CYCLE_SECONDS } from './live.ts';
import { get, testApp } from './test-support.ts';

const CYCLE_MS = 60_000;
const CYCLE_START = Date.parse('2026-11-28T12:00:00.000Z');

async function liveBatchesAt(nowMs: number, size = 30): Promise<BatchRun[]> {
  const { body } = await get(
    testApp(() => nowMs),
    `/v1/batch-runs?agentId=${LIVE_AGENT_ID}&size=${size}`,
  );
  return batchRunPageSchema.parse(body).data;
}

async function newestAt(nowMs: number): Promise<BatchRun> {
  const [newest] = await liveBatchesAt(nowMs, 1);
  if (!newest) throw new Error('the live agent has no batches');
  return newest;
}

const expectedAttempts = (batch: BatchRun) =>
  (batch.testCases ?? []).reduce((sum, testCase) => sum + testCase.attempt, 0);

describe('the live agent', () => {
  it('starts its newest batch at the cycle boundary, unfinished early and finished late', async () => {
    const early = await newestAt(CYCLE_START + 1000);
    expect(early.createdDate).toBe(new Date(CYCLE_START).toISOString());
    expect(early.totalAttempts).toBeLessThan(expectedAttempts(early));

    const late = await newestAt(CYCLE_START + 45_000);
    expect(late.batchId).toBe(early.batchId);
    expect(late.totalAttempts).toBe(expectedAttempts(late));
  });

  it('never loses progress within a cycle', async () => {
    let previous: BatchRun | undefined;
    for (let elapsed = 0; elapsed < CYCLE_MS; elapsed += 1000) {
      const batch = await newestAt(CYCLE_START + elapsed);
      expect(batch.successfulAttempts + batch.failedAttempts).toBe(batch.totalAttempts);
      if (previous) {
        expect(batch.batchId).toBe(previous.batchId);
        expect(batch.testCases).toEqual(previous.testCases);
        expect(batch.successfulAttempts).toBeGreaterThanOrEqual(previous.successfulAttempts);
        expect(batch.failedAttempts).toBeGreaterThanOrEqual(previous.failedAttempts);
      }
      previous = batch;
    }
  });

  it('shows the previous cycle’s batch second, finished, and keeps the history fixed', async () => {
    const endOfPreviousCycle = await liveBatchesAt(CYCLE_START - 1);
    const now = await liveBatchesAt(CYCLE_START + 5000);
    expect(now[1]).toEqual(endOfPreviousCycle[0]);
    expect(now[1]?.totalAttempts).toBe(expectedAttempts(now[1] as BatchRun));
    const dayLater = await liveBatchesAt(CYCLE_START + 86_400_000);
    expect(dayLater.slice(2)).toEqual(now.slice(2));
    expect(now).toHaveLength(24);
  });

  it('resolves a live batch by id, with the progress of the moment asked', async () => {
    const app = testApp(() => CYCLE_START + 20_000);
    const [listed] = batchRunPageSchema.parse(
      (await get(app, `/v1/batch-runs?agentId=${LIVE_AGENT_ID}&size=1`)).body,
    ).data;
    const detail = await get(app, `/v1/batch-runs/${listed?.batchId}?agentId=${LIVE_AGENT_ID}`);
    expect(batchRunSchema.parse(detail.body)).toEqual(listed);

    // Ten cycles later it has left the list but still resolves, finished.
    const later = testApp(() => CYCLE_START + 10 * CYCLE_MS);
    const { status, body } = await get(
      later,
      `/v1/batch-runs/${listed?.batchId}?agentId=${LIVE_AGENT_ID}`,
    );
    expect(status).toBe(200);
    expect(batchRunSchema.parse(body).totalAttempts).toBe(expectedAttempts(listed as BatchRun));
  });
});

describe('SANDBOX_LIVE_CYCLE_SECONDS', () => {
  it('sets the cycle length', async () => {
    const { sandboxLiveCycleSeconds } = loadConfig({ SANDBOX_LIVE_CYCLE_SECONDS: '30' });
    const nowMs = CYCLE_START + 45_000;
    const app = createSandboxApp({ now: () => nowMs, liveCycleSeconds: sandboxLiveCycleSeconds });
    const [newest] = batchRunPageSchema.parse(
      (await get(app, `/v1/batch-runs?agentId=${LIVE_AGENT_ID}&size=1`)).body,
    ).data;
    expect(newest?.createdDate).toBe(new Date(CYCLE_START + 30_000).toISOString());
  });

  it('defaults to 60 seconds and rejects nonsense', () => {
    expect(loadConfig({}).sandboxLiveCycleSeconds ?? DEFAULT_CYCLE_SECONDS).toBe(60);
    expect(loadConfig({ SANDBOX_LIVE_CYCLE_SECONDS: '' }).sandboxLiveCycleSeconds).toBeUndefined();
    expect(loadConfig({ SANDBOX_LIVE_CYCLE_SECONDS: '15' }).sandboxLiveCycleSeconds).toBe(15);
    for (const value of ['0', '-5', '1.5', 'soon']) {
      expect(() => loadConfig({ SANDBOX_LIVE_CYCLE_SECONDS: value })).toThrow(
        /SANDBOX_LIVE_CYCLE_SECONDS/,
      );
    }
  });
});
