/**
 * The scan behind a test case's history: reads the agent's pages (WALK_PAGE_SIZE batch runs
 * each, 4 requests at a time, through the shared cache) and keeps only the matches. It pauses
 * every SCAN_PAGES pages and continues on request, so an agent with 50,000 runs costs nothing
 * until asked. Starts on mount; stops on unmount or Cancel.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReadBatchRunPage } from '../../../contract/read-batch-runs';
import { walkPages, type PageFetcher } from '../../lib/page-walker';
import { findRuns, mergeRuns, type TestCaseRun } from './find-runs';

/** Pages read before the scan pauses and asks. */
export const SCAN_PAGES = 10;

export interface Scan {
  status: 'scanning' | 'paused' | 'done' | 'cancelled' | 'failed';
  runs: readonly TestCaseRun[];
  /** Pages read so far, from page 1. */
  scanned: number;
  /** The page this scan stops after. */
  target: number;
  totalPages: number | null;
  totalCount: number | null;
  /** The page to continue from. */
  nextPage: number;
  error: string | null;
}

const FIRST_SCAN: Scan = {
  status: 'scanning',
  runs: [],
  scanned: 0,
  target: SCAN_PAGES,
  totalPages: null,
  totalCount: null,
  nextPage: 1,
  error: null,
};

export function useTestCaseScan(fetchPage: PageFetcher<ReadBatchRunPage>, testCaseId: string) {
  const controller = useRef<AbortController | null>(null);
  const [scan, setScan] = useState<Scan>(FIRST_SCAN);

  /** Reads up to SCAN_PAGES pages from `startPage`; state changes only as pages arrive. */
  const run = useCallback(
    (startPage: number) => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      const live = () => !current.signal.aborted;
      walkPages({
        fetchPage,
        startPage,
        maxPages: SCAN_PAGES,
        signal: current.signal,
        onPage: (page, pageNumber) => {
          if (!live()) return;
          const found = findRuns(page.data, testCaseId);
          setScan((scan) => ({
            ...scan,
            runs: mergeRuns(scan.runs, found),
            nextPage: pageNumber + 1,
          }));
        },
        onProgress: ({ scanned, toScan, totalPages, totalCount }) => {
          if (!live()) return;
          setScan((scan) => ({
            ...scan,
            scanned: startPage - 1 + scanned,
            target: startPage - 1 + toScan,
            totalPages,
            totalCount,
          }));
        },
      }).then(
        (result) => {
          if (!live()) return;
          setScan((scan) => ({
            ...scan,
            status: result.nextPage === null ? 'done' : 'paused',
            nextPage: result.nextPage ?? scan.nextPage,
          }));
        },
        (error: unknown) => {
          if (!live()) return;
          setScan((scan) => ({
            ...scan,
            status: 'failed',
            error: error instanceof Error ? error.message : 'The scan stopped.',
          }));
        },
      );
    },
    [fetchPage, testCaseId],
  );

  useEffect(() => {
    run(1);
    return () => controller.current?.abort();
  }, [run]);

  function scanMore() {
    setScan((scan) => ({
      ...scan,
      status: 'scanning',
      error: null,
      target: scan.nextPage - 1 + SCAN_PAGES,
    }));
    run(scan.nextPage);
  }

  function cancel() {
    controller.current?.abort();
    setScan((scan) => ({ ...scan, status: 'cancelled' }));
  }

  return { scan, scanMore, cancel };
}
