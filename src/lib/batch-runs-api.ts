/**
 * The one fetcher of `GET /v1/batch-runs` (and of one batch run by id): every feature that
 * reads batch runs (the list, the board's cards, the walks of history and export) goes
 * through it, so the 1-based page of the UI becomes the API's zero-based page in one place.
 */
import { batchRunPageSchema, batchRunSchema } from '../../contract/api-schemas';
import { apiGet } from './api-client';
import { toApiPage } from './view/view';

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
