/**
 * The answer to one filtered search over a mirror: the page wrapper over the matches, what
 * the summary and the chart need (counts and pass rate over the matches, the chart's points)
 * and how much of the agent was searched. The predicates are the browser's own
 * (contract/batch-filters.ts); the matches themselves come from a `MatchSet` (match-set.ts),
 * kept per filter so that paging over them, or asking again, is O(page).
 */
import type { Filters } from '../../contract/batch-filters.ts';
import { pageInfo, pageSlice, type Page, type Paging } from '../../contract/paging.ts';
import { sentAs, type ReadBatchRun, type SentBatchRun } from '../../contract/read-batch-runs.ts';
import type { AgentMirror, Coverage } from './agent-mirror.ts';
import type { ChartPoint } from './chart.ts';
import { MatchSet, type SearchSummary } from './match-set.ts';

export type { ChartPoint } from './chart.ts';
export type { SearchSummary } from './match-set.ts';

/** `data` holds the matches as the API sent them (`sentAs`): the browser reads them as /v1's. */
export interface SearchAnswer extends Page<SentBatchRun> {
  summary: SearchSummary;
  chart: ChartPoint[];
  coverage: Coverage;
}

/** The answer from matches already found. */
export function answerFrom(set: MatchSet, paging: Paging, coverage: Coverage): SearchAnswer {
  const [start, end] = pageSlice(set.matches.length, paging);
  return {
    data: set.matches.slice(start, end).map(sentAs),
    ...pageInfo(set.matches.length, paging),
    summary: set.summary(),
    chart: set.chartPoints(),
    coverage,
  };
}

/** One search over a list of batch runs, from scratch. */
export function searchBatches(
  batches: readonly ReadBatchRun[],
  filters: Filters,
  paging: Paging,
  coverage: Coverage,
  timeZone?: string,
): SearchAnswer {
  const set = new MatchSet(filters, timeZone);
  set.scan(batches);
  return answerFrom(set, paging, coverage);
}

/** The filter's matches over an agent's mirror, from what was found for it before. */
export function mirrorMatches(
  mirror: Pick<AgentMirror, 'batches' | 'version' | 'searches'>,
  filters: Filters,
  timeZone?: string,
): MatchSet {
  return mirror.searches.matches(mirror.batches, mirror.version, filters, timeZone);
}

/** The search over an agent's mirror, from its cached matches for these filters. */
export function searchMirror(
  mirror: Pick<AgentMirror, 'batches' | 'version' | 'searches' | 'coverage'>,
  filters: Filters,
  paging: Paging,
  timeZone?: string,
): SearchAnswer {
  return answerFrom(mirrorMatches(mirror, filters, timeZone), paging, mirror.coverage);
}
