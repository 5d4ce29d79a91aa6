import { memo } from 'react';
import type { ReadBatchRun } from '../../../contract/read-batch-runs';
import { formatCount, plural } from '../../lib/format';
import { summarizePage } from './page-stats';
import { SummaryPanel, bodyClass, panelClass } from './summary-panel';

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
}: {
  /** Opens a batch picked on the chart (`&batch=`). */
  onOpenBatch?: (batchId: string) => void;
  /** The list's page (1-based), which the summary covers. */
  page: number;
  batches: readonly ReadBatchRun[] | undefined;
  totalCount: number | undefined;
  dimmed?: boolean;
}) {
  if (!batches) return <PageSummaryPlaceholder />;
  const stats = summarizePage(batches);
  return (
    <SummaryPanel
      stats={stats}
      rateLabel="Pass rate of this page’s finished batches"
      dimmed={dimmed}
      onOpenBatch={onOpenBatch}
      heading={
        <>
          Page {formatCount(page)} summary: {plural(stats.batches, 'batch run', 'batch runs')}
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
        </>
      }
    />
  );
});

export function PageSummaryPlaceholder() {
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
