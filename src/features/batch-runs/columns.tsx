import { createColumnHelper } from '@tanstack/react-table';
import { Fragment } from 'react';
import type { ReadBatchRun } from '../../../contract/read-batch-runs';
import { summarizeAttempts } from '../../lib/attempts';
import { formatCount, shorten } from '../../lib/format';
import { IncompleteMarker } from '../../components/ui/incomplete-marker';
import { CopyButton } from '../../components/ui/copy-button';
import { CreatedTime } from '../../components/ui/created-time';
import { SuccessBar } from '../../components/ui/success-bar';
import { STALLED_AFTER_MS, isRunning } from '../../lib/batch-state';
import type { batchRunsFeatures } from './table-features';

const column = createColumnHelper<typeof batchRunsFeatures, ReadBatchRun>();

const LABELS_SHOWN = 2;
/** A label longer than this is cut in the table; the test-case panel shows it whole. */
const LABEL_CHARS = 80;

export const batchRunColumns = column.columns([
  column.display({
    id: 'select',
    header: () => <span className="sr-only">Compare</span>,
    cell: ({ row }) => {
      const canSelect = row.getCanSelect();
      return (
        <input
          type="checkbox"
          checked={row.getIsSelected()}
          disabled={!canSelect}
          onChange={(event) => row.toggleSelected(event.target.checked)}
          aria-label={`Select batch ${row.original.batchId} for comparison`}
          title={canSelect ? undefined : 'Two batches are picked; unpick one to pick this one'}
          className="mt-1.5 h-4 w-4 accent-indigo-600 disabled:cursor-not-allowed"
        />
      );
    },
  }),
  column.display({
    id: 'expander',
    header: () => <span className="sr-only">Details</span>,
    cell: ({ row }) => {
      const open = row.getIsExpanded();
      return (
        <button
          type="button"
          onClick={() => row.toggleExpanded()}
          aria-expanded={open}
          aria-controls={`panel-${row.id}`}
          aria-label={`${open ? 'Hide' : 'Show'} test cases of batch ${row.original.batchId}`}
          className="flex h-7 w-7 items-center justify-center rounded text-slate-600 hover:bg-slate-200 dark:text-slate-300 dark:hover:bg-slate-700"
        >
          <svg
            aria-hidden="true"
            viewBox="0 0 16 16"
            className={`h-4 w-4 fill-current transition-transform ${open ? 'rotate-90' : ''}`}
          >
            <path d="M6 3l5 5-5 5V3z" />
          </svg>
        </button>
      );
    },
  }),
  column.accessor('batchId', {
    header: 'Batch',
    cell: ({ row }) => (
      <span className="inline-flex flex-wrap items-center gap-1">
        <code className="font-mono text-xs break-all">{row.original.batchId}</code>
        <CopyButton text={row.original.batchId} label={`Copy batch id ${row.original.batchId}`} />
        <IncompleteMarker repairs={row.original.repairs} />
      </span>
    ),
  }),
  column.accessor('createdDate', {
    header: 'Created',
    // The date and time tell the rows apart; the age (ticking) is secondary.
    cell: ({ row }) => <CreatedTime iso={row.original.createdDate} />,
  }),
  column.display({
    id: 'testCases',
    header: 'Test cases',
    cell: ({ row }) => {
      const cases = row.original.testCases;
      if (cases.length === 0)
        return <span className="text-slate-600 dark:text-slate-400">None</span>;
      const more = cases.length - LABELS_SHOWN;
      return (
        <div className="max-w-xs min-w-0">
          <span className="font-medium tabular-nums">{formatCount(cases.length)}</span>
          <span className="text-slate-600 dark:text-slate-400">: </span>
          {/* Each label isolated (a bidi override cannot spill into the next) and cut short. */}
          <span className="[overflow-wrap:anywhere]">
            {cases.slice(0, LABELS_SHOWN).map((testCase, index) => (
              <Fragment key={index}>
                {index > 0 && ', '}
                <bdi>
                  {shorten(testCase.label || testCase.testCaseId || 'untitled', LABEL_CHARS)}
                </bdi>
              </Fragment>
            ))}
          </span>
          {more > 0 && (
            <span className="text-slate-600 dark:text-slate-400"> +{formatCount(more)} more</span>
          )}
        </div>
      );
    },
  }),
  column.display({
    id: 'results',
    header: 'Results',
    cell: ({ row }) => <ResultsCell batch={row.original} />,
  }),
  column.display({
    id: 'attempts',
    header: 'Attempts',
    cell: ({ row }) => {
      const summary = summarizeAttempts(row.original);
      return (
        <span className="tabular-nums whitespace-nowrap">
          {summary.countsGiven ? formatCount(summary.finished) : '—'} /{' '}
          {formatCount(summary.expected)}
          <span className="sr-only">
            {summary.countsGiven ? ' attempts finished' : ' (finished attempts not given)'}
          </span>
        </span>
      );
    },
  }),
]);

function ResultsCell({ batch }: { batch: ReadBatchRun }) {
  const summary = summarizeAttempts(batch);
  return (
    <div className="flex flex-col items-start gap-1">
      <SuccessBar summary={summary} />
      {summary.isUnfinished &&
        (isRunning(batch) ? (
          <span className="rounded-full bg-sky-100 px-2 py-0.5 text-xs font-medium text-sky-800 dark:bg-sky-900 dark:text-sky-100">
            running
          </span>
        ) : (
          // Unfinished for hours: stalled, so the page does not keep refreshing for it.
          <span
            title={`Started more than ${STALLED_AFTER_MS / 3_600_000} hours ago and never finished`}
            className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-800 dark:bg-slate-700 dark:text-slate-100"
          >
            unfinished
          </span>
        ))}
      {summary.inconsistencies.length > 0 && (
        <p className="text-xs text-amber-800 dark:text-amber-300">
          <span aria-hidden="true">⚠ </span>Counts disagree: {summary.inconsistencies.join('; ')}
        </p>
      )}
    </div>
  );
}
