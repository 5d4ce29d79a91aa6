import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Filters } from '../../contract/batch-filters.ts';
import { readBatchRun, type ReadBatchRun } from '../../contract/read-batch-runs.ts';
import { answerBody, answerJson } from './answer-body.ts';
import { newestFirst } from './fake-api.ts';
import { MatchSet } from './match-set.ts';
import { answerFrom } from './search.ts';

const ALL: Filters = { outcome: null, since: null, until: null, q: null, rate: null };
const PAGING = { page: 1, size: 20 };
const COVERAGE = { searched: 100, of: 150, complete: false };

function setOf(count: number): MatchSet {
  const list = newestFirst(count).map((raw) => readBatchRun(raw) as ReadBatchRun);
  const set = new MatchSet(ALL, 'UTC');
  set.scan(list.slice(0, 100));
  return set;
}

describe('the answer as sent', () => {
  it('is the answer’s own JSON, chart and all, in the same key order', () => {
    const set = setOf(150);
    expect(answerJson(set, PAGING, COVERAGE)).toBe(
      JSON.stringify(answerFrom(set, PAGING, COVERAGE)),
    );
  });

  it('is gzipped for a client that takes gzip, plain otherwise', async () => {
    const set = setOf(150);
    const plain = await answerBody(set, PAGING, COVERAGE, undefined);
    expect(plain).toEqual({ body: answerJson(set, PAGING, COVERAGE), gzipped: false });
    const zipped = await answerBody(set, PAGING, COVERAGE, 'gzip, br');
    expect(zipped.gzipped).toBe(true);
    expect(gunzipSync(zipped.body).toString()).toBe(plain.body);
    expect((await answerBody(set, PAGING, COVERAGE, 'gzip;q=0')).gzipped).toBe(false);
  });

  it('is made once for the same answer, again when the answer changes', async () => {
    const set = setOf(150);
    const first = await answerBody(set, PAGING, COVERAGE, 'gzip');
    expect((await answerBody(set, PAGING, COVERAGE, 'gzip')).body).toBe(first.body);
    const complete = { ...COVERAGE, complete: true };
    const after = await answerBody(set, PAGING, complete, 'gzip');
    expect(after.body).not.toBe(first.body);
    expect(JSON.parse(gunzipSync(after.body).toString())).toEqual(
      answerFrom(set, PAGING, complete),
    );
    // The set grows (a walk appended a page): the chart and the counts follow.
    const list = newestFirst(150).map((raw) => readBatchRun(raw) as ReadBatchRun);
    set.scan(list);
    const grown = answerJson(set, PAGING, complete);
    expect(grown).toBe(JSON.stringify(answerFrom(set, PAGING, complete)));
    // 150 dated matches pool into 75 points of 2 (chart.ts keeps at most 100).
    expect((JSON.parse(grown) as { chart: unknown[] }).chart).toHaveLength(75);
  });
});
