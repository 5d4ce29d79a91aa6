/**
 * Builds an export file from the page on screen or from every page of an agent. All pages are
 * read with the shared page walker (4 requests at a time, cancellable) and written out page by
 * page: each page becomes a Blob part as soon as it is serialised, so the parsed batches are
 * dropped at once and the file's bytes live in the browser's blob store, not in script memory.
 */
import type { ReadBatchRun, ReadBatchRunPage } from '../../../contract/read-batch-runs';
import { walkPages, type PageFetcher, type WalkProgress } from '../../lib/page-walker';
import { csvHeader, csvRowCount, csvRows } from './to-csv';
import { JSON_END, JSON_START, jsonChunk } from './to-json';

export type ExportFormat = 'csv' | 'json';

/** Above this many batch runs an export of all pages asks first, and offers the newest ones. */
export const CONFIRM_ABOVE_BATCH_RUNS = 10_000;

export const MIME_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json;charset=utf-8',
};

export interface ExportResult {
  blob: Blob;
  batchCount: number;
  /** Data rows (CSV) or objects (JSON) written. */
  rowCount: number;
  /** Pages of the agent that were not read because of the bound. */
  pagesLeft: number;
}

/** Writes batches chunk by chunk, skipping any batch already written (pages can shift). */
class ExportWriter {
  private readonly parts: BlobPart[];
  private readonly written = new Set<string>();
  batchCount = 0;
  rowCount = 0;

  constructor(private readonly format: ExportFormat) {
    this.parts = [format === 'csv' ? csvHeader() : JSON_START];
  }

  add(batches: readonly ReadBatchRun[]) {
    const fresh = batches.filter((batch) => !this.written.has(batch.batchId));
    if (fresh.length === 0) return;
    const text = this.format === 'csv' ? csvRows(fresh) : jsonChunk(fresh, this.batchCount === 0);
    // A Blob per chunk: the string can be collected; the bytes stay in the blob store.
    this.parts.push(new Blob([text]));
    for (const batch of fresh) {
      this.written.add(batch.batchId);
      this.rowCount += this.format === 'csv' ? csvRowCount(batch) : 1;
    }
    this.batchCount += fresh.length;
  }

  finish(): Blob {
    if (this.format === 'json') this.parts.push(JSON_END);
    return new Blob(this.parts, { type: MIME_TYPES[this.format] });
  }
}

export function exportBatches(
  batches: readonly ReadBatchRun[],
  format: ExportFormat,
): ExportResult {
  const writer = new ExportWriter(format);
  writer.add(batches);
  return {
    blob: writer.finish(),
    batchCount: writer.batchCount,
    rowCount: writer.rowCount,
    pagesLeft: 0,
  };
}

export async function exportAllPages({
  fetchPage,
  format,
  maxPages,
  signal,
  onProgress,
}: {
  fetchPage: PageFetcher<ReadBatchRunPage>;
  format: ExportFormat;
  /** Stop after this many pages (the newest batch runs come first). */
  maxPages?: number;
  signal: AbortSignal;
  onProgress: (progress: WalkProgress) => void;
}): Promise<ExportResult> {
  const writer = new ExportWriter(format);
  const result = await walkPages({
    fetchPage,
    maxPages,
    signal,
    onPage: (page) => writer.add(page.data),
    onProgress,
  });
  return {
    blob: writer.finish(),
    batchCount: writer.batchCount,
    rowCount: writer.rowCount,
    pagesLeft: result.nextPage === null ? 0 : result.totalPages - result.nextPage + 1,
  };
}

/** Roughly how big a file of `total` batch runs will be, judged from a sample of them. */
export function estimateBytes(
  sample: readonly ReadBatchRun[],
  total: number,
  format: ExportFormat,
) {
  if (sample.length === 0) return 0;
  const text = format === 'csv' ? csvRows(sample) : jsonChunk(sample, true);
  return Math.round((new Blob([text]).size / sample.length) * total);
}
