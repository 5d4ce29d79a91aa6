/**
 * What the list's filters mean for one batch run (the URL's `outcome`, `since`, `until`, `q`,
 * `rate`), combined with AND: shared by the browser (src/lib/batch-filters.ts re-exports it)
 * and the server's search (server/search/). Days are the viewer's: `since=2026-11-24` starts at
 * midnight of that day in the viewer's time zone, `until` ends at the next midnight. The
 * browser passes no zone (its own is the viewer's); the server is told the viewer's (`tz`).
 */
import type { Filters } from './filters.ts';
import { dateMs, type ReadBatchRun as BatchRun } from './read-batch-runs.ts';

export { OUTCOMES, type Filters, type Outcome } from './filters.ts';

/** The counts a batch's outcome is read from (the browser's summarizeAttempts adds the rest). */
export interface AttemptCounts {
  /** False when a count was missing or not a number: every figure below is then 0 or null. */
  countsGiven: boolean;
  succeeded: number;
  failed: number;
  finished: number;
  expected: number;
  pending: number;
  /** Succeeded over finished; null when nothing has finished. */
  passRate: number | null;
  isUnfinished: boolean;
}

export function expectedAttempts(batch: Pick<BatchRun, 'testCases'>): number {
  return batch.testCases.reduce((sum, testCase) => sum + (testCase.attempt ?? 0), 0);
}

/** A batch is unfinished while totalAttempts is below the sum of its test cases' `attempt`. */
export function attemptCounts(
  batch: Pick<BatchRun, 'successfulAttempts' | 'failedAttempts' | 'totalAttempts' | 'testCases'>,
): AttemptCounts {
  const { successfulAttempts: succeeded, failedAttempts: failed, totalAttempts: finished } = batch;
  const expected = expectedAttempts(batch);
  if (succeeded === null || failed === null || finished === null) {
    const none = { succeeded: 0, failed: 0, finished: 0, pending: 0, passRate: null };
    return { countsGiven: false, ...none, expected, isUnfinished: false };
  }
  const pending = Math.max(0, expected - finished);
  return {
    countsGiven: true,
    succeeded,
    failed,
    finished,
    expected,
    pending,
    passRate: finished > 0 ? Math.min(1, succeeded / finished) : null,
    isUnfinished: pending > 0,
  };
}

/** How far `timeZone` is ahead of UTC at `utcMs`, in milliseconds. */
function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(utcMs);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** Midnight starting day `d` of month `m` (1-based, may overflow) in the zone (local without one). */
function midnightMs(y: number, m: number, d: number, timeZone?: string): number {
  if (!timeZone) return new Date(y, m - 1, d).getTime();
  const wall = Date.UTC(y, m - 1, d);
  let guess = wall - zoneOffsetMs(wall, timeZone);
  // Twice: the offset at the guess can differ from the offset at the wall time (a DST change).
  guess = wall - zoneOffsetMs(guess, timeZone);
  return guess;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Midnight at the start of a `YYYY-MM-DD` day, in milliseconds. */
export function dayStartMs(day: string, timeZone?: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return midnightMs(y, m, d, timeZone);
}

/** Midnight at the end of a day (the start of the next one): the bound is exclusive. */
export function dayEndMs(day: string, timeZone?: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return midnightMs(y, m, d + 1, timeZone);
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
export function batchMatcher(filters: Filters, timeZone?: string): (batch: BatchRun) => boolean {
  const sinceMs = filters.since ? dayStartMs(filters.since, timeZone) : -Infinity;
  const untilMs = filters.until ? dayEndMs(filters.until, timeZone) : Infinity;
  const needle = filters.q?.toLowerCase();
  const { outcome, rate } = filters;
  // Personas, criteria and mock data repeat across thousands of batches: each is read once.
  const found = new Map<string, boolean>();
  const holds = (text: string | null) => {
    if (text === null || needle === undefined) return false;
    let hit = found.get(text);
    if (hit === undefined) {
      hit = text.toLowerCase().includes(needle);
      found.set(text, hit);
    }
    return hit;
  };
  return (batch) => {
    const createdMs = dateMs(batch.createdDate);
    // A batch whose date was not given (or does not read) is in no date range.
    if (Number.isNaN(createdMs) && (filters.since || filters.until)) return false;
    if (createdMs < sinceMs || createdMs >= untilMs) return false;
    if (outcome !== null || rate !== null) {
      const summary = attemptCounts(batch);
      if (outcome === 'failed' && summary.failed === 0) return false;
      if (outcome === 'passed' && (summary.isUnfinished || summary.failed > 0)) return false;
      if (outcome === 'unfinished' && !summary.isUnfinished) return false;
      if (rate !== null && (summary.passRate === null || summary.passRate * 100 > rate + 1e-9)) {
        return false;
      }
    }
    return needle === undefined || searchableText(batch).some(holds);
  };
}
