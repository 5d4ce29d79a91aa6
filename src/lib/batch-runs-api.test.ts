/** The fetchers read leniently behind a strict envelope; one batch without an id is an error. */
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { exampleBatch, examplePage } from '../test/fixtures';
import { server } from '../test/msw-server';
import { ApiError } from './api-client';
import { fetchBatchRun, fetchBatchRunsPage } from './batch-runs-api';

const AGENT = exampleBatch.agent.agentId;

describe('fetchBatchRunsPage', () => {
  it('shows the readable rows and names the one without batchId', async () => {
    const odd = { ...exampleBatch, batchId: undefined };
    server.use(
      http.get('*/v1/batch-runs', () =>
        HttpResponse.json({ ...examplePage, data: [{ ...exampleBatch, workspaceId: 1 }, odd] }),
      ),
    );
    const page = await fetchBatchRunsPage({ agentId: AGENT, page: 1, size: 20 });
    expect(page.data.map((batch) => batch.batchId)).toEqual([exampleBatch.batchId]);
    expect(page.unreadable).toEqual([{ reason: '`batchId` is missing', sent: odd }]);
  });

  it('still refuses an unusable envelope, naming the field', async () => {
    server.use(
      http.get('*/v1/batch-runs', () => HttpResponse.json({ ...examplePage, hasNext: 'no' })),
    );
    await expect(fetchBatchRunsPage({ agentId: AGENT, page: 1, size: 20 })).rejects.toThrow(
      'field "hasNext"',
    );
  });
});

describe('fetchBatchRun', () => {
  it('reads one batch with its repairs', async () => {
    server.use(
      http.get('*/v1/batch-runs/:id', () =>
        HttpResponse.json({ ...exampleBatch, workspaceId: null }),
      ),
    );
    const batch = await fetchBatchRun(AGENT, exampleBatch.batchId);
    expect(batch.workspaceId).toBeNull();
    expect(batch.repairs).toEqual(['workspaceId']);
  });

  it('is a schema error when the batch has no batchId', async () => {
    server.use(
      http.get('*/v1/batch-runs/:id', () => HttpResponse.json({ ...exampleBatch, batchId: null })),
    );
    const error = await fetchBatchRun(AGENT, exampleBatch.batchId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe('schema');
    expect((error as ApiError).message).toBe('Unexpected response: `batchId` is null.');
  });
});
