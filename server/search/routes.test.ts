/**
 * The search endpoint over the in-process sandbox, as `npm start` runs it: its answers equal
 * the browser's predicates (contract/batch-filters.ts) applied to every batch the API lists;
 * ten requests at once cost one walk; without a session it is 401.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { batchMatcher, type Filters } from '../../contract/batch-filters.ts';
import { createServerApp } from '../app.ts';
import { sandboxTarget } from '../api/targets.ts';
import { loadConfig } from '../config.ts';
import { askWithoutSession, counting, everyBatch } from './test-apps.ts';
import { AGENTS } from '../sandbox/catalog.ts';
import type { SearchAnswer } from './search.ts';

const NONE: Filters = { outcome: null, since: null, until: null, q: null, rate: null };
/** The predicate tests' kinds of filter, alone and combined. */
const COMBINATIONS: Partial<Filters>[] = [
  {},
  { outcome: 'failed' },
  { outcome: 'passed' },
  { outcome: 'unfinished' },
  { rate: 50 },
  { rate: 0 },
  { q: 'appointment' },
  { q: 'GPT' },
  { since: '2026-11-20' },
  { until: '2026-11-10' },
  { since: '2026-11-01', until: '2026-11-25' },
  { outcome: 'failed', since: '2026-11-15', q: 'a', rate: 80 },
];
const ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Kolkata'];
const SMALL_AGENTS = AGENTS.filter((agent) => agent.history.count <= 500).map((a) => a.ref.agentId);

const sandbox = counting(sandboxTarget());
const app = createServerApp(loadConfig({ SANDBOX: '1', LOG_LEVEL: 'silent' }), {
  target: sandbox.target,
});

async function searchIds(agentId: string, filters: Partial<Filters>, tz: string) {
  const ids: string[] = [];
  let answer: SearchAnswer;
  for (let page = 0; ; page += 1) {
    const query = new URLSearchParams({ tz, page: String(page), size: '100', wait: '10000' });
    for (const [key, value] of Object.entries(filters)) query.set(key, String(value));
    const response = await app.request(`/api/agents/${agentId}/batch-runs?${query}`);
    expect(response.status).toBe(200);
    answer = (await response.json()) as SearchAnswer;
    expect(answer.coverage.complete).toBe(true);
    ids.push(...answer.data.map((batch) => batch.batchId));
    if (!answer.hasNext) return { ids, answer };
  }
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the answers', () => {
  it.each(SMALL_AGENTS)(
    'equal the predicates for every filter combination (%s)',
    async (agentId) => {
      const all = await everyBatch(app, agentId);
      for (const zone of ZONES) {
        // The browser's days are its own zone's: the reference runs in the zone the server is told.
        vi.stubEnv('TZ', zone);
        for (const combination of COMBINATIONS) {
          const filters = { ...NONE, ...combination };
          const expected = all.filter(batchMatcher(filters)).map((batch) => batch.batchId);
          const { ids, answer } = await searchIds(agentId, combination, zone);
          expect(ids, `${zone} ${JSON.stringify(combination)}`).toEqual(expected);
          expect(answer.totalCount).toBe(expected.length);
          expect(answer.coverage).toEqual({ searched: all.length, of: all.length, complete: true });
        }
      }
    },
  );
});

describe('each match', () => {
  it('is the batch run as /v1 sent it, for the browser to read as it reads /v1', async () => {
    const agentId = AGENTS.find((agent) => agent.history.count === 125)!.ref.agentId;
    const sent = new Map<string, unknown>();
    for (let page = 0; page < 2; page += 1) {
      const response = await app.request(`/v1/batch-runs?agentId=${agentId}&page=${page}&size=100`);
      for (const row of ((await response.json()) as { data: { batchId: string }[] }).data) {
        sent.set(row.batchId, row);
      }
    }
    const response = await app.request(`/api/agents/${agentId}/batch-runs?q=a&size=50&wait=10000`);
    const answer = (await response.json()) as SearchAnswer;
    expect(answer.data.length).toBeGreaterThan(0);
    for (const row of answer.data) expect(row).toEqual(sent.get(row.batchId));
  });
});

describe('ten viewers at once', () => {
  it('cost the upstream one walk', async () => {
    const agentId = AGENTS.find((agent) => agent.history.count === 230)!.ref.agentId;
    const cold = counting(sandboxTarget());
    const fresh = createServerApp(loadConfig({ SANDBOX: '1', LOG_LEVEL: 'silent' }), {
      target: cold.target,
    });
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        Promise.resolve(fresh.request(`/api/agents/${agentId}/batch-runs?q=a&wait=10000`)),
      ),
    );
    expect(answers.map((response) => response.status)).toEqual(Array(10).fill(200));
    // 230 batches: pages 0, 1 and 2, once each.
    expect(cold.paths.filter((path) => path.startsWith('/v1/batch-runs?'))).toHaveLength(3);
  });
});

describe('the sign-in gate', () => {
  it('answers 401 without a session and never reads the API', async () => {
    expect(
      await askWithoutSession('/api/agents/agent_X3mHc7YtPq0WfJs5n/batch-runs?q=a', {
        headers: { Accept: 'text/html' },
      }),
    ).toEqual({ status: 401, upstream: [] });
  });
});
