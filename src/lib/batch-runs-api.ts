/**
 * The one fetcher of `GET /v1/batch-runs` (and of one batch run by id): every feature that
 * reads batch runs (the list, the board's cards, the walks of history and export) goes
 * through it, so the 1-based page of the UI becomes the API's zero-based page in one place.
 * The envelope is strict; each batch run is read on its own (contract/read-batch-runs.ts).
 *
 * A filtered view's first page (its headline) comes from the dashboard's server instead
 * (`source: 'mirror'`, server/search/latest.ts): the same page, read from the agent's mirror
 * that the view's search reads, so that opening the link asks SigmaMind nothing more.
 */
import * as z from 'zod/mini';
import { batchRunPageReader, readBatchRun } from '../../contract/read-batch-runs';
import { ApiError, apiGet } from './api-client';
import { serverWait } from './render-context';
import { toApiPage } from './view/view';

export interface BatchRunsListParams {
  agentId: string;
  /** 1-based, as the URL and the UI show it. */
  page: number;
  size: number;
  /** The first page (only) from the dashboard's server, read from the agent's mirror. */
  source?: 'mirror';
}

/** How long the server may hold a browser's request for the mirror's first pages. */
const LATEST_WAIT_MS = 2000;

export function fetchBatchRunsPage(
  { agentId, page, size, source }: BatchRunsListParams,
  signal?: AbortSignal,
) {
  if (source === 'mirror') {
    const path = `/api/agents/${encodeURIComponent(agentId)}/latest`;
    return apiGet(path, batchRunPageReader, {
      params: { size, wait: serverWait(LATEST_WAIT_MS) },
      signal,
    });
  }
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
