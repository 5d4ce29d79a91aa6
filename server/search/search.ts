/**
 * The answer to one filtered search over a mirror: the page wrapper over the matches, what
 * the summary and the chart need (counts and pass rate over the matches, the chart's points)
 * and how much of the agent was searched. The predicates are the browser's own
 * (contract/batch-filters.ts).
 */
import { attemptCounts, batchMatcher, type Filters } from '../../contract/batch-filters.ts';
import { pageInfo, pageSlice, type Page, type Paging } from '../../contract/paging.ts';
import { dateMs, type ReadBatchRun } from '../../contract/read-batch-runs.ts';
import type { Coverage } from './agent-mirror.ts';

export interface SearchSummary {
  failed: number;
  passed: number;
  unfinished: number;
  /** Attempts succeeded and finished over the matches whose counts were given. */
  succeeded: number;
  finished: number;
  /** succeeded / finished over the matches; null when nothing finished. */
  passRate: number | null;
}

export interface ChartPoint {
  batchId: string;
  createdDate: string | null;
  /** null while unfinished or nothing finished: listed, never plotted. */
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
    finished: 0,
    passRate: null,
  };
  const chart: ChartPoint[] = [];
  for (const batch of matches) {
    const counts = attemptCounts(batch);
    if (counts.isUnfinished) summary.unfinished += 1;
    else if (counts.failed > 0) summary.failed += 1;
    else if (counts.countsGiven) summary.passed += 1;
    summary.succeeded += counts.succeeded;
    summary.finished += counts.finished;
    if (!Number.isNaN(dateMs(batch.createdDate))) {
      chart.push({
        batchId: batch.batchId,
        createdDate: batch.createdDate,
        passRate: counts.isUnfinished ? null : counts.passRate,
      });
    }
  }
  summary.passRate =
    summary.finished > 0 ? Math.min(1, summary.succeeded / summary.finished) : null;
  const [start, end] = pageSlice(matches.length, paging);
  return {
    data: matches.slice(start, end),
    ...pageInfo(matches.length, paging),
    summary,
    chart,
    coverage,
  };
}
