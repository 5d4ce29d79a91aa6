/**
 * Running or stalled. A batch is unfinished while totalAttempts is below what its test cases
 * ask for (see attempts.ts). A young unfinished batch is *running*; one older than
 * STALLED_AFTER_MS is taken as *stalled* (the API keeps batches that never finished). Apart
 * from batch-health.ts because the list's query options (in the first load) need only this.
 */
import { dateMs, type ReadBatchRun } from '../../contract/read-batch-runs';
import { summarizeAttempts } from './attempts';

/** Far longer than a batch of simulated conversations takes; older unfinished batches stalled. */
export const STALLED_AFTER_MS = 6 * 60 * 60 * 1000;
type BatchCounts = Pick<
  ReadBatchRun,
  'createdDate' | 'successfulAttempts' | 'failedAttempts' | 'totalAttempts' | 'testCases'
>;

/** Unfinished and young enough to be still going. A date ahead of our clock counts as young. */
export function isRunning(batch: BatchCounts, now: number = Date.now()): boolean {
  if (!summarizeAttempts(batch).isUnfinished) return false;
  const age = now - dateMs(batch.createdDate);
  return Number.isNaN(age) || age < STALLED_AFTER_MS;
}
