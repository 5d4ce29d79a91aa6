/**
 * The pass-rate chart over a search's matches: one point per match while they fit, otherwise
 * at most MAX_CHART_POINTS points, each pooling a run of consecutive matches (succeeded over
 * finished attempts of its finished batches), so a 50,000-match answer stays small.
 */
import { attemptCounts } from '../../contract/batch-filters.ts';
import { dateMs, type ReadBatchRun } from '../../contract/read-batch-runs.ts';
import type { SearchChartPoint } from '../../contract/search-answer.ts';

export const MAX_CHART_POINTS = 100;

export type ChartPoint = SearchChartPoint;

/** Points newest first, like the matches; matches without a readable date are left out. */
export function chartPoints(
  matches: readonly ReadBatchRun[],
  max = MAX_CHART_POINTS,
): ChartPoint[] {
  const dated = matches.filter((batch) => !Number.isNaN(dateMs(batch.createdDate)));
  const per = Math.max(1, Math.ceil(dated.length / max));
  const points: ChartPoint[] = [];
  for (let start = 0; start < dated.length; start += per) {
    const run = dated.slice(start, start + per);
    const point: ChartPoint = {
      batchId: run[0]!.batchId,
      createdDate: run[0]!.createdDate,
      fromDate: run.at(-1)!.createdDate,
      batches: run.length,
      unfinished: 0,
      succeeded: 0,
      finished: 0,
      passRate: null,
    };
    for (const batch of run) {
      const counts = attemptCounts(batch);
      if (counts.isUnfinished) point.unfinished += 1;
      else {
        point.succeeded += counts.succeeded;
        point.finished += counts.finished;
      }
    }
    point.passRate = point.finished > 0 ? Math.min(1, point.succeeded / point.finished) : null;
    points.push(point);
  }
  return points;
}
