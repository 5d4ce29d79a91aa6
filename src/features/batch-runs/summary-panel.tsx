import { SuccessBar } from '../../components/ui/success-bar';
import { formatCount, formatPercent, plural } from '../../lib/format';
import type { PageStats } from './page-stats';
import { PassRateChart } from './pass-rate-chart';

export const panelClass =
  'rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900';
/** Both states (loading, loaded) take this height, so the table below never moves. */
export const bodyClass = 'grid gap-4 md:h-44 md:grid-cols-[17rem_minmax(0,1fr)]';

/**
 * The summary's box: a heading, the pass rate of the finished batches with their attempts,
 * and the pass-rate chart. What the figures cover (the page on screen, or every match of a
 * search) is for the caller to say, in the heading and the labels.
 */
export function SummaryPanel({
  heading,
  stats,
  rateLabel,
  chartCaption,
  dimmed = false,
  onOpenBatch,
}: {
  heading: React.ReactNode;
  stats: PageStats;
  /** What the big number is, e.g. "Pass rate of this page’s finished batches". */
  rateLabel: string;
  chartCaption?: string;
  dimmed?: boolean;
  /** Opens a batch picked on the chart; without it the chart has no buttons. */
  onOpenBatch?: (batchId: string) => void;
}) {
  const finished = stats.succeeded + stats.failed;
  return (
    <section
      aria-labelledby="page-summary-heading"
      className={`${panelClass} transition-opacity ${dimmed ? 'opacity-60' : ''}`}
    >
      <h2 id="page-summary-heading" className="mb-3 text-sm font-semibold">
        {heading}
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
            <p className="text-xs text-slate-600 dark:text-slate-400">{rateLabel}</p>
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
        <PassRateChart points={stats.points} caption={chartCaption} onOpenBatch={onOpenBatch} />
      </div>
    </section>
  );
}

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
