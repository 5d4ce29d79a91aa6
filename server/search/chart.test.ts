import { describe, expect, it } from 'vitest';
import type { ReadBatchRun } from '../../contract/read-batch-runs.ts';
import { chartPoints } from './chart.ts';
import { searchBatches } from './search.ts';

const NONE = { outcome: null, since: null, until: null, q: null, rate: null };
const DONE = { searched: 1, of: 1, complete: true };

/** Batch n (newest first in a list built from 0 up), 4 attempts asked. */
function batch(
  n: number,
  counts: { ok: number | null; bad: number | null; total: number | null },
  createdDate: string | null = new Date(Date.UTC(2026, 0, 1) + (1000 - n) * 60_000).toISOString(),
): ReadBatchRun {
  return {
    batchId: `b${n}`,
    createdDate,
    testCases: [{ testCaseId: 'tc', attempt: 4, mockData: [] }],
    successfulAttempts: counts.ok,
    failedAttempts: counts.bad,
    totalAttempts: counts.total,
  } as unknown as ReadBatchRun;
}

const passed = (n: number) => batch(n, { ok: 4, bad: 0, total: 4 });
const failed = (n: number) => batch(n, { ok: 1, bad: 3, total: 4 });
const running = (n: number) => batch(n, { ok: 1, bad: 0, total: 1 });
const uncounted = (n: number) => batch(n, { ok: null, bad: null, total: null });

describe('chartPoints', () => {
  it('gives one point per dated match while they fit, newest first', () => {
    const points = chartPoints([
      passed(0),
      running(1),
      failed(2),
      batch(3, { ok: 4, bad: 0, total: 4 }, null),
    ]);
    expect(points.map((point) => [point.batchId, point.passRate, point.batches])).toEqual([
      ['b0', 1, 1],
      ['b1', null, 1],
      ['b2', 0.25, 1],
    ]);
    expect(points[1]).toMatchObject({ unfinished: 1, succeeded: 0, finished: 0 });
  });

  it('pools consecutive matches into at most `max` points over finished attempts', () => {
    const matches = Array.from({ length: 10 }, (_, n) => (n % 2 ? failed(n) : passed(n)));
    matches.splice(4, 1, running(4));
    const points = chartPoints(matches, 4);
    expect(points.map((point) => point.batches)).toEqual([3, 3, 3, 1]);
    expect(points[0]).toMatchObject({ batchId: 'b0', fromDate: matches[2]!.createdDate });
    // b0 4/4, b1 1/4, b2 4/4 -> 9 of 12.
    expect(points[0]).toMatchObject({ succeeded: 9, finished: 12, passRate: 0.75 });
    // b3 1/4, b4 running (left out), b5 1/4 -> 2 of 8.
    expect(points[1]).toMatchObject({ unfinished: 1, succeeded: 2, finished: 8, passRate: 0.25 });
    expect(chartPoints(Array.from({ length: 1000 }, (_, n) => passed(n)))).toHaveLength(100);
  });
});

describe('searchBatches summary', () => {
  it('counts matches by outcome and pools the finished ones’ attempts, as the page summary does', () => {
    const batches = [passed(0), running(1), failed(2), uncounted(3), failed(4)];
    const answer = searchBatches(batches, NONE, { page: 0, size: 2 }, DONE);
    expect(answer.totalCount).toBe(5);
    expect(answer.data).toHaveLength(2);
    expect(answer.summary).toEqual({
      passed: 1,
      failed: 2,
      unfinished: 1,
      succeeded: 6,
      failedAttempts: 6,
      finished: 12,
      pending: 3,
      passRate: 0.5,
    });
    expect(answer.chart).toHaveLength(5);
  });

  it('covers every match, not the page asked for', () => {
    const batches = Array.from({ length: 250 }, (_, n) => (n < 30 ? failed(n) : passed(n)));
    const answer = searchBatches(
      batches,
      { ...NONE, outcome: 'failed' },
      { page: 1, size: 20 },
      DONE,
    );
    expect(answer.data.map((b) => b.batchId)).toEqual(
      Array.from({ length: 10 }, (_, n) => `b${n + 20}`),
    );
    expect(answer.summary).toMatchObject({ failed: 30, passed: 0, finished: 120, succeeded: 30 });
    expect(answer.chart).toHaveLength(30);
  });
});
