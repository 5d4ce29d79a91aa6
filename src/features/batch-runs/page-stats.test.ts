import { describe, expect, it } from 'vitest';
import type { BatchRun } from '../../../contract/api-schemas';
import { exampleBatch, makeBatch } from '../../test/fixtures';
import { summarizePage } from './page-stats';

const testCase = exampleBatch.testCases[0]!;

/** A batch at hour `hour` whose test cases ask for `attempts`. */
function batch(
  index: number,
  hour: number,
  [succeeded, failed]: [number, number],
  attempts: number[],
): BatchRun {
  return makeBatch(index, {
    createdDate: new Date(Date.UTC(2026, 10, 1, hour)).toISOString(),
    successfulAttempts: succeeded,
    failedAttempts: failed,
    totalAttempts: succeeded + failed,
    testCases: attempts.map((attempt) => ({ ...testCase, attempt })),
  });
}

describe('summarizePage', () => {
  it('pools the finished batches’ attempts; unfinished ones only count as pending', () => {
    const stats = summarizePage([
      batch(0, 12, [4, 1], [5]), // 80 %, finished
      batch(1, 11, [1, 1], [2, 4]), // 2 of 6 done, 4 pending: no rate yet
      batch(2, 10, [1, 0], [1]), // 100 %, finished
      batch(3, 9, [0, 0], [3]), // nothing finished, 3 pending
    ]);
    expect(stats).toMatchObject({
      batches: 4,
      unfinishedBatches: 2,
      succeeded: 5,
      failed: 1,
      finished: 6,
      pending: 7,
    });
    // Pooled: 5 of 6, not the mean of 80 % and 100 %, and nothing of the running batch.
    expect(stats.passRate).toBeCloseTo(5 / 6);
  });

  it('gives one chart slot per batch in list order, oldest first, unfinished never rated', () => {
    const stats = summarizePage([
      batch(0, 12, [4, 1], [5]),
      batch(1, 10, [1, 1], [2, 4]),
      batch(2, 11, [0, 0], [3]),
    ]);
    expect(stats.points.map((point) => [point.batchId, point.passRate])).toEqual([
      ['batch_test0002', null],
      ['batch_test0001', null],
      ['batch_test0000', 0.8],
    ]);
    expect(stats.points.map((point) => point.isUnfinished)).toEqual([true, true, false]);
  });

  it('has no pass rate when nothing has finished, and zeros for an empty page', () => {
    expect(summarizePage([batch(0, 1, [0, 0], [2])]).passRate).toBeNull();
    expect(summarizePage([])).toMatchObject({
      batches: 0,
      succeeded: 0,
      failed: 0,
      pending: 0,
      passRate: null,
      points: [],
    });
  });

  it('never reports a pass rate above 100 % when the API counts disagree', () => {
    const odd = makeBatch(0, { successfulAttempts: 6, failedAttempts: 0, totalAttempts: 5 });
    expect(summarizePage([odd]).passRate).toBe(1);
  });
});

describe('summarizePage with counts not given', () => {
  it('leaves the batch out of the sums and counts it', () => {
    const stats = summarizePage([makeBatch(0), { ...makeBatch(1), successfulAttempts: null }]);
    expect(stats.uncounted).toBe(1);
    expect(stats.succeeded).toBe(exampleBatch.successfulAttempts);
    expect(stats.finished).toBe(exampleBatch.totalAttempts);
    expect(stats.points.find((point) => !point.countsGiven)?.passRate).toBeNull();
  });
});
