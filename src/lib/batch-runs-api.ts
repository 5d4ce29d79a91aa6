/**
 * The one fetcher of `GET /v1/batch-runs` (and of one batch run by id): every feature that
 * reads batch runs (the list, the board's cards, the walks of history and export) goes
 * through it, so the 1-based page of the UI becomes the API's zero-based page in one place.
 * The envelope is strict; each batch run is read on its own (contract/read-batch-runs.ts).
 */
import * as z from 'zod/mini';
import { batchRunPageReader, readBatchRun } from '../../contract/read-batch-runs';
import { ApiError, apiGet } from './api-client';
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
  return apiGet('/v1/batch-runs', batchRunPageReader, {
    params: { agentId, page: toApiPage(page), size },
    signal,
  });
}

export async function fetchBatchRun(agentId: string, batchId: string, signal?: AbortSignal) {
  const path = `/v1/batch-runs/${encodeURIComponent(batchId)}`;
  const batch = readBatchRun(await apiGet(path, z.unknown(), { params: { agentId }, signal }));
  if ('reason' in batch) {
    throw new ApiError('schema', `Unexpected response: ${batch.reason}.`, { path });
  }
  return batch;
}
