/**
 * When the batch-runs page refreshes itself. A batch is unfinished while totalAttempts is below
 * what its test cases ask for (see lib/attempts.ts). A young unfinished batch is *running*: the
 * page is asked for again every LIVE_REFRESH_MS while one is on screen, and not once they have
 * all finished. An unfinished batch older than STALLED_AFTER_MS is taken as stalled (the API
 * keeps batches that never finished): it is shown as unfinished but does not keep the page
 * polling forever.
 */
import type { BatchRun, BatchRunPage } from '../../../contract/api-schemas';
import { summarizeAttempts } from '../../lib/attempts';

export const LIVE_REFRESH_MS = 3_000;
/** Far longer than a batch of simulated conversations takes; older unfinished batches stalled. */
export const STALLED_AFTER_MS = 6 * 60 * 60 * 1000;

type BatchCounts = Pick<
  BatchRun,
  'createdDate' | 'successfulAttempts' | 'failedAttempts' | 'totalAttempts' | 'testCases'
>;

/** Unfinished and young enough to be still going. A date ahead of our clock counts as young. */
export function isRunning(batch: BatchCounts, now: number = Date.now()): boolean {
  if (!summarizeAttempts(batch).isUnfinished) return false;
  const age = now - Date.parse(batch.createdDate);
  return Number.isNaN(age) || age < STALLED_AFTER_MS;
}

export function hasRunningBatch(
  page: Pick<BatchRunPage, 'data'> | undefined,
  now: number = Date.now(),
): boolean {
  return page?.data.some((batch) => isRunning(batch, now)) ?? false;
}

/** The query's refetchInterval: poll while a running batch is on the page, stop after. */
export function liveRefetchInterval(
  page: Pick<BatchRunPage, 'data'> | undefined,
  now: number = Date.now(),
): number | false {
  return hasRunningBatch(page, now) ? LIVE_REFRESH_MS : false;
}
