import { useQuery } from '@tanstack/react-query';
import { useDeferredValue } from 'react';
import type { ReadBatchRun } from '../../../contract/read-batch-runs';
import { batchRunsQueries } from '../../features/batch-runs/api/batch-runs-queries';
import { WALK_PAGE_SIZE } from '../../lib/page-walker';

/**
 * The agent's newest page of 100 for the likely-failing estimate (one request; the same query
 * a filter's walk starts with), asked once `enabled`: the estimate does not follow the live
 * refresh. The answer arrives deferred: a query's update is a blocking render
 * (useSyncExternalStore), so what renders the estimate waits for a time-sliced one.
 */
export function useNewestBatches(
  agentId: string,
  enabled: boolean,
): readonly ReadBatchRun[] | undefined {
  const newest = useQuery({
    ...batchRunsQueries.list({ agentId, page: 1, size: WALK_PAGE_SIZE }),
    refetchInterval: false,
    enabled,
  });
  const batches = enabled && !newest.isPlaceholderData ? newest.data?.data : undefined;
  return useDeferredValue(batches);
}
