import example from '../../../shared/api/list-batch-runs.example.json';
import type { BatchRun, BatchRunPage } from '../lib/api-schemas';

/** The documented example response, verbatim. */
export const examplePage = example;
export const exampleBatch = example.data[0] as BatchRun;

export function makeBatch(index: number, overrides: Partial<BatchRun> = {}): BatchRun {
  return {
    ...exampleBatch,
    batchId: `batch_test${String(index).padStart(4, '0')}`,
    createdDate: new Date(Date.UTC(2026, 2, 26, 10) - index * 3_600_000).toISOString(),
    ...overrides,
  };
}

export function makePage(
  rows: BatchRun[],
  {
    page = 0,
    size = 20,
    totalCount = rows.length,
  }: { page?: number; size?: number; totalCount?: number } = {},
): BatchRunPage {
  const totalPages = Math.ceil(totalCount / size);
  return {
    data: rows,
    page,
    size,
    totalCount,
    totalPages,
    hasNext: page + 1 < totalPages,
    hasPrevious: page > 0 && totalCount > 0,
  };
}
