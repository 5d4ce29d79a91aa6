import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ReadBatchRunPage } from '../../../../contract/read-batch-runs';
import { pagesThroughCache, type PageFetcher } from '../../../lib/page-walker';
import { batchRunsQueries } from './batch-runs-queries';

/**
 * Reads this agent's pages (of the walker's page size) through the query cache, for the
 * features that walk all pages (history, export; the page passes it to them): they share the
 * pages they fetch, and the table does too when it shows as many per page.
 */
export function usePageFetcher(agentId: string): PageFetcher<ReadBatchRunPage> {
  const queryClient = useQueryClient();
  return useMemo(
    () =>
      pagesThroughCache(queryClient, (page, size) =>
        batchRunsQueries.list({ agentId, page, size }),
      ),
    [queryClient, agentId],
  );
}
