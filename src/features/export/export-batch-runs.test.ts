import { describe, expect, it } from 'vitest';
import type { BatchRun, BatchRunPage } from '../../../contract/api-schemas';
import { exampleBatch, makeBatch, makePage } from '../../test/fixtures';
import { estimateBytes, exportAllPages } from './export-batch-runs';
import { CSV_COLUMNS } from './to-csv';

/** An agent of `total` batches served 100 per page; `shift` batches arrive during the walk. */
function agent(total: number, { shift = 0 } = {}) {
  const asked: number[] = [];
  const fetchPage = (page: number): Promise<BatchRunPage> => {
    asked.push(page);
    // After the first page, `shift` new batches pushed everything down (a live agent).
    const offset = page === 1 ? 0 : -shift;
    const start = (page - 1) * 100 + offset;
    const rows: BatchRun[] = [];
    for (let i = Math.max(0, start); i < Math.min(total, start + 100); i += 1) {
      rows.push(makeBatch(i, { testCases: i % 10 === 0 ? [] : exampleBatch.testCases }));
    }
    return Promise.resolve(makePage(rows, { page: page - 1, size: 100, totalCount: total }));
  };
  return { fetchPage, asked };
}

describe('exportAllPages', () => {
  it('writes every batch of every page once, as CSV', async () => {
    const { fetchPage, asked } = agent(250);
    const result = await exportAllPages({
      fetchPage,
      format: 'csv',
      signal: new AbortController().signal,
      onProgress: () => {},
    });
    expect(asked.sort()).toEqual([1, 2, 3]);
    expect(result.batchCount).toBe(250);
    expect(result.rowCount).toBe(250); // one test case each, or none (still one row)
    expect(result.pagesLeft).toBe(0);
    // The file starts with the UTF-8 byte-order mark (Blob.text() decodes it away).
    expect([...new Uint8Array(await result.blob.arrayBuffer()).subarray(0, 3)]).toEqual([
      0xef, 0xbb, 0xbf,
    ]);
    const text = await result.blob.text();
    expect(text.startsWith('batchId,')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(1 + 250 + 1);
    expect(result.blob.type).toBe('text/csv;charset=utf-8');
  });

  it('writes a JSON array the API objects read back from', async () => {
    const { fetchPage } = agent(120);
    const result = await exportAllPages({
      fetchPage,
      format: 'json',
      signal: new AbortController().signal,
      onProgress: () => {},
    });
    const parsed = JSON.parse(await result.blob.text()) as BatchRun[];
    expect(parsed).toHaveLength(120);
    expect(parsed[1]).toEqual(makeBatch(1, { testCases: exampleBatch.testCases }));
  });

  it('skips a batch that shows up twice because pages shifted during the walk', async () => {
    const { fetchPage } = agent(300, { shift: 3 });
    const result = await exportAllPages({
      fetchPage,
      format: 'json',
      signal: new AbortController().signal,
      onProgress: () => {},
    });
    const ids = (JSON.parse(await result.blob.text()) as BatchRun[]).map((batch) => batch.batchId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(result.batchCount).toBe(ids.length);
  });

  it('stops at the bound and says how many pages were left out', async () => {
    const { fetchPage, asked } = agent(1_050);
    const result = await exportAllPages({
      fetchPage,
      format: 'csv',
      maxPages: 4,
      signal: new AbortController().signal,
      onProgress: () => {},
    });
    expect(Math.max(...asked)).toBe(4);
    expect(result.batchCount).toBe(400);
    expect(result.pagesLeft).toBe(7);
  });

  it('exports an agent with no batch runs as a header only / an empty array', async () => {
    const { fetchPage } = agent(0);
    const signal = new AbortController().signal;
    const csv = await exportAllPages({ fetchPage, format: 'csv', signal, onProgress: () => {} });
    expect(await csv.blob.text()).toBe(`${CSV_COLUMNS.join(',')}\r\n`);
    const json = await exportAllPages({ fetchPage, format: 'json', signal, onProgress: () => {} });
    expect(JSON.parse(await json.blob.text())).toEqual([]);
  });
});

describe('estimateBytes', () => {
  it('scales the size of a sample to the total', () => {
    const sample = [makeBatch(1), makeBatch(2)];
    const one = estimateBytes(sample, 2, 'json');
    expect(estimateBytes(sample, 2_000, 'json')).toBe(one * 1_000);
    expect(estimateBytes([], 10, 'csv')).toBe(0);
  });
});
