/**
 * A search's summary and chart (the server's, over every match) as the summary panel reads a
 * page's: the same PageStats, so the two read alike. The page that runs the search passes its
 * answer's `summary`, `chart` and `coverage`; this feature does not know where they came from.
 */
import { readDateTime } from '../../../contract/read-batch-runs';
import type {
  SearchChartPoint,
  SearchCoverage,
  SearchSummary,
} from '../../../contract/search-answer';
import type { PassRatePoint } from '../../lib/attempts';
import type { PageStats } from './page-stats';

export interface MatchSummary {
  totalCount: number;
  summary: SearchSummary;
  /** Newest first; a point may pool several consecutive matches (`batches`). */
  chart: readonly Omit<SearchChartPoint, 'fromDate'>[];
  coverage: SearchCoverage;
}

export interface MatchStats {
  stats: PageStats;
  /** The most matches one chart point pools (1: a point per match). */
  perPoint: number;
}

export function matchStats({ totalCount, summary, chart }: MatchSummary): MatchStats {
  const points: PassRatePoint[] = chart.map((point) => ({
    batchId: point.batchId,
    createdDate: point.createdDate,
    createdMs: readDateTime(point.createdDate).ms,
    succeeded: point.succeeded,
    finished: point.finished,
    countsGiven: true,
    passRate: point.passRate,
    isUnfinished: point.unfinished === point.batches,
  }));
  points.reverse();
  return {
    stats: {
      batches: totalCount,
      uncounted: Math.max(0, totalCount - summary.passed - summary.failed - summary.unfinished),
      unfinishedBatches: summary.unfinished,
      succeeded: summary.succeeded,
      failed: summary.failedAttempts,
      pending: summary.pending,
      finished: summary.finished,
      passRate: summary.passRate,
      points,
    },
    perPoint: chart.reduce((most, point) => Math.max(most, point.batches), 1),
  };
}
