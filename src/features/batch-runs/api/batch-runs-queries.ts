/**
 * Query factory for batch runs: key-only entries for invalidation, queryOptions entries for
 * reads, each with every option it needs (components spread nothing in). Keys go from general
 * to specific; the fetchers parse with the schema, so the types come from it.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import {
  fetchBatchRun,
  fetchBatchRunsPage,
  type BatchRunsListParams,
} from '../../../lib/batch-runs-api';
import { liveRefetchInterval } from '../live-refresh';

export const batchRunsQueries = {
  all: () => ['batch-runs'] as const,
  lists: () => [...batchRunsQueries.all(), 'list'] as const,
  list: (params: BatchRunsListParams) =>
    queryOptions({
      queryKey: [...batchRunsQueries.lists(), params] as const,
      queryFn: ({ signal }) => fetchBatchRunsPage(params, signal),
      placeholderData: keepPreviousData,
      // While a batch on this page is running, ask again every few seconds; the first page also
      // on a slow cycle, so a new batch appears (never in a hidden tab).
      refetchInterval: (query) => liveRefetchInterval(query.state.data, params.page),
      refetchIntervalInBackground: false,
      // A shared link's first page is prefetched at start-up (main.tsx); if that already failed,
      // show its error (with Retry) rather than asking a second time the moment the list mounts.
      retryOnMount: false,
    }),
  details: () => [...batchRunsQueries.all(), 'detail'] as const,
  detail: (agentId: string, batchId: string) =>
    queryOptions({
      queryKey: [...batchRunsQueries.details(), { agentId, batchId }] as const,
      queryFn: ({ signal }) => fetchBatchRun(agentId, batchId, signal),
    }),
};
