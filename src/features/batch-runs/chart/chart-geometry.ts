import { formatCount, formatPercent } from '../../../lib/format';
import { formatShortDate, formatShortDateTime, formatTime } from '../../../lib/format-date';
import type { PassRatePoint } from '../../../lib/attempts';
import { formatSentDateTime } from '../../../components/ui/date-time';

export const Y_TICKS = [1, 0.5, 0] as const;
/** Date ticks under the chart: few enough that they never run into each other on a phone. */
const X_TICKS = 3;

export type PlottedPoint = PassRatePoint & { passRate: number; index: number };

/** Slot centres and rates in the chart's 100×100 viewBox (y grows downwards). */
export function chartScale(slots: number) {
  return {
    xOf: (index: number) => ((index + 0.5) / Math.max(slots, 1)) * 100,
    yOf: (rate: number) => (1 - rate) * 100,
  };
}

export function plottedOf(points: readonly PassRatePoint[]): PlottedPoint[] {
  return points.flatMap((point, index) =>
    point.passRate === null ? [] : [{ ...point, passRate: point.passRate, index }],
  );
}

/** Consecutive slots with a pass rate, as runs of two or more (one line each). */
export function runsOf<T extends { index: number }>(plotted: readonly T[]): T[][] {
  const runs: T[][] = [];
  for (const point of plotted) {
    const run = runs.at(-1);
    if (run && run.at(-1)!.index === point.index - 1) run.push(point);
    else runs.push([point]);
  }
  return runs.filter((run) => run.length > 1);
}

/** First, middle and last slot, dated ("Nov 28"), or timed when they share a day. */
export function xTicks(points: readonly PassRatePoint[]): { index: number; label: string }[] {
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

export function describeSlot(point: PassRatePoint): string {
  const rate =
    point.passRate === null
      ? point.isUnfinished
        ? 'unfinished'
        : 'no attempts finished'
      : formatPercent(point.passRate);
  const when = point.createdMs ?? point.createdDate;
  return `${point.batchId}, ${when === null ? 'date not given' : formatShortDateTime(when)}: ${rate}`;
}

export function describePoint(point: PlottedPoint): string {
  const rate = formatPercent(point.passRate);
  const counts = `${formatCount(point.succeeded)} of ${formatCount(point.finished)} attempts succeeded`;
  return `${formatSentDateTime(point.createdDate)} · ${point.batchId}: ${rate} (${counts})`;
}
