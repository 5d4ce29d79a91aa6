/**
 * The arithmetic of a batch's attempts. A batch is unfinished while totalAttempts is below
 * the sum of its test cases' `attempt`; the difference is pending. Counts are shown as the
 * API gives them; when they disagree with each other they are flagged, never "fixed". When one
 * of them was not given (missing or not a number), nothing is computed from the others:
 * `countsGiven` is false, the bar says so and sums leave the batch out.
 */
import { readDateTime, type ReadBatchRun } from '../../contract/read-batch-runs';
import { attemptCounts, type AttemptCounts } from '../../contract/batch-filters';
import { formatCount, formatPercent } from './format';

/** The counts (contract/batch-filters.ts) and what disagrees in them. */
export interface AttemptSummary extends AttemptCounts {
  /** Why the counts do not add up, in words; empty when they do. */
  inconsistencies: string[];
}

export { expectedAttempts } from '../../contract/batch-filters';

/** The counts (contract/batch-filters.ts, which the filters read too) and what disagrees in them. */
export function summarizeAttempts(
  batch: Pick<
    ReadBatchRun,
    'successfulAttempts' | 'failedAttempts' | 'totalAttempts' | 'testCases'
  >,
): AttemptSummary {
  return withInconsistencies(attemptCounts(batch));
}

/** The counts with what disagrees in them, in words. */
export function withInconsistencies(counts: AttemptCounts): AttemptSummary {
  if (!counts.countsGiven) return { ...counts, inconsistencies: [] };
  const { succeeded, failed, finished, expected } = counts;
  const inconsistencies: string[] = [];
  if (succeeded + failed !== finished) {
    inconsistencies.push(
      `succeeded (${formatCount(succeeded)}) + failed (${formatCount(failed)}) ≠ total (${formatCount(finished)})`,
    );
  }
  if (finished > expected) {
    inconsistencies.push(
      `${formatCount(finished)} attempts finished but the test cases ask for ${formatCount(expected)}`,
    );
  }
  return { ...counts, inconsistencies };
}

/** "4 of 5 attempts succeeded, 1 failed" (+ ", 2 pending"): the bar's accessible name. */
/** One batch as a point of a pass-rate chart or sparkline. */
export interface PassRatePoint {
  batchId: string;
  /** As sent; null when not given. */
  createdDate: string | null;
  /** null when the date was not given or does not parse: such a batch is not plotted. */
  createdMs: number | null;
  succeeded: number;
  finished: number;
  countsGiven: boolean;
  /** null while the batch is unfinished, nothing finished or the counts were not given: listed but never plotted. */
  passRate: number | null;
  isUnfinished: boolean;
}

/** The one pass-rate derivation of a batch, for every chart that plots batches. */
export function passRatePoint(
  batch: ReadBatchRun,
  summary: AttemptSummary = summarizeAttempts(batch),
): PassRatePoint {
  return {
    batchId: batch.batchId,
    createdDate: batch.createdDate,
    createdMs: readDateTime(batch.createdDate).ms,
    countsGiven: summary.countsGiven,
    succeeded: summary.succeeded,
    finished: summary.finished,
    // A running batch's early attempts are not its pass rate: it is plotted once finished.
    passRate: summary.isUnfinished ? null : summary.passRate,
    isUnfinished: summary.isUnfinished,
  };
}

export function describeAttempts(summary: AttemptSummary): string {
  const { succeeded, failed, finished, pending } = summary;
  if (!summary.countsGiven) return 'Counts not given';
  if (finished === 0 && pending === 0) return 'No attempts';
  if (finished === 0) return `No attempts finished yet, ${formatCount(pending)} pending`;
  const noun = finished === 1 ? 'attempt' : 'attempts';
  let words = `${formatCount(succeeded)} of ${formatCount(finished)} ${noun} succeeded, ${formatCount(failed)} failed`;
  if (pending > 0) words += `, ${formatCount(pending)} pending`;
  return words;
}

export function formatPassRate(summary: Pick<AttemptSummary, 'passRate'>): string {
  return summary.passRate === null ? '—' : formatPercent(summary.passRate);
}
