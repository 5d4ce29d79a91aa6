import { memo } from 'react';
import { SuccessBar } from '../../components/ui/success-bar';
import type { ReadBatchRun } from '../../../contract/read-batch-runs';
import { formatCount, formatPercent, plural } from '../../lib/format';
import { summarizePage } from './page-stats';
import { PassRateChart } from './pass-rate-chart';

const panelClass =
  'rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900';
/** Both states (loading, loaded) take this height, so the table below never moves. */
const bodyClass = 'grid gap-4 md:h-44 md:grid-cols-[17rem_minmax(0,1fr)]';

/**
 * Attempts across the batch runs on screen (not the agent's whole history: it says so) and
 * their pass rate over time. Without batches yet it holds the same space with placeholders.
 * Memoised: its props are the page's rows (the query's own array) and stable callbacks, so a
 * render above that changes neither (the URL catching up after a page change, a pick for
 * comparison, an open row) does not redraw the chart.
 */
export const PageSummary = memo(function PageSummary({
  page,
  batches,
  totalCount,
  dimmed = false,
  onOpenBatch,
  label,
}: {
  /** Opens a batch picked on the chart (`&batch=`). */
  onOpenBatch?: (batchId: string) => void;
  /** The list's page (1-based), which the summary covers. */
  page: number;
  batches: readonly ReadBatchRun[] | undefined;
  totalCount: number | undefined;
  dimmed?: boolean;
  /** What the batches are: the page on screen, or "Matching batch runs" under a filter. */
  label?: string;
}) {
  if (!batches) return <PageSummaryPlaceholder />;
  const stats = summarizePage(batches);
  const finished = stats.succeeded + stats.failed;
  return (
    <section
      aria-labelledby="page-summary-heading"
      className={`${panelClass} transition-opacity ${dimmed ? 'opacity-60' : ''}`}
    >
      <h2 id="page-summary-heading" className="mb-3 text-sm font-semibold">
        {label ?? `Page ${formatCount(page)} summary`}:{' '}
        {plural(stats.batches, 'batch run', 'batch runs')}
        {totalCount !== undefined && totalCount > stats.batches && (
          <>
            {' '}
            <span className="font-normal text-slate-600 dark:text-slate-400">
              of {formatCount(totalCount)}
            </span>
          </>
        )}
        {stats.unfinishedBatches > 0 && (
          <>
            {' '}
            <span className="font-normal text-slate-600 dark:text-slate-400">
              · {formatCount(stats.unfinishedBatches)} unfinished
            </span>
          </>
        )}
      </h2>
      {stats.uncounted > 0 && (
        <p className="-mt-2 mb-2 text-xs text-slate-600 dark:text-slate-400">
          {plural(stats.uncounted, 'batch run', 'batch runs')} without counts{' '}
          {stats.uncounted === 1 ? 'is' : 'are'} left out of these figures.
        </p>
      )}
      <div className={bodyClass}>
        <div className="flex flex-col gap-3">
          <div>
            <p className="text-xs text-slate-600 dark:text-slate-400">
              Pass rate of this page’s finished batches
            </p>
            <p className="text-3xl font-semibold tabular-nums" data-testid="page-pass-rate">
              {stats.passRate === null ? '—' : formatPercent(stats.passRate)}
            </p>
            <p className="text-xs text-slate-600 dark:text-slate-400">
              of {plural(finished, 'attempt', 'attempts')}
            </p>
          </div>
          {/* The counts are written out below; the bar only draws them. */}
          <div aria-hidden="true">
            <SuccessBar
              showNumbers={false}
              summary={{
                countsGiven: true,
                succeeded: stats.succeeded,
                failed: stats.failed,
                finished,
                expected: finished + stats.pending,
                pending: stats.pending,
                passRate: stats.passRate,
                isUnfinished: stats.pending > 0,
                inconsistencies: [],
              }}
            />
          </div>
          <dl className="grid grid-cols-3 gap-2 text-sm">
            <Count label="Succeeded" value={stats.succeeded} swatch="bg-emerald-600" />
            <Count label="Failed" value={stats.failed} swatch="bg-red-600" />
            <Count label="Pending" value={stats.pending} swatch="bg-slate-400" />
          </dl>
        </div>
        <PassRateChart points={stats.points} onOpenBatch={onOpenBatch} />
      </div>
    </section>
  );
});

function Count({ label, value, swatch }: { label: string; value: number; swatch: string }) {
  return (
    <div>
      <dt className="flex items-center gap-1 text-xs text-slate-600 dark:text-slate-400">
        <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-sm ${swatch}`} />
        {label}
      </dt>
      <dd className="font-semibold tabular-nums">{formatCount(value)}</dd>
    </div>
  );
}

function PageSummaryPlaceholder() {
  return (
    <div aria-hidden="true" className={panelClass}>
      <div className="mb-3 h-5 w-48 animate-pulse rounded bg-slate-200 dark:bg-slate-700" />
      <div className={bodyClass}>
        <div className="h-44 animate-pulse rounded bg-slate-100 md:h-auto dark:bg-slate-800" />
        <div className="hidden animate-pulse rounded bg-slate-100 md:block dark:bg-slate-800" />
      </div>
    </div>
  );
}
