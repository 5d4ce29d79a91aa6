import type { BatchRun } from '../../../contract/api-schemas';
import { passRatePoint } from '../../lib/attempts';
import { formatDateTime, formatPercent } from '../../lib/format';

const WIDTH = 160;
const HEIGHT = 32;
const PAD = 4;

/**
 * The pass rates of a few batches as a line, oldest on the left, 0% at the bottom and 100% at
 * the top. The picture is hidden from screen readers; the same numbers are listed for them.
 * `batches` come newest first, as the API lists them.
 */
export function PassRateSparkline({ batches }: { batches: BatchRun[] }) {
  // A point whose passRate is null (nothing of the batch finished) is a gap in the line.
  const points = [...batches].reverse().map((batch) => passRatePoint(batch));
  const step = points.length > 1 ? (WIDTH - 2 * PAD) / (points.length - 1) : 0;
  const x = (index: number) => (points.length > 1 ? PAD + index * step : WIDTH / 2);
  const y = (rate: number) => PAD + (1 - rate) * (HEIGHT - 2 * PAD);

  // Unbroken runs of finished batches become one line each.
  const runs: string[] = [];
  let run: string[] = [];
  points.forEach((point, index) => {
    if (point.passRate === null) {
      if (run.length > 1) runs.push(run.join(' '));
      run = [];
      return;
    }
    run.push(`${x(index).toFixed(1)},${y(point.passRate).toFixed(1)}`);
  });
  if (run.length > 1) runs.push(run.join(' '));

  return (
    <div>
      <svg
        aria-hidden="true"
        focusable="false"
        width={WIDTH}
        height={HEIGHT}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="block max-w-full overflow-visible"
      >
        <line
          x1={0}
          x2={WIDTH}
          y1={y(1)}
          y2={y(1)}
          className="stroke-slate-300 dark:stroke-slate-600"
          strokeDasharray="2 3"
        />
        <line
          x1={0}
          x2={WIDTH}
          y1={y(0)}
          y2={y(0)}
          className="stroke-slate-300 dark:stroke-slate-600"
        />
        {runs.map((line) => (
          <polyline
            key={line}
            points={line}
            fill="none"
            strokeWidth={1.5}
            strokeLinejoin="round"
            className="stroke-indigo-600 dark:stroke-indigo-400"
          />
        ))}
        {points.map((point, index) =>
          point.passRate === null ? null : (
            <circle
              key={point.batchId}
              cx={x(index)}
              cy={y(point.passRate)}
              r={index === points.length - 1 ? 3 : 2}
              className="fill-indigo-600 dark:fill-indigo-400"
            />
          ),
        )}
      </svg>
      <p className="sr-only">
        Pass rates of the last {points.length} {points.length === 1 ? 'batch' : 'batches'}, oldest
        first:
      </p>
      <ol className="sr-only">
        {points.map((point) => (
          <li key={point.batchId}>
            {formatDateTime(point.createdDate)}:{' '}
            {point.passRate === null ? 'no attempts finished' : formatPercent(point.passRate)}
          </li>
        ))}
      </ol>
    </div>
  );
}
