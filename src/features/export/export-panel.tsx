/**
 * The Export panel: the page on screen or every page, as CSV or JSON. Every page of an agent
 * is read 100 batch runs per request, 4 requests at a time, with a progress bar and Cancel.
 * Above 10,000 batch runs it asks first and offers the newest 10,000 (100 requests) or all
 * of them, saying how many requests that takes and roughly how big the file will be.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { BatchRun, BatchRunPage } from '../../../contract/api-schemas';
import { formatCount, plural } from '../../lib/format';
import type { PageFetcher } from '../../lib/page-walker';
import { downloadBlob, exportFileName } from './download';
import {
  CONFIRM_ABOVE_BATCH_RUNS,
  EXPORT_PAGE_SIZE,
  estimateBytes,
  exportAllPages,
  exportBatches,
  type ExportFormat,
  type ExportResult,
} from './export-batch-runs';

type State =
  | { step: 'choose' }
  | { step: 'confirm'; format: ExportFormat }
  | { step: 'running'; format: ExportFormat; scanned: number; toScan: number }
  | { step: 'done'; fileName: string; result: ExportResult }
  | { step: 'cancelled' }
  | { step: 'failed'; message: string };

const FORMAT_NAMES: Record<ExportFormat, string> = { csv: 'CSV', json: 'JSON' };

const buttonClass =
  'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:bg-slate-800 dark:hover:bg-slate-700';
const primaryClass =
  'rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2';

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatCount(Math.max(1, Math.round(bytes / 1024)))} kB`;
  return `${formatCount(Math.round(bytes / (1024 * 1024)))} MB`;
}

export function ExportPanel({
  agentId,
  rows,
  page,
  totalCount,
  fetchPage,
  onClose,
}: {
  agentId: string;
  /** The batch runs on screen. */
  rows: BatchRun[];
  /** The page on screen (1-based). */
  page: number;
  /** Batch runs across all pages, as the API last said. */
  totalCount: number;
  /** Reads one page of EXPORT_PAGE_SIZE batch runs (through the shared cache). */
  fetchPage: PageFetcher<BatchRunPage>;
  onClose: () => void;
}) {
  const [state, setState] = useState<State>({ step: 'choose' });
  const controller = useRef<AbortController | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const progressId = useId();

  useEffect(() => {
    heading.current?.focus();
    return () => controller.current?.abort();
  }, []);

  const totalPages = Math.ceil(totalCount / EXPORT_PAGE_SIZE);
  const boundPages = CONFIRM_ABOVE_BATCH_RUNS / EXPORT_PAGE_SIZE;
  const running = state.step === 'running';

  // Escape closes the panel (not while an export runs: Cancel stops that first).
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = panel.current;
    if (!element || running) return;
    const listener = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      onClose();
    };
    element.addEventListener('keydown', listener);
    return () => element.removeEventListener('keydown', listener);
  }, [running, onClose]);

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

  /** A CSV and a JSON button for one scope: this page, or all pages. */
  function formatButtons(scope: 'page' | 'all', disabled: boolean) {
    return (
      <div className="flex gap-2">
        {(['csv', 'json'] as const).map((format) => (
          <button
            key={format}
            type="button"
            className={buttonClass}
            disabled={disabled}
            aria-label={`Export ${scope === 'page' ? 'this page' : 'all pages'} as ${FORMAT_NAMES[format]}`}
            onClick={() => (scope === 'page' ? exportPage(format) : startAll(format))}
          >
            {FORMAT_NAMES[format]}
          </button>
        ))}
      </div>
    );
  }

  function startAll(format: ExportFormat) {
    if (totalCount > CONFIRM_ABOVE_BATCH_RUNS) setState({ step: 'confirm', format });
    else void exportAll(format);
  }

  function cancel() {
    controller.current?.abort();
    setState({ step: 'cancelled' });
  }

  return (
    <div
      role="region"
      aria-labelledby={headingId}
      ref={panel}
      className="w-[min(26rem,calc(100vw-2rem))] space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-900 shadow-xl dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="flex items-center justify-between gap-2">
        <h2
          id={headingId}
          ref={heading}
          tabIndex={-1}
          className="text-base font-semibold focus:outline-none"
        >
          Export batch runs
        </h2>
        <button type="button" className={buttonClass} onClick={onClose} disabled={running}>
          Close
        </button>
      </div>

      <fieldset className="space-y-2" disabled={running}>
        <legend className="font-medium">
          This page{' '}
          <span className="font-normal text-slate-600 dark:text-slate-400">
            (page {formatCount(page)}, {plural(rows.length, 'batch run', 'batch runs')})
          </span>
        </legend>
        {formatButtons('page', rows.length === 0)}
      </fieldset>

      <fieldset className="space-y-2" disabled={running}>
        <legend className="font-medium">
          All pages{' '}
          <span className="font-normal text-slate-600 dark:text-slate-400">
            ({plural(totalCount, 'batch run', 'batch runs')},{' '}
            {plural(totalPages, 'request', 'requests')} of {EXPORT_PAGE_SIZE})
          </span>
        </legend>
        {formatButtons('all', totalCount === 0)}
      </fieldset>

      {state.step === 'confirm' && (
        <div
          role="alertdialog"
          aria-labelledby={`${headingId}-confirm`}
          className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 dark:border-amber-700 dark:bg-amber-950"
        >
          <p id={`${headingId}-confirm`}>
            This agent has {formatCount(totalCount)} batch runs. Exporting all of them takes{' '}
            {formatCount(totalPages)} requests and makes a {FORMAT_NAMES[state.format]} file of
            roughly {formatBytes(estimateBytes(rows, totalCount, state.format))}.
          </p>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              className={primaryClass}
              onClick={() => void exportAll(state.format, boundPages)}
            >
              Export the newest {formatCount(CONFIRM_ABOVE_BATCH_RUNS)}
            </button>
            <button
              type="button"
              className={buttonClass}
              onClick={() => void exportAll(state.format)}
            >
              Export all {formatCount(totalCount)}
            </button>
            <button
              type="button"
              className={buttonClass}
              onClick={() => setState({ step: 'choose' })}
            >
              Cancel
            </button>
          </div>
        </div>
      )}

      {state.step === 'running' && (
        <div className="space-y-2">
          <label htmlFor={progressId} className="block">
            Exporting {FORMAT_NAMES[state.format]}: fetched {formatCount(state.scanned)} of{' '}
            {formatCount(state.toScan)} pages
          </label>
          <div className="flex items-center gap-2">
            <progress
              id={progressId}
              max={Math.max(state.toScan, 1)}
              value={state.scanned}
              className="h-2 w-full accent-indigo-600"
            />
            <button type="button" className={buttonClass} onClick={cancel}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {/* Announced once at the end, not at every page. */}
      <div role="status">
        {state.step === 'running' && state.scanned === 0 && (
          <span className="sr-only">Export started.</span>
        )}
        {state.step === 'done' && (
          <p>
            Saved <span className="font-mono break-all">{state.fileName}</span>:{' '}
            {plural(state.result.batchCount, 'batch run', 'batch runs')}
            {state.fileName.endsWith('.csv') && `, ${plural(state.result.rowCount, 'row', 'rows')}`}
            {state.result.pagesLeft > 0 &&
              ` (the newest; ${plural(state.result.pagesLeft, 'page', 'pages')} not exported)`}
            .
          </p>
        )}
        {state.step === 'cancelled' && <p>Export cancelled. Nothing was saved.</p>}
      </div>
      {state.step === 'failed' && (
        <p role="alert" className="text-red-800 dark:text-red-300">
          The export stopped: {state.message} Nothing was saved; try again.
        </p>
      )}
    </div>
  );
}
