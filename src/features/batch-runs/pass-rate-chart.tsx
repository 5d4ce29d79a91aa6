import { formatCount, formatDateTime, formatPercent, plural } from '../../lib/format';
import type { PassRatePoint } from '../../lib/attempts';

const Y_TICKS = [1, 0.5, 0] as const;

/**
 * Pass rate of each batch on the page against its creation time: x is createdDate (oldest on
 * the left), y is 0–100 %. Drawn in a 100×100 viewBox stretched to the box; strokes do not
 * scale and each point is a zero-length round-capped line, so dots stay round at any width.
 * A hollow dot is a batch still unfinished. The SVG is decoration for sighted readers (each
 * point has a <title> on hover); the same numbers are in a visually hidden table (by date: the
 * batch ids are in the main table, and repeating them would only lengthen it).
 */
export function PassRateChart({ points }: { points: readonly PassRatePoint[] }) {
  const plotted = points.filter(
    (point): point is PassRatePoint & { passRate: number } => point.passRate !== null,
  );
  const unplotted = points.length - plotted.length;
  const first = plotted[0];
  const last = plotted.at(-1);
  const span = first && last ? last.createdMs - first.createdMs : 0;
  const xOf = (ms: number) => (first && span > 0 ? ((ms - first.createdMs) / span) * 100 : 50);
  const yOf = (rate: number) => (1 - rate) * 100;
  const hasUnfinished = plotted.some((point) => point.isUnfinished);

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
              className="absolute right-2 -translate-y-1/2 tabular-nums"
              style={{ top: `${yOf(tick)}%` }}
            >
              {formatPercent(tick)}
            </span>
          ))}
        </div>
        <div className="relative mx-2">
          {plotted.length === 0 ? (
            <p className="absolute inset-0 flex items-center justify-center text-xs text-slate-600 dark:text-slate-400">
              No finished attempts to plot yet
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
            {plotted.length > 1 && (
              <polyline
                points={plotted
                  .map((point) => `${xOf(point.createdMs)},${yOf(point.passRate)}`)
                  .join(' ')}
                fill="none"
                strokeWidth="2"
                strokeLinejoin="round"
                vectorEffect="non-scaling-stroke"
                className="stroke-indigo-600 dark:stroke-indigo-400"
              />
            )}
            {plotted.map((point) => {
              const x = xOf(point.createdMs);
              const y = yOf(point.passRate);
              return (
                <g key={point.batchId}>
                  <title>{describePoint(point)}</title>
                  <Dot x={x} y={y} width={9} className="stroke-indigo-600 dark:stroke-indigo-400" />
                  {point.isUnfinished && (
                    <Dot x={x} y={y} width={4} className="stroke-white dark:stroke-slate-900" />
                  )}
                  <Dot x={x} y={y} width={18} className="stroke-transparent" />
                </g>
              );
            })}
          </svg>
        </div>
      </div>
      <div
        aria-hidden="true"
        className="mt-1 ml-[2.75rem] flex h-4 justify-between gap-2 px-2 text-xs text-slate-600 dark:text-slate-400"
      >
        {first && last && span > 0 ? (
          <>
            <span>{formatDateTime(first.createdDate)}</span>
            <span>{formatDateTime(last.createdDate)}</span>
          </>
        ) : first ? (
          <span className="w-full text-center">{formatDateTime(first.createdDate)}</span>
        ) : null}
      </div>
      <p className="mt-1 flex h-4 gap-4 text-xs text-slate-600 dark:text-slate-400">
        {hasUnfinished && (
          <span className="inline-flex items-center gap-1">
            <span
              aria-hidden="true"
              className="inline-block h-2 w-2 rounded-full border-2 border-indigo-600 dark:border-indigo-400"
            />
            unfinished batch
          </span>
        )}
        {unplotted > 0 && (
          <span>
            {plural(unplotted, 'batch', 'batches')} with no finished attempts{' '}
            {unplotted === 1 ? 'is' : 'are'} not plotted
          </span>
        )}
      </p>
      <PointsTable points={points} />
    </figure>
  );
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
            {points.map((point) => (
              <tr key={point.batchId}>
                <td>{formatDateTime(point.createdDate)}</td>
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
  const unfinished = point.isUnfinished ? ', unfinished' : '';
  return `${formatDateTime(point.createdDate)} · ${point.batchId}: ${rate} (${counts}${unfinished})`;
}
