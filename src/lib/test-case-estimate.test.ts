import { describe, expect, it } from 'vitest';
import type { ReadBatchRun, ReadTestCase } from '../../contract/read-batch-runs';
import { runInSlices } from './run-in-slices';
import { estimateSteps, estimateTestCases, wilsonInterval } from './test-case-estimate';

function tc(id: string, attempt: number): ReadTestCase {
  return {
    testCaseId: id,
    label: `Case ${id}`,
    agent: { name: 'A', agentId: 'agent_A', status: 'Live' },
    workspaceId: 'org',
    llmModel: 'gpt-4o',
    mockData: [],
    userPrompt: 'p',
    attempt,
    successCriteria: 'c',
  };
}

let serial = 0;
function batch(cases: ReadTestCase[], succeeded: number | null): ReadBatchRun {
  const total = cases.reduce((sum, c) => sum + (c.attempt ?? 0), 0);
  serial += 1;
  return {
    batchId: `batch_${serial}`,
    workspaceId: 'org',
    agent: { name: 'A', agentId: 'agent_A', status: 'Live' },
    createdDate: new Date(Date.UTC(2026, 0, 1) - serial * 60_000).toISOString(),
    testCases: cases,
    successfulAttempts: succeeded,
    failedAttempts: succeeded === null ? null : total - succeeded,
    totalAttempts: succeeded === null ? null : total,
  };
}

/** Batches over every pair and single of a, b, c with exact expected successes. */
function designed(rates: Record<string, number>, attempts = 10): ReadBatchRun[] {
  const ids = Object.keys(rates);
  const subsets = [[0], [1], [2], [0, 1], [0, 2], [1, 2], [0, 1, 2]];
  return subsets.flatMap((subset) =>
    [0, 1].map(() => {
      const cases = subset.map((i) => tc(ids[i] as string, attempts));
      const expected = subset.reduce(
        (sum, i) => sum + attempts * (rates[ids[i] as string] ?? 0),
        0,
      );
      return batch(cases, Math.round(expected));
    }),
  );
}

const byId = (result: ReturnType<typeof estimateTestCases>, id: string) =>
  result.ranked.find((e) => e.testCaseId === id);

describe('estimateTestCases', () => {
  it('recovers the rates when test cases appear in different company, lowest first', () => {
    const result = estimateTestCases(designed({ a: 0.9, b: 0.3, c: 0.6 }));
    expect(result.ranked.map((e) => e.testCaseId)).toEqual(['b', 'c', 'a']);
    expect(byId(result, 'a')?.rate?.estimate).toBeCloseTo(0.9, 2);
    expect(byId(result, 'b')?.rate?.estimate).toBeCloseTo(0.3, 2);
    expect(byId(result, 'c')?.batches).toBe(8);
  });

  it('finds one hard test case among easy ones', () => {
    const result = estimateTestCases(designed({ a: 1, b: 1, c: 0.1 }));
    expect(result.ranked[0]?.testCaseId).toBe('c');
    expect(result.ranked[0]?.rate?.estimate).toBeCloseTo(0.1, 2);
  });

  it('gives no number to test cases that always ran together', () => {
    const batches = [
      batch([tc('a', 5), tc('b', 5)], 5),
      batch([tc('a', 5), tc('b', 5), tc('c', 5)], 10),
      batch([tc('c', 5)], 5),
      batch([tc('a', 5), tc('b', 5)], 4),
    ];
    const result = estimateTestCases(batches);
    expect(byId(result, 'a')).toMatchObject({ rate: null, sameAs: ['Case b'] });
    expect(byId(result, 'b')).toMatchObject({ rate: null, sameAs: ['Case a'] });
    expect(byId(result, 'c')?.rate?.estimate).toBeCloseTo(1, 2);
    // Those without a number come last.
    expect(result.ranked.at(-1)?.rate).toBeNull();
  });

  it('stays in [0, 1] when everything passes or everything fails', () => {
    const pass = estimateTestCases(designed({ a: 1, b: 1, c: 1 }));
    const fail = estimateTestCases(designed({ a: 0, b: 0, c: 0 }));
    for (const e of pass.ranked) expect(e.rate).toMatchObject({ estimate: 1, high: 1 });
    for (const e of fail.ranked) expect(e.rate).toMatchObject({ estimate: 0, low: 0 });
    for (const e of [...pass.ranked, ...fail.ranked]) {
      expect(e.rate?.low).toBeGreaterThanOrEqual(0);
      expect(e.rate?.high).toBeLessThanOrEqual(1);
    }
  });

  it('leaves out batches with missing counts and unfinished ones, and counts them', () => {
    const batches = [
      batch([tc('a', 4)], null),
      { ...batch([tc('a', 4)], 0), totalAttempts: 2, failedAttempts: 2 },
      ...designed({ a: 0.5, b: 1, c: 1 }),
    ];
    const result = estimateTestCases(batches);
    expect(result.used).toBe(14);
    expect(result.leftOut).toBe(1);
    expect(byId(result, 'a')?.rate?.estimate).toBeCloseTo(0.5, 2);
  });

  it('uses only the newest N finished batches', () => {
    const result = estimateTestCases(designed({ a: 0.5, b: 1, c: 1 }), { limit: 4 });
    expect(result.used).toBe(4);
    expect(byId(result, 'c')).toBeUndefined();
  });

  it('gives an interval around the estimate that narrows with more batches', () => {
    const noisy = (copies: number) => {
      const batches: ReadBatchRun[] = [];
      for (let i = 0; i < copies; i++) {
        batches.push(batch([tc('a', 10)], 6 + (i % 3)), batch([tc('b', 10)], 9));
        batches.push(batch([tc('a', 10), tc('b', 10)], 16 + (i % 2)));
      }
      return estimateTestCases(batches);
    };
    const few = byId(noisy(3), 'a')?.rate;
    const many = byId(noisy(30), 'a')?.rate;
    expect(few && many).toBeTruthy();
    if (!few || !many) return;
    expect(few.low).toBeLessThanOrEqual(few.estimate);
    expect(few.high).toBeGreaterThanOrEqual(few.estimate);
    expect(many.high - many.low).toBeLessThan(few.high - few.low);
    // Deterministic: the same batches give the same interval.
    expect(byId(noisy(3), 'a')?.rate).toEqual(few);
  });

  it('run in slices, gives exactly the estimate computed at once', async () => {
    const batches = designed({ a: 0.9, b: 0.4, c: 0.7 });
    const steps = estimateSteps(batches);
    let yields = 0;
    // Counts the steps the slicer sees: one after the fit and one per bootstrap refit.
    const counted = (function* () {
      for (;;) {
        const step = steps.next();
        if (step.done) return step.value;
        yields += 1;
        yield;
      }
    })();
    const sliced = await runInSlices(counted, { sliceMs: 0 });
    expect(sliced).toEqual(estimateTestCases(batches));
    expect(yields).toBe(201);
  });

  it('has Wilson intervals that contain the rate', () => {
    const { low, high } = wilsonInterval(0.9, 100);
    expect(low).toBeLessThan(0.9);
    expect(high).toBeGreaterThan(0.9);
    expect(wilsonInterval(0.5, 0)).toEqual({ low: 0, high: 1 });
  });
});
