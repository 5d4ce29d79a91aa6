import { describe, expect, it } from 'vitest';
import { batchMatcher, type Filters } from '../../contract/batch-filters.ts';
import { readBatchRun, type ReadBatchRun } from '../../contract/read-batch-runs.ts';
import { AgentMirror } from './agent-mirror.ts';
import { batch, fakeApi, newestFirst } from './fake-api.ts';
import { MatchCache, MatchSet } from './match-set.ts';
import { searchBatches, searchMirror } from './search.ts';

const NONE: Filters = { outcome: null, since: null, until: null, q: null, rate: null };
const FAILED: Filters = { ...NONE, outcome: 'failed' };

/** Batches where every third one failed an attempt. */
function readList(count: number): ReadBatchRun[] {
  return newestFirst(count).map((raw, index) => {
    const read = readBatchRun(index % 3 === 0 ? { ...raw, failedAttempts: 1 } : raw);
    if ('reason' in read) throw new Error(read.reason);
    return read;
  });
}

describe('MatchSet', () => {
  it('extended page by page finds what one pass over the whole list finds', () => {
    const list = readList(250);
    const set = new MatchSet(FAILED, 'UTC');
    for (const end of [0, 100, 200, 250]) set.scan(list.slice(0, end));
    const whole = searchBatches(list, FAILED, { page: 0, size: 500 }, {} as never, 'UTC');
    expect(set.matches).toEqual(list.filter(batchMatcher(FAILED, 'UTC')));
    expect(set.matches.map((b) => b.batchId)).toEqual(whole.data.map((b) => b.batchId));
    expect(set.summary()).toEqual(whole.summary);
    expect(set.summary().failed).toBe(84);
    expect(set.chartPoints()).toEqual(whole.chart);
    expect(set.chartPoints()).toHaveLength(84);
  });
});

describe('MatchCache', () => {
  it('gives the same set back while the version holds, tests only what was appended', () => {
    const list = readList(200);
    const cache = new MatchCache();
    const first = cache.matches(list.slice(0, 100), 1, FAILED, 'UTC');
    expect(first.scanned).toBe(100);
    const second = cache.matches(list, 1, FAILED, 'UTC');
    expect(second).toBe(first);
    expect(second.scanned).toBe(200);
    expect(second.matches).toHaveLength(67);
  });

  it('starts over on a new version, another zone or other filters', () => {
    const list = readList(30);
    const cache = new MatchCache();
    const first = cache.matches(list, 1, FAILED, 'UTC');
    expect(cache.matches(list, 2, FAILED, 'UTC')).not.toBe(first);
    const v2 = cache.matches(list, 2, FAILED, 'UTC');
    expect(cache.matches(list, 2, FAILED, 'Europe/Paris')).not.toBe(v2);
    expect(cache.matches(list, 2, NONE, 'UTC').matches).toHaveLength(30);
  });

  it('keeps only the filters asked most recently', () => {
    const list = readList(10);
    const cache = new MatchCache(2);
    const a = cache.matches(list, 1, { ...NONE, q: 'a' });
    cache.matches(list, 1, { ...NONE, q: 'b' });
    expect(cache.matches(list, 1, { ...NONE, q: 'a' })).toBe(a);
    cache.matches(list, 1, { ...NONE, q: 'c' });
    expect(cache.size).toBe(2);
    // 'b' was asked longest ago: it went first, 'a' stays.
    expect(cache.matches(list, 1, { ...NONE, q: 'a' })).toBe(a);
  });
});

describe('the mirror version', () => {
  const mirrorOf = (get: ConstructorParameters<typeof AgentMirror>[1]) =>
    new AgentMirror('a1', get, 3, undefined, 0, () => Date.UTC(2026, 0, 2));

  it('stays when the head check reads the same batches, moves when one is added', async () => {
    const { api, get } = fakeApi(newestFirst(150));
    const mirror = mirrorOf(get);
    await mirror.fill();
    const filled = mirror.version;
    const before = searchMirror(mirror, FAILED, { page: 0, size: 20 });
    await mirror.refresh();
    expect(mirror.version).toBe(filled);
    api.list = [{ ...batch(151), failedAttempts: 1 }, ...api.list];
    await mirror.refresh();
    expect(mirror.version).toBeGreaterThan(filled);
    const after = searchMirror(mirror, FAILED, { page: 0, size: 20 });
    expect(after.totalCount).toBe(before.totalCount + 1);
    expect(after.data[0]!.batchId).toBe('b151');
  });

  it('moves when a held batch is read again with other counts', async () => {
    const running = { ...batch(10), successfulAttempts: 1, totalAttempts: 1 };
    const { api, get } = fakeApi([running, ...newestFirst(9)]);
    const mirror = mirrorOf(get);
    await mirror.fill();
    expect(
      searchMirror(mirror, { ...NONE, outcome: 'unfinished' }, { page: 0, size: 20 }).totalCount,
    ).toBe(1);
    const filled = mirror.version;
    api.list = [
      { ...batch(10), failedAttempts: 1, totalAttempts: 2, successfulAttempts: 1 },
      ...api.list.slice(1),
    ];
    await mirror.refresh();
    expect(mirror.version).toBeGreaterThan(filled);
    expect(
      searchMirror(mirror, { ...NONE, outcome: 'unfinished' }, { page: 0, size: 20 }).totalCount,
    ).toBe(0);
    expect(searchMirror(mirror, FAILED, { page: 0, size: 20 }).data.map((b) => b.batchId)).toEqual([
      'b10',
    ]);
  });
});
