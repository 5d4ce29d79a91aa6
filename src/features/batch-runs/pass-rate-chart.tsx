import { useState } from 'react';
import { formatPercent, plural } from '../../lib/format';
import type { PassRatePoint } from '../../lib/attempts';
import { Y_TICKS, chartScale, describeSlot, plottedOf } from './chart/chart-geometry';
import { ChartPlot } from './chart/chart-plot';
import { PointsTable } from './chart/chart-points-table';
import { ChartSlots } from './chart/chart-slots';
import { ChartXAxis } from './chart/chart-x-axis';

/**
 * Where each tick label sits. Classes, not style attributes: the server renders this chart, and
 * the CSP (style-src 'self') drops style attributes in HTML.
 */
const Y_TICK_CLASS: Record<(typeof Y_TICKS)[number], string> = {
  1: 'top-0',
  0.5: 'top-1/2',
  0: 'top-full',
};

/**
 * Pass rate of each batch on the page, one slot per batch in list order (oldest on the left),
 * y 0–100 %. Unfinished batches keep their slot but are not plotted: a running batch has no
 * pass rate yet. Each slot is a button (chart-slots.tsx); the same numbers are in a visually
 * hidden table. Slots, dots and the table's rows are keyed by position: on another page the
 * same slots show other batches, so React updates their text and attributes instead of
 * building the chart anew.
 */
export function PassRateChart({
  points,
  caption,
  onOpenBatch,
}: {
  points: readonly PassRatePoint[];
  /** What the points are, when not the page's batch runs (the hidden table says it too). */
  caption?: string;
  onOpenBatch?: (batchId: string) => void;
}) {
  const [active, setActive] = useState<number | null>(null);
  const plotted = plottedOf(points);
  const uncounted = points.filter((point) => !point.countsGiven).length;
  const unplotted = points.length - plotted.length - uncounted;
  const { xOf } = chartScale(points.length);
  const shown = active === null ? undefined : points[active];

  return (
    <figure className="flex min-w-0 flex-col">
      <figcaption className="text-xs font-medium text-slate-700 dark:text-slate-300">
        {caption ?? 'Pass rate of each batch run, oldest to newest'}
      </figcaption>
      <div className="mt-2 grid h-28 grid-cols-[2.75rem_minmax(0,1fr)]">
        <div aria-hidden="true" className="relative text-xs text-slate-600 dark:text-slate-400">
          {Y_TICKS.map((tick) => (
            <span
              key={tick}
              className={`absolute right-2 -translate-y-1/2 tabular-nums ${Y_TICK_CLASS[tick]}`}
            >
              {formatPercent(tick)}
            </span>
          ))}
        </div>
        <div className="relative mx-2">
          {plotted.length === 0 ? (
            <p className="absolute inset-0 flex items-center justify-center text-xs text-slate-600 dark:text-slate-400">
              No finished batch to plot yet
            </p>
          ) : null}
          <ChartPlot slots={points.length} plotted={plotted} active={shown ? active : null} />
          {onOpenBatch && (
            <ChartSlots points={points} onActive={setActive} onOpenBatch={onOpenBatch} />
          )}
          {shown && active !== null && (
            <p
              aria-hidden="true"
              className="pointer-events-none absolute -top-7 z-10 rounded bg-slate-900 px-2 py-0.5 text-xs whitespace-nowrap text-white shadow dark:bg-slate-100 dark:text-slate-900"
              style={
                xOf(active) > 50 ? { right: `${100 - xOf(active)}%` } : { left: `${xOf(active)}%` }
              }
            >
              {describeSlot(shown)}
            </p>
          )}
        </div>
      </div>
      <ChartXAxis points={points} />
      <p className="mt-1 flex min-h-4 flex-wrap gap-x-4 text-xs text-slate-600 dark:text-slate-400">
        {uncounted > 0 && (
          <span>
            {plural(uncounted, 'batch', 'batches')} without counts {uncounted === 1 ? 'is' : 'are'}{' '}
            not plotted
          </span>
        )}
        {unplotted > 0 && (
          <span>
            {plural(unplotted, 'unfinished batch', 'unfinished batches')}{' '}
            {unplotted === 1 ? 'is' : 'are'} not plotted
          </span>
        )}
      </p>
      <PointsTable points={points} caption={caption} />
    </figure>
  );
}
