/**
 * A test case's history: the agent's batch runs that ran the same testCaseId, newest first,
 * each with that batch's pass rate. Found by reading the agent's pages (100 batch runs each,
 * 4 requests at a time, through the shared cache) with a progress bar and Cancel. The scan
 * pauses every 10 pages (1,000 batch runs) and offers "Scan more", so an agent with 50,000
 * runs costs nothing until asked; only the matches are kept, not the pages.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { SuccessBar } from '../../components/ui/success-bar';
import type { BatchRunPage } from '../../../contract/api-schemas';
import { formatPassRate } from '../../lib/attempts';
import { formatCount, formatDateTime, formatRelative, plural } from '../../lib/format';
import { walkPages, type PageFetcher } from '../../lib/page-walker';
import { viewHref } from '../../lib/view/view';
import { findRuns, mergeRuns, type TestCaseRun } from './find-runs';
import { AppLink } from '../../components/ui/app-link';

/** Pages read before the scan pauses and asks. */
export const SCAN_PAGES = 10;
/** Batch runs per page while scanning (the API's largest page). */
export const SCAN_PAGE_SIZE = 100;

interface Scan {
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

const buttonClass =
  'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:hover:bg-slate-700';

export function TestCaseHistory({
  agentId,
  testCaseId,
  label,
  fetchPage,
  onOpenBatch,
  onClose,
}: {
  agentId: string;
  testCaseId: string;
  label: string;
  /** Reads one page of SCAN_PAGE_SIZE batch runs of this agent (through the shared cache). */
  fetchPage: PageFetcher<BatchRunPage>;
  /** Opens a batch run in the view (a plain click on its link); the dialog closes itself. */
  onOpenBatch: (batchId: string) => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const controller = useRef<AbortController | null>(null);
  const headingId = useId();
  const progressId = useId();
  const [scan, setScan] = useState<Scan>({
    status: 'scanning',
    runs: [],
    scanned: 0,
    target: SCAN_PAGES,
    totalPages: null,
    totalCount: null,
    nextPage: 1,
    error: null,
  });

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
    const element = dialog.current;
    if (element && !element.open) element.showModal();
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

  const { status, runs, scanned, target, totalPages, totalCount, nextPage } = scan;
  const scanning = status === 'scanning';
  const shownTarget = totalPages === null ? target : Math.min(target, Math.max(totalPages, 1));
  const batchesScanned = totalCount === null ? 0 : Math.min(totalCount, scanned * SCAN_PAGE_SIZE);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={headingId}
      onClose={onClose}
      className="m-auto max-h-[85vh] w-[min(52rem,calc(100vw-2rem))] overflow-y-auto rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="sticky top-0 z-10 flex items-start justify-between gap-4 border-b border-slate-200 bg-white px-5 py-3 dark:border-slate-700 dark:bg-slate-900">
        <div className="min-w-0">
          <h2
            id={headingId}
            className="text-base font-semibold break-words [overflow-wrap:anywhere]"
          >
            History of {label ? `“${label}”` : 'an untitled test case'}
          </h2>
          <p className="font-mono text-xs text-slate-600 dark:text-slate-400">{testCaseId}</p>
        </div>
        <button type="button" className={buttonClass} onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>

      <div className="space-y-4 px-5 py-4 text-sm">
        <p className="text-slate-700 dark:text-slate-300">
          Batch runs of this agent that ran this test case, newest first. The pass rate is the
          batch&apos;s: the API counts attempts per batch, not per test case.
        </p>

        <div className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-700">
          <div className="flex flex-wrap items-center gap-3">
            <label htmlFor={progressId} className="tabular-nums">
              Scanned {formatCount(scanned)} of {formatCount(shownTarget)}{' '}
              {shownTarget === 1 ? 'page' : 'pages'}
            </label>
            <progress
              id={progressId}
              max={Math.max(shownTarget, 1)}
              value={scanned}
              className="h-2 min-w-32 flex-1 accent-indigo-600"
            />
            {scanning && (
              <button type="button" className={buttonClass} onClick={cancel}>
                Cancel
              </button>
            )}
            {(status === 'paused' || status === 'cancelled' || status === 'failed') && (
              <button type="button" className={buttonClass} onClick={scanMore}>
                {status === 'paused' ? `Scan ${SCAN_PAGES} more pages` : 'Continue scanning'}
              </button>
            )}
          </div>
          {totalCount !== null && totalPages !== null && (
            <p className="text-xs text-slate-600 dark:text-slate-400">
              {formatCount(batchesScanned)} of {plural(totalCount, 'batch run', 'batch runs')} read
              ({plural(totalPages, 'page', 'pages')} of {SCAN_PAGE_SIZE}).
            </p>
          )}
          <p role="status" className="text-xs text-slate-600 dark:text-slate-400">
            {status === 'paused' &&
              `Paused after ${plural(scanned, 'page', 'pages')}: older batch runs are not searched yet.`}
            {status === 'done' && 'Every batch run of the agent was searched.'}
            {status === 'cancelled' &&
              `Cancelled: batch runs after page ${formatCount(nextPage - 1)} were not searched.`}
          </p>
          {status === 'failed' && (
            <p role="alert" className="text-red-800 dark:text-red-300">
              The scan stopped: {scan.error} The runs found so far are listed.
            </p>
          )}
        </div>

        {runs.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">
            {scanning ? 'Searching…' : 'No batch run found in the pages searched.'}
          </p>
        ) : (
          <table className="w-full border-collapse text-left">
            <caption className="mb-2 text-left font-medium">
              {plural(runs.length, 'batch run', 'batch runs')} ran this test case
              {status === 'done' ? '' : ' so far'}
            </caption>
            <thead className="text-xs text-slate-600 uppercase dark:text-slate-400">
              <tr>
                <th scope="col" className="py-1 pr-3 font-semibold">
                  Batch
                </th>
                <th scope="col" className="py-1 pr-3 font-semibold">
                  Created
                </th>
                <th scope="col" className="py-1 pr-3 font-semibold">
                  Pass rate
                </th>
                <th scope="col" className="py-1 pr-3 font-semibold">
                  Model
                </th>
                <th scope="col" className="py-1 text-right font-semibold">
                  Attempts
                </th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.batchId} className="border-t border-slate-200 dark:border-slate-800">
                  <td className="py-1.5 pr-3">
                    <AppLink
                      href={viewHref({ agentId, batch: run.batchId })}
                      onNavigate={() => {
                        dialog.current?.close();
                        onOpenBatch(run.batchId);
                      }}
                      className="font-mono text-xs text-indigo-700 underline hover:text-indigo-900 dark:text-indigo-300 dark:hover:text-indigo-100"
                    >
                      {run.batchId}
                    </AppLink>
                  </td>
                  <td className="py-1.5 pr-3 whitespace-nowrap">
                    <time dateTime={run.createdDate} title={formatDateTime(run.createdDate)}>
                      {formatDateTime(run.createdDate)}
                    </time>
                    <span className="sr-only">, </span>
                    <span className="block text-xs text-slate-600 dark:text-slate-400">
                      {formatRelative(run.createdDate)}
                    </span>
                  </td>
                  <td className="py-1.5 pr-3">
                    <span className="sr-only">{formatPassRate(run.summary)}: </span>
                    <SuccessBar summary={run.summary} />
                  </td>
                  <td className="py-1.5 pr-3 font-mono text-xs">{run.llmModel}</td>
                  <td className="py-1.5 text-right tabular-nums">{run.attempt}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </dialog>
  );
}
