import type { ReadBatchRun } from '../../../contract/read-batch-runs';
import { formatSentDateTime } from '../../components/ui/date-time';
import { passRatePoint } from '../../lib/attempts';
import { formatPercent } from '../../lib/format';

const WIDTH = 160;
const HEIGHT = 36;
const PAD = 5;

/**
 * The pass rates of a few batches as a line, oldest on the left, on a labelled 0–100 % scale,
 * the latest point ringed and its value written beside it. Unfinished batches are gaps (they
 * have no pass rate yet). The picture is hidden from screen readers; the same numbers are
 * listed for them. `batches` come newest first, as the API lists them.
 */
export function PassRateSparkline({ batches }: { batches: ReadBatchRun[] }) {
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
  const latestIndex = points.findLastIndex((point) => point.passRate !== null);
  const latest = points[latestIndex];

  return (
    <div>
      <div aria-hidden="true" className="flex items-stretch gap-1.5">
        <div className="flex flex-col justify-between text-[10px] leading-none text-slate-600 tabular-nums dark:text-slate-400">
          <span>100%</span>
          <span>0%</span>
        </div>
        <svg
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
            point.passRate === null || index === latestIndex ? null : (
              <circle
                key={point.batchId}
                cx={x(index)}
                cy={y(point.passRate)}
                r={2}
                className="fill-indigo-600 dark:fill-indigo-400"
              />
            ),
          )}
          {latest?.passRate != null && (
            <circle
              cx={x(latestIndex)}
              cy={y(latest.passRate)}
              r={4}
              strokeWidth={2}
              className="fill-white stroke-indigo-700 dark:fill-slate-900 dark:stroke-indigo-300"
            />
          )}
        </svg>
        {latest?.passRate != null && (
          <span className="self-center text-xs font-semibold text-slate-800 tabular-nums dark:text-slate-200">
            {formatPercent(latest.passRate)}
            <span className="block text-[10px] font-normal text-slate-600 dark:text-slate-400">
              latest
            </span>
          </span>
        )}
      </div>
      <p className="sr-only">
        Pass rates of the last {points.length} {points.length === 1 ? 'batch' : 'batches'}, oldest
        first:
      </p>
      <ol className="sr-only">
        {points.map((point) => (
          <li key={point.batchId}>
            {formatSentDateTime(point.createdDate)}:{' '}
            {point.passRate !== null
              ? formatPercent(point.passRate)
              : point.isUnfinished
                ? 'unfinished'
                : point.countsGiven
                  ? 'no attempts finished'
                  : 'counts not given'}
          </li>
        ))}
      </ol>
    </div>
  );
}
