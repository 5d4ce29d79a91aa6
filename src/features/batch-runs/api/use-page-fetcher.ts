import { useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { BatchRunPage } from '../../../../contract/api-schemas';
import { pagesThroughCache, type PageFetcher } from '../../../lib/page-walker';
import { batchRunsQueries } from './batch-runs-queries';

/** Batch runs per request when a feature reads every page (the API's largest page). */
export const WALK_PAGE_SIZE = 100;

/**
 * Reads this agent's pages of 100 through the query cache, for the features that walk all
 * pages (history, export): they share the pages they fetch, and the table does too when it
 * shows 100 per page.
 */
export function usePageFetcher(agentId: string): PageFetcher<BatchRunPage> {
  const queryClient = useQueryClient();
  return useMemo(
    () =>
      pagesThroughCache(queryClient, (page) =>
        batchRunsQueries.list({ agentId, page, size: WALK_PAGE_SIZE }),
      ),
    [queryClient, agentId],
  );
}
