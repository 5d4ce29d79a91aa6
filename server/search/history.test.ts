/**
 * A test case's history over the mirror, as `npm start` serves it on the sandbox: every batch
 * the API lists that ran the test case (contract/test-case-runs.ts, the browser's definition),
 * newest first, paged; the coverage while the mirror fills; 401 without a session.
 */
import { describe, expect, it } from 'vitest';
import { testCaseRuns, type TestCaseRunCounts } from '../../contract/test-case-runs.ts';
import { createServerApp } from '../app.ts';
import { sandboxTarget } from '../api/targets.ts';
import { loadConfig } from '../config.ts';
import { askWithoutSession, counting, everyBatch } from './test-apps.ts';
import { AGENTS, EXAMPLE_AGENT_ID } from '../sandbox/catalog.ts';

interface HistoryAnswer {
  data: TestCaseRunCounts[];
  totalCount: number;
  hasNext: boolean;
  coverage: { searched: number; of: number; complete: boolean };
}

const config = loadConfig({ SANDBOX: '1', LOG_LEVEL: 'silent' });
const app = createServerApp(config, { target: sandboxTarget() });

async function history(agentId: string, testCaseId: string, size: number) {
  const runs: TestCaseRunCounts[] = [];
  for (let page = 0; ; page += 1) {
    const response = await app.request(
      `/api/agents/${agentId}/test-cases/${testCaseId}/runs?page=${page}&size=${size}&wait=10000`,
    );
    expect(response.status).toBe(200);
    const answer = (await response.json()) as HistoryAnswer;
    expect(answer.coverage.complete).toBe(true);
    runs.push(...answer.data);
    if (!answer.hasNext) return { runs, answer };
  }
}

const MEDIUM = AGENTS.filter((agent) => agent.history.count > 100 && agent.history.count <= 500);

describe('a test case’s history', () => {
  it.each(MEDIUM.map((agent) => agent.ref.agentId))(
    'equals find-runs over every /v1 page (%s)',
    async (agentId) => {
      const all = await everyBatch(app, agentId);
      // Test cases of the newest batch and of the oldest: the pool recurs across the history.
      const ids = new Set(
        [all[0], all.at(-1)].flatMap((batch) => batch!.testCases.map((tc) => tc.testCaseId)),
      );
      for (const testCaseId of [...ids].filter((id): id is string => id !== null)) {
        const expected = testCaseRuns(all, testCaseId);
        expect(expected.length).toBeGreaterThan(0);
        const { runs, answer } = await history(agentId, testCaseId, 40);
        expect(runs).toEqual(JSON.parse(JSON.stringify(expected)));
        expect(answer.totalCount).toBe(expected.length);
        expect(answer.coverage).toEqual({ searched: all.length, of: all.length, complete: true });
      }
      const none = await history(agentId, 'tc_no_such_case', 50);
      expect(none.runs).toEqual([]);
    },
  );

  it('answers what the mirror holds while it fills, and says so', async () => {
    const agent = AGENTS.find((candidate) => candidate.history.count === 230)!;
    const slow = counting(sandboxTarget(), 30);
    const cold = createServerApp(config, { target: slow.target });
    const url = `/api/agents/${agent.ref.agentId}/test-cases/tc_any/runs`;
    const first = (await (await cold.request(`${url}?wait=0`)).json()) as HistoryAnswer;
    expect(first.coverage.complete).toBe(false);
    expect(first.coverage.searched).toBeLessThan(230);
    const done = (await (await cold.request(`${url}?wait=10000`)).json()) as HistoryAnswer;
    expect(done.coverage).toEqual({ searched: 230, of: 230, complete: true });
  });
});

describe('the sign-in gate', () => {
  it('answers 401 without a session and never reads the API', async () => {
    expect(
      await askWithoutSession(
        `/api/agents/${EXAMPLE_AGENT_ID}/test-cases/tc_d17T6uReChpyfFeP/runs`,
      ),
    ).toEqual({ status: 401, upstream: [] });
  });
});
