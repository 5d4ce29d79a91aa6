/**
 * The batches the likely-failing estimate reads: under a filter, the matches the search found
 * (handed over by the page); otherwise the agent's newest page of 100 (one request; the same
 * query a filter's walk starts with). Asked for only in the browser, after hydration: the
 * server-rendered page carries its first page only, and the section fills in after.
 */
import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import type { ReadBatchRun } from '../../../contract/read-batch-runs';
import { batchRunsQueries } from '../../features/batch-runs/api/batch-runs-queries';
import { WALK_PAGE_SIZE } from '../../lib/page-walker';

const subscribe = () => () => undefined;

export function useEstimateBatches(
  agentId: string,
  matches: readonly ReadBatchRun[] | undefined,
): { batches: readonly ReadBatchRun[] | undefined; version: number } {
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const newest = useQuery({
    ...batchRunsQueries.list({ agentId, page: 1, size: WALK_PAGE_SIZE }),
    enabled: inBrowser && matches === undefined,
  });
  if (matches !== undefined) return { batches: matches, version: matches.length };
  const batches = newest.isPlaceholderData ? undefined : newest.data?.data;
  return { batches, version: newest.dataUpdatedAt };
}
