/**
 * One page of an agent's batch runs as the list shows it: the query (every option in the
 * factory), the next page prefetched as soon as the server says there is one, whether the page
 * refreshes itself, whether a linked batch must be shown on its own, and the document title.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { BatchRunsListParams } from '../../lib/batch-runs-api';
import { batchRunsQueries } from './api/batch-runs-queries';
import { hasRunningBatch } from './live-refresh';
import { listTitle } from '../../lib/view/titles';

export function useBatchRunsPage({
  agentId,
  page,
  size,
  source,
  batch,
  knownName,
  prefetchNext = true,
}: BatchRunsListParams & {
  /** Off under a filter: the list shows the search's matches, not the next page. */
  prefetchNext?: boolean;
  /** The batch the URL opens (`&batch=…`). */
  batch: string | null;
  /** The agent's name from the workspace's agent list, for when no row names it. */
  knownName?: string;
}) {
  const queryClient = useQueryClient();
  const query = useQuery(batchRunsQueries.list({ agentId, page, size, source }));
  const { data, isPlaceholderData } = query;

  // Prefetch the next page as soon as the server says there is one.
  useEffect(() => {
    if (prefetchNext && data?.hasNext && !isPlaceholderData) {
      void queryClient.prefetchQuery(batchRunsQueries.list({ agentId, page: page + 1, size }));
    }
  }, [prefetchNext, data?.hasNext, isPlaceholderData, queryClient, agentId, page, size]);

  const rows = data?.data ?? [];
  const agentName = rows[0]?.agent.name ?? knownName;
  // A linked batch that is not on this page is shown on its own (fetched by id).
  const showDetail =
    batch !== null &&
    query.isSuccess &&
    !isPlaceholderData &&
    !rows.some((row) => row.batchId === batch);
  useEffect(() => {
    if (showDetail) return; // the detail view names itself
    document.title = listTitle(agentName ?? agentId, page);
  }, [agentName, agentId, page, showDetail]);

  return {
    query,
    rows,
    agentName,
    showDetail,
    // Said as "Live" while a batch on this page runs (the fast cycle).
    isLive: !isPlaceholderData && hasRunningBatch(data),
    lastPage: Math.max(data?.totalPages ?? 1, 1),
  };
}

export type BatchRunsPage = ReturnType<typeof useBatchRunsPage>;
