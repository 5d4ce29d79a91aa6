/**
 * What the dashboard's own search answers besides the page of matches (server/search/,
 * `GET /api/agents/{agentId}/batch-runs`): the summary over every match and the chart's
 * points. The server builds them; the browser's summary panel and chart read them.
 */

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

/** One point of the chart, newest first; past 100 matches a point pools a run of them. */
export interface SearchChartPoint {
  /** The newest batch of the point (the only one when `batches` is 1). */
  batchId: string;
  createdDate: string | null;
  /** The oldest batch's date when the point pools more than one. */
  fromDate: string | null;
  /** How many matches the point pools. */
  batches: number;
  /** Of them, unfinished (never part of the rate). */
  unfinished: number;
  /** Attempts of the finished batches with counts. */
  succeeded: number;
  finished: number;
  /** succeeded / finished; null when nothing finished: listed, never plotted. */
  passRate: number | null;
}

export interface SearchCoverage {
  searched: number;
  of: number;
  complete: boolean;
}
