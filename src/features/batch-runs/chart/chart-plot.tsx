import { Y_TICKS, chartScale, describePoint, runsOf, type PlottedPoint } from './chart-geometry';

/**
 * The chart's drawing, for the eye only (the slots and the hidden table carry the numbers): a
 * 100×100 viewBox stretched to the box; strokes do not scale and each point is a zero-length
 * round-capped line, so dots stay round at any width.
 */
export function ChartPlot({
  slots,
  plotted,
  active,
}: {
  slots: number;
  plotted: readonly PlottedPoint[];
  active: number | null;
}) {
  const { xOf, yOf } = chartScale(slots);
  return (
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
      {active !== null && (
        <line
          x1={xOf(active)}
          x2={xOf(active)}
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
