/**
 * The answer to one filtered search over a mirror: the page wrapper over the matches, what
 * the summary and the chart need (counts and pass rate over the matches, the chart's points)
 * and how much of the agent was searched. The predicates are the browser's own
 * (contract/batch-filters.ts).
 */
import { attemptCounts, batchMatcher, type Filters } from '../../contract/batch-filters.ts';
import { pageInfo, pageSlice, type Page, type Paging } from '../../contract/paging.ts';
import type { ReadBatchRun } from '../../contract/read-batch-runs.ts';
import type { Coverage } from './agent-mirror.ts';
import { chartPoints, type ChartPoint } from './chart.ts';

export type { ChartPoint } from './chart.ts';

export interface SearchSummary {
  /** Matches by outcome (a match whose counts were not given is in none of them). */
  failed: number;
  passed: number;
  unfinished: number;
  /** Attempts of the finished matches whose counts were given (as the page summary pools). */
  succeeded: number;
  failedAttempts: number;
  finished: number;
  /** Attempts the unfinished matches still wait for. */
  pending: number;
  /** succeeded / finished over the finished matches; null when nothing finished. */
  passRate: number | null;
}

export interface SearchAnswer extends Page<ReadBatchRun> {
  summary: SearchSummary;
  chart: ChartPoint[];
  coverage: Coverage;
}

export function searchBatches(
  batches: readonly ReadBatchRun[],
  filters: Filters,
  paging: Paging,
  coverage: Coverage,
  timeZone?: string,
): SearchAnswer {
  const matches = batches.filter(batchMatcher(filters, timeZone));
  const summary: SearchSummary = {
    failed: 0,
    passed: 0,
    unfinished: 0,
    succeeded: 0,
    failedAttempts: 0,
    finished: 0,
    pending: 0,
    passRate: null,
  };
  for (const batch of matches) {
    const counts = attemptCounts(batch);
    if (counts.isUnfinished) {
      summary.unfinished += 1;
      summary.pending += counts.pending;
      continue;
    }
    if (counts.failed > 0) summary.failed += 1;
    else if (counts.countsGiven) summary.passed += 1;
    summary.succeeded += counts.succeeded;
    summary.failedAttempts += counts.failed;
    summary.finished += counts.finished;
  }
  summary.passRate =
    summary.finished > 0 ? Math.min(1, summary.succeeded / summary.finished) : null;
  const [start, end] = pageSlice(matches.length, paging);
  return {
    data: matches.slice(start, end),
    ...pageInfo(matches.length, paging),
    summary,
    chart: chartPoints(matches),
    coverage,
  };
}
