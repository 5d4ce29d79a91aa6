/**
 * When the batch-runs list refreshes itself. While a running batch is on a page (see
 * lib/batch-health.ts), that page is asked for again every LIVE_REFRESH_MS. The first page is
 * also asked for on a slow cycle (SLOW_REFRESH_MS) when nothing runs, so a batch started
 * elsewhere appears without a reload; other pages stop once their batches have finished.
 * react-query pauses both cycles while the tab is hidden.
 */
import type { ReadBatchRunPage } from '../../../contract/read-batch-runs';
import { isRunning } from '../../lib/batch-state';

export const LIVE_REFRESH_MS = 3_000;
export const SLOW_REFRESH_MS = 30_000;

export function hasRunningBatch(
  page: Pick<ReadBatchRunPage, 'data'> | undefined,
  now: number = Date.now(),
): boolean {
  return page?.data.some((batch) => isRunning(batch, now)) ?? false;
}

/** The query's refetchInterval: fast while a batch runs, slow on the first page, else none. */
export function liveRefetchInterval(
  page: Pick<ReadBatchRunPage, 'data'> | undefined,
  pageNumber: number,
  now: number = Date.now(),
): number | false {
  if (hasRunningBatch(page, now)) return LIVE_REFRESH_MS;
  return pageNumber === 1 ? SLOW_REFRESH_MS : false;
}
