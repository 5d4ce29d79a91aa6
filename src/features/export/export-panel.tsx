/**
 * The Export panel: the page on screen or every page, as CSV or JSON. Every page of an agent
 * is read 100 batch runs per request, 4 requests at a time, with a progress bar and Cancel.
 * Above 10,000 batch runs it asks first and offers the newest 10,000 (100 requests) or all
 * of them, saying how many requests that takes and roughly how big the file will be.
 */
import { useEffect, useId, useRef } from 'react';
import type { ReadBatchRun } from '../../../contract/read-batch-runs';
import { Button } from '../../components/ui/button';
import { formatCount, plural } from '../../lib/format';
import { WALK_PAGE_SIZE } from '../../lib/page-walker';
import { CONFIRM_ABOVE_BATCH_RUNS, estimateBytes, type ExportFormat } from './export-batch-runs';
import { useExport, type ExportSource, type ExportState } from './use-export';

const FORMAT_NAMES: Record<ExportFormat, string> = { csv: 'CSV', json: 'JSON' };

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatCount(Math.max(1, Math.round(bytes / 1024)))} kB`;
  return `${formatCount(Math.round(bytes / (1024 * 1024)))} MB`;
}

export function ExportPanel({
  onClose,
  what = 'batch runs',
  ...source
}: ExportSource & { onClose: () => void; what?: string }) {
  const { rows, page, totalCount } = source;
  const exporter = useExport(source);
  const { state } = exporter;
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const running = state.step === 'running';

  useEffect(() => heading.current?.focus(), []);

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

  /** A CSV and a JSON button for one scope: this page, or all pages. */
  const formatButtons = (scope: 'page' | 'all', disabled: boolean) => (
    <div className="flex gap-2">
      {(['csv', 'json'] as const).map((format) => (
        <Button
          key={format}
          disabled={disabled}
          aria-label={`Export ${scope === 'page' ? 'this page' : 'all pages'} as ${FORMAT_NAMES[format]}`}
          onClick={() =>
            scope === 'page' ? exporter.exportPage(format) : exporter.startAll(format)
          }
        >
          {FORMAT_NAMES[format]}
        </Button>
      ))}
    </div>
  );

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
          Export {what}
        </h2>
        <Button onClick={onClose} disabled={running}>
          Close
        </Button>
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
          {what === 'batch runs' ? 'All pages' : `All ${what}`}{' '}
          <span className="font-normal text-slate-600 dark:text-slate-400">
            ({plural(totalCount, 'batch run', 'batch runs')})
          </span>
        </legend>
        {formatButtons('all', totalCount === 0)}
      </fieldset>

      {state.step === 'confirm' && (
        <ConfirmAll
          id={`${headingId}-confirm`}
          format={state.format}
          rows={rows}
          totalCount={totalCount}
          onNewest={() => exporter.exportAll(state.format, exporter.boundPages)}
          onAll={() => exporter.exportAll(state.format)}
          onCancel={exporter.back}
        />
      )}
      <ExportProgress state={state} totalCount={totalCount} onCancel={exporter.cancel} />
    </div>
  );
}

/** Asks before an export of more than CONFIRM_ABOVE_BATCH_RUNS batch runs. */
function ConfirmAll({
  id,
  format,
  rows,
  totalCount,
  onNewest,
  onAll,
  onCancel,
}: {
  id: string;
  format: ExportFormat;
  rows: ReadBatchRun[];
  totalCount: number;
  onNewest: () => void;
  onAll: () => void;
  onCancel: () => void;
}) {
  return (
    <div
      role="alertdialog"
      aria-labelledby={id}
      className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 dark:border-amber-700 dark:bg-amber-950"
    >
      <p id={id}>
        This agent has {formatCount(totalCount)} batch runs. Exporting all of them takes a while and
        makes a {FORMAT_NAMES[format]} file of roughly{' '}
        {formatBytes(estimateBytes(rows, totalCount, format))}.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" onClick={onNewest}>
          Export the newest {formatCount(CONFIRM_ABOVE_BATCH_RUNS)}
        </Button>
        <Button onClick={onAll}>Export all {formatCount(totalCount)}</Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </div>
  );
}

/** The progress bar while an export runs, and what became of it. */
function ExportProgress({
  state,
  totalCount,
  onCancel,
}: {
  state: ExportState;
  totalCount: number;
  onCancel: () => void;
}) {
  // Said in batch runs, not in the requests of WALK_PAGE_SIZE it takes to read them.
  const batchRuns = (pages: number) => Math.min(totalCount, pages * WALK_PAGE_SIZE);
  const progressId = useId();
  return (
    <>
      {state.step === 'running' && (
        <div className="space-y-2">
          <label htmlFor={progressId} className="block">
            Exporting {FORMAT_NAMES[state.format]}: read {formatCount(batchRuns(state.scanned))} of{' '}
            {plural(batchRuns(state.toScan), 'batch run', 'batch runs')}
          </label>
          <div className="flex items-center gap-2">
            <progress
              id={progressId}
              max={Math.max(state.toScan, 1)}
              value={state.scanned}
              className="h-2 w-full accent-indigo-600"
            />
            <Button onClick={onCancel}>Cancel</Button>
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
              ` (the newest; ${plural(totalCount - state.result.batchCount, 'older batch run', 'older batch runs')} not exported)`}
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
    </>
  );
}
