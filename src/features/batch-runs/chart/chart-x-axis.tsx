import type { PassRatePoint } from '../../../lib/attempts';
import { chartScale, xTicks } from './chart-geometry';

/** Dates under the chart: first, middle and last slot. */
export function ChartXAxis({ points }: { points: readonly PassRatePoint[] }) {
  const ticks = xTicks(points);
  const { xOf } = chartScale(points.length);
  return (
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
  );
}
