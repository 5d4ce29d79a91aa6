// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { agentPageSchema, apiErrorBodySchema } from '../../contract/api-schemas.ts';
import { createSandboxApp } from './app.ts';
import { EXAMPLE_AGENT_ID } from './catalog.ts';
import { NOW, get, testApp } from './test-support.ts';

const app = testApp();
const LIST = `/v1/batch-runs?agentId=${EXAMPLE_AGENT_ID}`;

function expectError(
  result: Awaited<ReturnType<typeof get>>,
  status: number,
  error: string,
  path: string,
) {
  expect(result.status).toBe(status);
  expect(result.contentType).toMatch(/^application\/json/);
  const { message } = apiErrorBodySchema.parse(result.body);
  expect(message).toBeTypeOf('string');
  expect(result.body).toEqual({
    error,
    message,
    path,
    status,
    timestamp: new Date(NOW).toISOString(),
  });
  return message ?? '';
}

describe('authentication', () => {
  it.each([
    ['missing', null],
    ['wrong', 'not-the-key'],
    ['empty', ''],
  ])('answers 401 in the documented shape when the key is %s', async (_, key) => {
    for (const path of ['/v1/batch-runs', '/v1/agents', '/v1/batch-runs/batch_x', '/v1/nope']) {
      const message = expectError(
        await get(app, `${path}?agentId=a`, key),
        401,
        'Unauthorized',
        path,
      );
      expect(message).toMatch(/X-API-Key/);
    }
  });
});

describe('routes', () => {
  it('answers JSON with Content-Type application/json', async () => {
    const result = await get(app, LIST);
    expect(result.status).toBe(200);
    expect(result.contentType).toMatch(/^application\/json/);
  });

  it('answers 404 in the documented shape for an unknown route', async () => {
    expectError(await get(app, '/v1/test-runs/job_1'), 404, 'Not Found', '/v1/test-runs/job_1');
  });
});

describe('GET /v1/batch-runs validation', () => {
  const path = '/v1/batch-runs';

  it.each([
    ['', 'agentId'],
    ['?agentId=', 'agentId'],
    ['?agentId=%20%20', 'agentId'],
    [`?agentId=${EXAMPLE_AGENT_ID}&page=abc`, 'page'],
    [`?agentId=${EXAMPLE_AGENT_ID}&page=1.5`, 'page'],
    [`?agentId=${EXAMPLE_AGENT_ID}&page=-1`, 'page'],
    [`?agentId=${EXAMPLE_AGENT_ID}&page=`, 'page'],
    [`?agentId=${EXAMPLE_AGENT_ID}&page=1e3`, 'page'],
    [`?agentId=${EXAMPLE_AGENT_ID}&page=2147483648`, 'page'],
    [`?agentId=${EXAMPLE_AGENT_ID}&size=0`, 'size'],
    [`?agentId=${EXAMPLE_AGENT_ID}&size=-5`, 'size'],
    [`?agentId=${EXAMPLE_AGENT_ID}&size=ten`, 'size'],
    [`?agentId=${EXAMPLE_AGENT_ID}&size=2.5`, 'size'],
    [`?agentId=${EXAMPLE_AGENT_ID}&size=`, 'size'],
    [`?agentId=${EXAMPLE_AGENT_ID}&size=101`, 'size'],
  ])('rejects %s with 400 naming %s', async (query, parameter) => {
    const message = expectError(await get(app, path + query), 400, 'Bad Request', path);
    expect(message.startsWith(parameter)).toBe(true);
  });

  it('says exactly what is wrong', async () => {
    const messageFor = async (query: string) =>
      apiErrorBodySchema.parse((await get(app, path + query)).body).message;
    expect(await messageFor('')).toBe('agentId is required');
    expect(await messageFor(`?agentId=a&size=101`)).toBe('size must be at most 100');
    expect(await messageFor(`?agentId=a&page=-1`)).toBe('page must be a non-negative integer');
    expect(await messageFor(`?agentId=a&size=0`)).toBe('size must be a positive integer');
  });

  it('accepts the bounds and surrounding spaces', async () => {
    for (const query of ['&page=0&size=1', '&size=100', '&page=%201%20', '&page=2147483647']) {
      expect((await get(app, LIST + query)).status).toBe(200);
    }
  });

  it('defaults to page 0, size 10', async () => {
    expect(await get(app, LIST)).toMatchObject({ body: { page: 0, size: 10 } });
  });
});

describe('GET /v1/batch-runs/:batchId validation', () => {
  it('requires agentId', async () => {
    const path = '/v1/batch-runs/batch_s0OJu2JWR8R45Fai';
    const message = expectError(await get(app, path), 400, 'Bad Request', path);
    expect(message).toBe('agentId is required');
  });

  it.each([
    ['an unknown batch', 'batch_AAAAAAAAAAAAAAAA', EXAMPLE_AGENT_ID],
    ['a malformed id', 'nonsense', EXAMPLE_AGENT_ID],
    ['an unknown agent', 'batch_s0OJu2JWR8R45Fai', 'agent_nobody'],
  ])('answers 404 naming batch and agent for %s', async (_, batchId, agentId) => {
    const path = `/v1/batch-runs/${batchId}`;
    const message = expectError(
      await get(app, `${path}?agentId=${agentId}`),
      404,
      'Not Found',
      path,
    );
    expect(message).toBe(`Batch run ${batchId} not found for agent ${agentId}`);
  });
});

describe('GET /v1/agents', () => {
  it('lists the workspace agents in the page wrapper, with agentName and settings', async () => {
    const { status, body } = await get(app, '/v1/agents');
    expect(status).toBe(200);
    const page = agentPageSchema.parse(body);
    expect(page).toMatchObject({ page: 0, size: 10, totalCount: 8, totalPages: 1, hasNext: false });
    expect(page.data).toContainEqual({
      agentId: EXAMPLE_AGENT_ID,
      agentName: 'New AI Agent',
      status: 'Live',
    });
    for (const agent of (body as { data: Record<string, unknown>[] }).data) {
      expect(agent.agentId).toMatch(/^agent_[0-9A-Za-z]{17}$/);
      expect(agent.webhookSecret).toMatch(/^whsec_sandbox_/);
    }
  });

  it('paginates and validates like the batch list', async () => {
    expect((await get(app, '/v1/agents?page=1&size=5')).body).toMatchObject({
      page: 1,
      totalPages: 2,
      hasNext: false,
      hasPrevious: true,
    });
    const message = expectError(
      await get(app, '/v1/agents?size=0'),
      400,
      'Bad Request',
      '/v1/agents',
    );
    expect(message).toMatch(/^size/);
  });
});

describe('determinism', () => {
  it('two fresh apps answer byte-identical JSON', async () => {
    const paths = [
      `${LIST}&page=3&size=20`,
      '/v1/batch-runs?agentId=agent_X3mHc7YtPq0WfJs5n&page=777&size=50',
      '/v1/batch-runs?agentId=agent_Lq8vRk2NwB4ZpTe9c',
      '/v1/agents',
    ];
    const first = createSandboxApp({ now: () => NOW, liveCycleSeconds: 60 });
    const second = createSandboxApp({ now: () => NOW, liveCycleSeconds: 60 });
    for (const path of paths) {
      expect((await get(first, path)).text).toBe((await get(second, path)).text);
    }
  });
});
