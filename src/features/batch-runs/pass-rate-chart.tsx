import { useRef, useState } from 'react';
import { formatSentDateTime } from '../../components/ui/date-time';
import { formatCount, formatPercent, plural } from '../../lib/format';
import { formatShortDate, formatShortDateTime, formatTime } from '../../lib/format-date';
import type { PassRatePoint } from '../../lib/attempts';

const Y_TICKS = [1, 0.5, 0] as const;
/**
 * Where each tick label sits. Classes, not style attributes: the server renders this chart, and
 * the CSP (style-src 'self') drops style attributes in HTML.
 */
const Y_TICK_CLASS: Record<(typeof Y_TICKS)[number], string> = {
  1: 'top-0',
  0.5: 'top-1/2',
  0: 'top-full',
};
/** Date ticks under the chart: few enough that they never run into each other on a phone. */
const X_TICKS = 3;

/**
 * Pass rate of each batch on the page, one slot per batch in list order (oldest on the left),
 * y 0–100 %. Drawn in a 100×100 viewBox stretched to the box; strokes do not scale and each
 * point is a zero-length round-capped line, so dots stay round at any width. Unfinished
 * batches keep their slot but are not plotted: a running batch has no pass rate yet. Each slot
 * is a button: hover or focus shows its batch, click or Enter opens it; the arrows move
 * between slots. The same numbers are in a visually hidden table. Slots, dots and the table's
 * rows are keyed by position: on another page the same slots show other batches, so React
 * updates their text and attributes instead of building the chart anew.
 */
export function PassRateChart({
  points,
  onOpenBatch,
}: {
  points: readonly PassRatePoint[];
  onOpenBatch?: (batchId: string) => void;
}) {
  const [active, setActive] = useState<number | null>(null);
  const [focusIndex, setFocusIndex] = useState(points.length - 1);
  const slots = useRef<(HTMLButtonElement | null)[]>([]);
  const plotted = points.flatMap((point, index) =>
    point.passRate === null ? [] : [{ ...point, passRate: point.passRate, index }],
  );
  const uncounted = points.filter((point) => !point.countsGiven).length;
  const unplotted = points.length - plotted.length - uncounted;
  const xOf = (index: number) => ((index + 0.5) / Math.max(points.length, 1)) * 100;
  const yOf = (rate: number) => (1 - rate) * 100;
  const ticks = xTicks(points);
  const shown = active === null ? undefined : points[active];

  function move(event: React.KeyboardEvent, index: number) {
    const next =
      event.key === 'ArrowRight'
        ? index + 1
        : event.key === 'ArrowLeft'
          ? index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? points.length - 1
              : null;
    if (next === null || next < 0 || next >= points.length) return;
    event.preventDefault();
    setFocusIndex(next);
    slots.current[next]?.focus();
  }

  return (
    <figure className="flex min-w-0 flex-col">
      <figcaption className="text-xs font-medium text-slate-700 dark:text-slate-300">
        Pass rate of each batch run, oldest to newest
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
          <svg
            aria-hidden="true"
            viewBox="0 0 100 100"
            preserveAspectRatio="none"
            className="absolute inset-0 h-full w-full overflow-visible"
          >
            {Y_TICKS.map((tick) => (
              <line
                key={tick}
                x1="0"
                x2="100"
                y1={yOf(tick)}
                y2={yOf(tick)}
                strokeWidth="1"
                vectorEffect="non-scaling-stroke"
                className={
                  tick === 0
                    ? 'stroke-slate-400 dark:stroke-slate-500'
                    : 'stroke-slate-200 dark:stroke-slate-700'
                }
              />
            ))}
            {shown && (
              <line
                x1={xOf(active ?? 0)}
                x2={xOf(active ?? 0)}
                y1="0"
                y2="100"
                strokeWidth="1"
                vectorEffect="non-scaling-stroke"
                className="stroke-slate-400 dark:stroke-slate-500"
              />
            )}
            {/* Unbroken runs of finished batches: an unfinished slot is a gap in the line. */}
            {runsOf(plotted).map((run) => (
              <polyline
                key={run[0]!.index}
                points={run.map((point) => `${xOf(point.index)},${yOf(point.passRate)}`).join(' ')}
                fill="none"
                strokeWidth="2"
                strokeLinejoin="round"
                vectorEffect="non-scaling-stroke"
                className="stroke-indigo-600 dark:stroke-indigo-400"
              />
            ))}
            {plotted.map((point) => (
              <g key={point.index}>
                <title>{describePoint(point)}</title>
                <Dot
                  x={xOf(point.index)}
                  y={yOf(point.passRate)}
                  width={point.index === active ? 12 : 9}
                  className="stroke-indigo-600 dark:stroke-indigo-400"
                />
              </g>
            ))}
          </svg>
          {onOpenBatch && (
            <div
              role="group"
              aria-label="Batch runs on the chart; the arrow keys move between them"
              className="absolute inset-0 flex"
              onMouseLeave={() => setActive(null)}
            >
              {points.map((point, index) => (
                <button
                  key={index}
                  ref={(element) => {
                    slots.current[index] = element;
                  }}
                  type="button"
                  tabIndex={index === Math.min(focusIndex, points.length - 1) ? 0 : -1}
                  aria-label={`Open ${describeSlot(point)}`}
                  className="h-full min-w-0 flex-1 cursor-pointer rounded-sm focus-visible:outline-2 focus-visible:outline-indigo-500"
                  onMouseEnter={() => setActive(index)}
                  onFocus={() => {
                    setActive(index);
                    setFocusIndex(index);
                  }}
                  onBlur={() => setActive(null)}
                  onKeyDown={(event) => move(event, index)}
                  onClick={() => onOpenBatch(point.batchId)}
                />
              ))}
            </div>
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
      <div
        aria-hidden="true"
        className="relative mt-1 ml-[2.75rem] h-4 px-2 text-xs whitespace-nowrap text-slate-600 dark:text-slate-400"
      >
        {/* An SVG, whose x is an attribute: style attributes in server HTML fall to the CSP. */}
        <svg className="h-full w-full overflow-visible">
          {ticks.map(({ index, label }, position) => (
            <text
              key={index}
              y="12"
              className="fill-current"
              {...(position === 0 && ticks.length > 1
                ? { x: '0' }
                : position === ticks.length - 1 && ticks.length > 1
                  ? { x: '100%', textAnchor: 'end' }
                  : { x: `${xOf(index)}%`, textAnchor: 'middle' })}
            >
              {label}
            </text>
          ))}
        </svg>
      </div>
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
      <PointsTable points={points} />
    </figure>
  );
}

/** Consecutive slots with a pass rate, as runs of two or more (one line each). */
function runsOf<T extends { index: number }>(plotted: readonly T[]): T[][] {
  const runs: T[][] = [];
  for (const point of plotted) {
    const run = runs.at(-1);
    if (run && run.at(-1)!.index === point.index - 1) run.push(point);
    else runs.push([point]);
  }
  return runs.filter((run) => run.length > 1);
}

/** First, middle and last slot, dated ("Nov 28"), or timed when they share a day. */
function xTicks(points: readonly PassRatePoint[]): { index: number; label: string }[] {
  if (points.length === 0) return [];
  const indexes = [...new Set([0, Math.floor((points.length - 1) / 2), points.length - 1])].slice(
    0,
    X_TICKS,
  );
  // A date not given or unreadable labels its tick as sent (or "?").
  const at = (index: number) => points[index]!.createdMs ?? points[index]!.createdDate ?? '?';
  const days = new Set(indexes.map((index) => formatShortDate(at(index))));
  return indexes.map((index) => {
    const when = at(index);
    return { index, label: days.size < indexes.length ? formatTime(when) : formatShortDate(when) };
  });
}

function describeSlot(point: PassRatePoint): string {
  const rate =
    point.passRate === null
      ? point.isUnfinished
        ? 'unfinished'
        : 'no attempts finished'
      : formatPercent(point.passRate);
  const when = point.createdMs ?? point.createdDate;
  return `${point.batchId}, ${when === null ? 'date not given' : formatShortDateTime(when)}: ${rate}`;
}

/** The chart's numbers for screen readers. */
function PointsTable({ points }: { points: readonly PassRatePoint[] }) {
  return (
    <>
      {/* The wrapper, not the table, is sr-only: a table is never narrower than its content,
      so an sr-only table would widen the page in a narrow window. */}
      <div className="sr-only">
        <table>
          <caption>Pass rate of each batch run on this page, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">Created</th>
              <th scope="col">Pass rate</th>
              <th scope="col">Attempts</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point, index) => (
              <tr key={index}>
                <td>{formatSentDateTime(point.createdDate)}</td>
                <td>{point.passRate === null ? 'none finished' : formatPercent(point.passRate)}</td>
                <td>
                  {formatCount(point.succeeded)} of {formatCount(point.finished)} succeeded
                  {point.isUnfinished ? ', unfinished' : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Dot({
  x,
  y,
  width,
  className,
}: {
  x: number;
  y: number;
  width: number;
  className: string;
}) {
  return (
    <line
      x1={x}
      y1={y}
      x2={x}
      y2={y}
      strokeWidth={width}
      strokeLinecap="round"
      vectorEffect="non-scaling-stroke"
      className={className}
    />
  );
}

function describePoint(point: PassRatePoint & { passRate: number }): string {
  const rate = formatPercent(point.passRate);
  const counts = `${formatCount(point.succeeded)} of ${formatCount(point.finished)} attempts succeeded`;
  return `${formatSentDateTime(point.createdDate)} · ${point.batchId}: ${rate} (${counts})`;
}
