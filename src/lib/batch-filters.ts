/**
 * What the list's filters mean for one batch run (the URL's `outcome`, `since`, `until`, `q`,
 * `rate`; see view.ts), combined with AND. Days are the viewer's: `since=2026-11-24` starts at
 * local midnight of that day, `until` ends at the next local midnight. Only lazy chunks (the
 * agent page, the board) import this.
 */
import { dateMs, type ReadBatchRun as BatchRun } from '../../contract/read-batch-runs';
import { summarizeAttempts } from './attempts';
import type { Filters } from './view/view';

/** Local midnight at the start of a `YYYY-MM-DD` day, in milliseconds. */
export function dayStartMs(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).getTime();
}

/** Local midnight at the end of a day (the start of the next one): the bound is exclusive. */
export function dayEndMs(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + 1).getTime();
}

/** The local day of a moment, `YYYY-MM-DD`. */
export function localDay(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The first day of the last `days` days, today included: 7 → six days ago. */
export function daysAgo(days: number, nowMs = Date.now()): string {
  const now = new Date(nowMs);
  return localDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - days + 1).getTime());
}

/** The text a `q` search looks through: labels, personas, criteria, models, mock data. */
function searchableText(batch: BatchRun): (string | null)[] {
  return batch.testCases.flatMap((testCase) => [
    testCase.label,
    testCase.userPrompt,
    testCase.successCriteria,
    testCase.llmModel,
    ...testCase.mockData.flatMap((mock) => [mock.variableName, mock.value]),
  ]);
}

/** A predicate for the filters; build it once per search, call it per batch. */
export function batchMatcher(filters: Filters): (batch: BatchRun) => boolean {
  const sinceMs = filters.since ? dayStartMs(filters.since) : -Infinity;
  const untilMs = filters.until ? dayEndMs(filters.until) : Infinity;
  const needle = filters.q?.toLowerCase();
  const { outcome, rate } = filters;
  return (batch) => {
    const createdMs = dateMs(batch.createdDate);
    // A batch whose date was not given (or does not read) is in no date range.
    if (Number.isNaN(createdMs) && (filters.since || filters.until)) return false;
    if (createdMs < sinceMs || createdMs >= untilMs) return false;
    if (outcome !== null || rate !== null) {
      const summary = summarizeAttempts(batch);
      if (outcome === 'failed' && summary.failed === 0) return false;
      if (outcome === 'passed' && (summary.isUnfinished || summary.failed > 0)) return false;
      if (outcome === 'unfinished' && !summary.isUnfinished) return false;
      if (rate !== null && (summary.passRate === null || summary.passRate * 100 > rate + 1e-9)) {
        return false;
      }
    }
    return (
      needle === undefined ||
      searchableText(batch).some((text) => text?.toLowerCase().includes(needle))
    );
  };
}
