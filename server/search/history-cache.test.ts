import { describe, expect, it } from 'vitest';
import { readBatchRun, type ReadBatchRun } from '../../contract/read-batch-runs.ts';
import { testCaseRuns } from '../../contract/test-case-runs.ts';
import { newestFirst } from './fake-api.ts';
import { HistoryCache } from './history-cache.ts';

/** Batches running one of three test cases in turn (tc0, tc1, tc2). */
function readList(count: number): ReadBatchRun[] {
  return newestFirst(count).map((raw, index) => {
    const testCases = raw.testCases.map((testCase) => ({
      ...testCase,
      testCaseId: `tc${index % 3}`,
    }));
    const read = readBatchRun({ ...raw, testCases });
    if ('reason' in read) throw new Error(read.reason);
    return read;
  });
}

describe('HistoryCache', () => {
  it('extended as the walk appends pages, lists what one pass over the whole list lists', () => {
    const list = readList(250);
    const cache = new HistoryCache();
    for (const end of [0, 100, 200, 250]) cache.runs(list.slice(0, end), 1, 'tc1');
    expect(cache.runs(list, 1, 'tc1')).toEqual(testCaseRuns(list, 'tc1'));
    expect(cache.runs(list, 1, 'tc1')).toHaveLength(83);
  });

  it('reads only the appended batches while the version holds, and starts over on a new one', () => {
    const list = readList(200);
    const cache = new HistoryCache();
    const first = cache.runs(list.slice(0, 100), 1, 'tc0');
    // Reading the batches again would find them; the cache does not look at them twice.
    const reads: number[] = [];
    const watched = list.map((batch, index) => {
      const testCases = batch.testCases;
      return Object.defineProperty({ ...batch }, 'testCases', {
        get: () => (reads.push(index), testCases),
      });
    });
    const grown = cache.runs(watched, 1, 'tc0');
    expect(grown).toBe(first);
    expect(Math.min(...reads)).toBe(100);
    expect(grown).toEqual(testCaseRuns(list, 'tc0'));

    // A new version (a batch added at the head) is read whole.
    const newer = cache.runs(list.slice(1), 2, 'tc0');
    expect(newer).not.toBe(first);
    expect(newer).toEqual(testCaseRuns(list.slice(1), 'tc0'));
  });

  it('keeps the test cases asked for last', () => {
    const list = readList(30);
    const cache = new HistoryCache(2);
    for (const id of ['tc0', 'tc1', 'tc2']) cache.runs(list, 1, id);
    expect(cache.size).toBe(2);
  });
});
