// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  batchRunPageSchema,
  batchRunSchema,
  type BatchRun,
  type BatchRunPage,
} from '../../contract/api-schemas.ts';
import {
  AGENTS,
  EMPTY_AGENT_ID,
  EXAMPLE_AGENT_ID,
  LARGE_AGENT_ID,
  LLM_MODELS,
  LONG_CONTENT_AGENT_ID,
  ONE_BATCH_AGENT_ID,
} from './catalog.ts';
import { get, testApp } from './test-support.ts';

const app = testApp();
const documented = JSON.parse(
  readFileSync(new URL('../../contract/list-batch-runs.example.json', import.meta.url), 'utf8'),
) as BatchRunPage;

async function listPage(agentId: string, page: number, size: number): Promise<BatchRunPage> {
  const { status, body } = await get(
    app,
    `/v1/batch-runs?agentId=${agentId}&page=${page}&size=${size}`,
  );
  expect(status).toBe(200);
  return batchRunPageSchema.parse(body);
}

async function allBatches(agentId: string): Promise<BatchRun[]> {
  const batches: BatchRun[] = [];
  for (let page = 0; ; page++) {
    const result = await listPage(agentId, page, 100);
    batches.push(...result.data);
    if (!result.hasNext) return batches;
  }
}

const expectedAttempts = (batch: BatchRun) =>
  (batch.testCases ?? []).reduce((sum, testCase) => sum + testCase.attempt, 0);

describe('the documented example', () => {
  it('is the example agent’s newest batch, field for field', async () => {
    const page = await listPage(EXAMPLE_AGENT_ID, 0, 20);
    expect(page.data[0]).toEqual(documented.data[0]);
    expect(page).toMatchObject({
      page: 0,
      size: 20,
      totalCount: 125,
      totalPages: 7,
      hasNext: true,
      hasPrevious: false,
    });
  });

  it('resolves by id, byte for byte as documented', async () => {
    const { status, text } = await get(
      app,
      `/v1/batch-runs/batch_s0OJu2JWR8R45Fai?agentId=${EXAMPLE_AGENT_ID}`,
    );
    expect(status).toBe(200);
    expect(text).toBe(JSON.stringify(documented.data[0]));
  });

  it('has older generated batches that reuse and revise its test case', async () => {
    const batches = await allBatches(EXAMPLE_AGENT_ID);
    expect(batches).toHaveLength(125);
    const example = Date.parse('2026-03-26T10:52:45.565Z');
    expect(batches.slice(1).every((batch) => Date.parse(batch.createdDate) < example)).toBe(true);
    const attempts = new Set(
      batches
        .flatMap((batch) => batch.testCases ?? [])
        .filter((tc) => tc.testCaseId === 'tc_d17T6uReChpyfFeP')
        .map((tc) => tc.attempt),
    );
    expect(attempts).toEqual(new Set([5, 3]));
    expect(batches.some((batch) => batch.totalAttempts < expectedAttempts(batch))).toBe(true);
  });
});

describe('pagination', () => {
  it('answers an empty agent with an empty page', async () => {
    expect(await listPage(EMPTY_AGENT_ID, 0, 10)).toEqual({
      data: [],
      page: 0,
      size: 10,
      totalCount: 0,
      totalPages: 0,
      hasNext: false,
      hasPrevious: false,
    });
    expect(await listPage(EMPTY_AGENT_ID, 3, 10)).toMatchObject({ data: [], hasPrevious: false });
  });

  it('answers an unknown agent with an empty page', async () => {
    expect(await listPage('agent_unknown', 2, 10)).toMatchObject({
      data: [],
      totalCount: 0,
      totalPages: 0,
      hasNext: false,
      hasPrevious: false,
    });
  });

  it('answers the one-batch agent with one page of one', async () => {
    const page = await listPage(ONE_BATCH_AGENT_ID, 0, 10);
    expect(page).toMatchObject({
      totalCount: 1,
      totalPages: 1,
      hasNext: false,
      hasPrevious: false,
    });
    expect(page.data).toHaveLength(1);
  });

  it('fills every page when the total is an exact multiple of the size', async () => {
    const last = await listPage(EXAMPLE_AGENT_ID, 4, 25);
    expect(last).toMatchObject({ totalPages: 5, hasNext: false, hasPrevious: true });
    expect(last.data).toHaveLength(25);
  });

  it('ends with a partial page, then empty pages past the end', async () => {
    const partial = await listPage(EXAMPLE_AGENT_ID, 6, 20);
    expect(partial.data).toHaveLength(5);
    expect(partial).toMatchObject({ hasNext: false, hasPrevious: true });
    expect(await listPage(EXAMPLE_AGENT_ID, 9, 20)).toMatchObject({
      data: [],
      page: 9,
      totalCount: 125,
      totalPages: 7,
      hasNext: false,
      hasPrevious: true,
    });
  });

  it('walks the whole list without gaps or repeats, newest first', async () => {
    const bySmallPages: BatchRun[] = [];
    for (let page = 0; page < 13; page++)
      bySmallPages.push(...(await listPage(EXAMPLE_AGENT_ID, page, 10)).data);
    expect(bySmallPages).toEqual(await allBatches(EXAMPLE_AGENT_ID));
  });
});

describe('every generated batch', () => {
  const agents = AGENTS.filter((agent) => agent.ref.agentId !== LARGE_AGENT_ID);

  it.each(agents.map((agent) => [agent.ref.name, agent] as const))(
    '%s: parses and keeps the invariants',
    async (_, agent) => {
      const batches = await allBatches(agent.ref.agentId);
      expect(batches).toHaveLength(agent.history.count + (agent.live ? 2 : 0));
      expect(new Set(batches.map((batch) => batch.batchId)).size).toBe(batches.length);
      const [min, max] = agent.testCasesPerBatch;
      batches.forEach((batch, index) => {
        expect(batch.batchId).toMatch(/^batch_[0-9A-Za-z]{16}$/);
        expect(batch.agent).toEqual(agent.ref);
        expect(batch.successfulAttempts + batch.failedAttempts).toBe(batch.totalAttempts);
        expect(batch.totalAttempts).toBeLessThanOrEqual(expectedAttempts(batch));
        const testCases = batch.testCases ?? [];
        expect(testCases.length).toBeGreaterThanOrEqual(min);
        expect(testCases.length).toBeLessThanOrEqual(max);
        for (const testCase of testCases) {
          expect(testCase.agent).toEqual(agent.ref);
          expect(LLM_MODELS).toContain(testCase.llmModel);
          expect(testCase.attempt).toBeGreaterThanOrEqual(1);
          expect(testCase.attempt).toBeLessThanOrEqual(10);
          expect((testCase.mockData ?? []).length).toBeLessThanOrEqual(4);
        }
        const older = batches[index + 1];
        if (older)
          expect(Date.parse(older.createdDate)).toBeLessThan(Date.parse(batch.createdDate));
      });
    },
  );

  it.each(agents.map((agent) => [agent.ref.name, agent.ref.agentId] as const))(
    '%s: every id resolves to the same batch',
    async (_, agentId) => {
      for (const batch of await allBatches(agentId)) {
        const { status, body } = await get(
          app,
          `/v1/batch-runs/${batch.batchId}?agentId=${agentId}`,
        );
        expect(status).toBe(200);
        expect(batchRunSchema.parse(body)).toEqual(batch);
      }
    },
  );

  it('does not resolve under another agent', async () => {
    const [batch] = (await listPage(ONE_BATCH_AGENT_ID, 0, 1)).data;
    const { status } = await get(
      app,
      `/v1/batch-runs/${batch?.batchId}?agentId=${EXAMPLE_AGENT_ID}`,
    );
    expect(status).toBe(404);
  });

  it('spans outcomes from all-pass to all-fail and edits test cases over time', async () => {
    const batches = await allBatches('agent_T5cNy8GwRa1ZeKm3v');
    const finished = batches.filter((batch) => batch.totalAttempts === expectedAttempts(batch));
    expect(finished.some((batch) => batch.failedAttempts === 0)).toBe(true);
    expect(finished.some((batch) => batch.successfulAttempts === 0)).toBe(true);
    const versions = new Map<string, Set<string>>();
    for (const testCase of batches.flatMap((batch) => batch.testCases ?? [])) {
      const seen = versions.get(testCase.testCaseId) ?? new Set();
      versions.set(testCase.testCaseId, seen.add(JSON.stringify(testCase)));
    }
    expect([...versions.values()].some((seen) => seen.size > 1)).toBe(true);
  });

  it('includes long content for layout stress', async () => {
    const batches = await allBatches(LONG_CONTENT_AGENT_ID);
    const personas = batches
      .flatMap((batch) => batch.testCases ?? [])
      .map((tc) => tc.userPrompt.length);
    expect(Math.max(...personas)).toBeGreaterThanOrEqual(2000);
  });
});

describe('the 52,340-batch agent', () => {
  it('counts its batches and answers its last, partial page', async () => {
    const last = await listPage(LARGE_AGENT_ID, 523, 100);
    expect(last).toMatchObject({
      totalCount: 52_340,
      totalPages: 524,
      hasNext: false,
      hasPrevious: true,
    });
    expect(last.data).toHaveLength(40);
  });

  it('resolves ids from a deep page without scanning', async () => {
    const page = await listPage(LARGE_AGENT_ID, 400, 100);
    expect(page.data).toHaveLength(100);
    for (const batch of page.data) {
      const { body } = await get(app, `/v1/batch-runs/${batch.batchId}?agentId=${LARGE_AGENT_ID}`);
      expect(body).toEqual(batch);
    }
  });

  // How fast deep pages answer is measured by `npm run bench` (sandbox page, size 100); here,
  // that a deep page is the stretch of the history its number names, continuing the one before.
  it.each([
    [5000, 10],
    [499, 100],
    [5000, 100],
  ])('answers page %i at size %i right after the page before it', async (page, size) => {
    const before = await listPage(LARGE_AGENT_ID, page - 1, size);
    const deep = await listPage(LARGE_AGENT_ID, page, size);
    const expected = Math.max(0, Math.min(size, deep.totalCount - page * size));
    expect(deep.data).toHaveLength(expected);
    expect(deep.page).toBe(page);
    if (expected === 0) {
      expect(deep.hasNext).toBe(false);
      return;
    }
    const times = [...before.data, ...deep.data].map((batch) => Date.parse(batch.createdDate));
    times.slice(1).forEach((time, index) => expect(time).toBeLessThanOrEqual(times[index]!));
    expect(new Set([...before.data, ...deep.data].map((batch) => batch.batchId)).size).toBe(
      before.data.length + deep.data.length,
    );
  });
});
