/**
 * Query factory for batch runs: key-only entries for invalidation, queryOptions entries for
 * reads. Keys go from general to specific; the fetchers parse with the schema, so the
 * types come from it.
 */
import { queryOptions } from '@tanstack/react-query';
import { apiGet } from '../../../lib/api-client';
import { batchRunPageSchema, batchRunSchema } from '../../../../contract/api-schemas';
import { toApiPage } from '../../../lib/view/view';

export interface BatchRunsListParams {
  agentId: string;
  /** 1-based, as the URL and the UI show it. */
  page: number;
  size: number;
}

export function fetchBatchRunsPage(
  { agentId, page, size }: BatchRunsListParams,
  signal?: AbortSignal,
) {
  return apiGet('/v1/batch-runs', batchRunPageSchema, {
    params: { agentId, page: toApiPage(page), size },
    signal,
  });
}

export function fetchBatchRun(agentId: string, batchId: string, signal?: AbortSignal) {
  return apiGet(`/v1/batch-runs/${encodeURIComponent(batchId)}`, batchRunSchema, {
    params: { agentId },
    signal,
  });
}

export const batchRunsQueries = {
  all: () => ['batch-runs'] as const,
  lists: () => [...batchRunsQueries.all(), 'list'] as const,
  list: (params: BatchRunsListParams) =>
    queryOptions({
      queryKey: [...batchRunsQueries.lists(), params] as const,
      queryFn: ({ signal }) => fetchBatchRunsPage(params, signal),
    }),
  details: () => [...batchRunsQueries.all(), 'detail'] as const,
  detail: (agentId: string, batchId: string) =>
    queryOptions({
      queryKey: [...batchRunsQueries.details(), { agentId, batchId }] as const,
      queryFn: ({ signal }) => fetchBatchRun(agentId, batchId, signal),
    }),
};
