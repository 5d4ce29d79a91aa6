/**
 * The steps of an export: choose, confirm (above CONFIRM_ABOVE_BATCH_RUNS), running with
 * progress, then done, cancelled or failed. Every page is read WALK_PAGE_SIZE batch runs per
 * request; the file is saved as soon as it is complete. Unmounting cancels a running export.
 */
import { useEffect, useRef, useState } from 'react';
import type { ReadBatchRun, ReadBatchRunPage } from '../../../contract/read-batch-runs';
import { WALK_PAGE_SIZE, type PageFetcher } from '../../lib/page-walker';
import { downloadBlob, exportFileName } from './download';
import {
  CONFIRM_ABOVE_BATCH_RUNS,
  exportAllPages,
  exportBatches,
  type ExportFormat,
  type ExportResult,
} from './export-batch-runs';

export type ExportState =
  | { step: 'choose' }
  | { step: 'confirm'; format: ExportFormat }
  | { step: 'running'; format: ExportFormat; scanned: number; toScan: number }
  | { step: 'done'; fileName: string; result: ExportResult }
  | { step: 'cancelled' }
  | { step: 'failed'; message: string };

/** What an export reads: the page on screen, and every page through `fetchPage`. */
export interface ExportSource {
  agentId: string;
  /** The batch runs on screen. */
  rows: ReadBatchRun[];
  /** The page on screen (1-based). */
  page: number;
  /** Batch runs across all pages, as the API last said. */
  totalCount: number;
  /** Reads one page of WALK_PAGE_SIZE batch runs (through the shared cache). */
  fetchPage: PageFetcher<ReadBatchRunPage>;
}

export function useExport({ agentId, rows, page, totalCount, fetchPage }: ExportSource) {
  const [state, setState] = useState<ExportState>({ step: 'choose' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const totalPages = Math.ceil(totalCount / WALK_PAGE_SIZE);

  function finish(result: ExportResult, fileName: string) {
    downloadBlob(result.blob, fileName);
    setState({ step: 'done', fileName, result });
  }

  function exportPage(format: ExportFormat) {
    finish(exportBatches(rows, format), exportFileName(agentId, format, { page }));
  }

  async function exportAll(format: ExportFormat, maxPages?: number) {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setState({
      step: 'running',
      format,
      scanned: 0,
      toScan: Math.min(totalPages, maxPages ?? totalPages),
    });
    try {
      const result = await exportAllPages({
        fetchPage,
        format,
        maxPages,
        signal: current.signal,
        onProgress: ({ scanned, toScan }) => {
          if (!current.signal.aborted) setState({ step: 'running', format, scanned, toScan });
        },
      });
      if (!current.signal.aborted) finish(result, exportFileName(agentId, format));
    } catch (error) {
      if (current.signal.aborted) return;
      setState({
        step: 'failed',
        message: error instanceof Error ? error.message : 'The export stopped.',
      });
    }
  }

  /** All pages: at once, or after asking when there are many. */
  function startAll(format: ExportFormat) {
    if (totalCount > CONFIRM_ABOVE_BATCH_RUNS) setState({ step: 'confirm', format });
    else void exportAll(format);
  }

  return {
    state,
    totalPages,
    /** Pages of the newest CONFIRM_ABOVE_BATCH_RUNS batch runs. */
    boundPages: CONFIRM_ABOVE_BATCH_RUNS / WALK_PAGE_SIZE,
    exportPage,
    startAll,
    exportAll: (format: ExportFormat, maxPages?: number) => void exportAll(format, maxPages),
    cancel: () => {
      controller.current?.abort();
      setState({ step: 'cancelled' });
    },
    back: () => setState({ step: 'choose' }),
  };
}
