import { dehydrate, QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { batchRunPageReader } from '../../contract/read-batch-runs';
import example from '../../contract/list-batch-runs.example.json';
import { compactBatchRuns, expandBatchRuns } from './carried-batch-runs';
import { makeBatch, makePage } from '../test/fixtures';

/** A page as the API layer reads it: one clean row, one read leniently, one unreadable. */
function readPage() {
  const clean = example.data[0]!;
  const lenient = {
    ...clean,
    batchId: 'batch_lenient',
    createdDate: '2026-11-30T08:00:00',
    totalAttempts: '3',
  };
  const unreadable = { ...clean, batchId: '' };
  return batchRunPageReader.parse({ ...example, data: [clean, lenient, unreadable] });
}

function stateWith(...entries: [readonly unknown[], unknown][]) {
  const client = new QueryClient();
  for (const [key, data] of entries) client.setQueryData(key, data);
  return JSON.parse(JSON.stringify(dehydrate(client))) as ReturnType<typeof dehydrate>;
}

describe('batch runs carried as sent', () => {
  it('come back in the browser exactly as the server read them, repairs and unreadable items too', () => {
    const page = readPage();
    expect(page.data[1]!.repairs).not.toEqual([]);
    expect(page.unreadable).toHaveLength(1);
    const state = stateWith([['batch-runs', 'list'], page]);
    const carried = JSON.parse(JSON.stringify(compactBatchRuns(state))) as typeof state;
    expect(expandBatchRuns(carried)).toEqual(state);
  });

  it('carry each batch once: the state is about half the size', () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ ...example.data[0]!, batchId: `b${i}` }));
    const state = stateWith([
      ['batch-runs', 'list'],
      batchRunPageReader.parse({ ...example, data: rows }),
    ]);
    const before = JSON.stringify(state).length;
    const after = JSON.stringify(compactBatchRuns(state)).length;
    expect(after).toBeLessThan(before * 0.6);
  });

  it('leave rows built in code (nothing sent) and other queries as they are', () => {
    const built = makePage([makeBatch(1), makeBatch(2)]);
    const state = stateWith([['batch-runs', 'list', 2], built], [['session'], { user: null }]);
    expect(compactBatchRuns(state)).toEqual(state);
  });

  it('find rows in the pages of an infinite query', () => {
    const state = stateWith([
      ['batch-runs', 'walk'],
      { pages: [readPage(), readPage()], pageParams: [1, 2] },
    ]);
    const compact = compactBatchRuns(state);
    expect(JSON.stringify(compact)).toContain('$batchRunAsSent');
    expect(expandBatchRuns(JSON.parse(JSON.stringify(compact)) as typeof state)).toEqual(state);
  });
});
