/**
 * The estimate against the sandbox's hidden truth: for every sandbox agent, over its newest 50
 * finished batches, the true pass probability of each test case that ran in 10 or more of
 * them lies inside the shown interval for at least 90 % of them, and the truly hardest test
 * case is among the first three listed. A test case whose version changed inside the window
 * (an edit) is held to the attempt-weighted mean of its versions' probabilities: that is what
 * a single rate over the window stands for.
 */
import { describe, expect, it } from 'vitest';
import { batchRunPageReader, type ReadBatchRun } from '../../contract/read-batch-runs';
import type { TestCase } from '../../contract/api-schemas';
import { AGENTS } from '../../server/sandbox/catalog';
import { truePassProbability } from '../../server/sandbox/sandbox-truth';
import { get, testApp } from '../../server/sandbox/test-support';
import { summarizeAttempts } from './attempts';
import { estimateTestCases } from './test-case-estimate';

const app = testApp();

async function newest(agentId: string): Promise<ReadBatchRun[]> {
  const { body } = await get(app, `/v1/batch-runs?agentId=${agentId}&page=0&size=100`);
  return batchRunPageReader.parse(body).data;
}

function truthOver(agentId: string, batches: readonly ReadBatchRun[]) {
  const sums = new Map<string, { weighted: number; attempts: number }>();
  for (const batch of batches) {
    for (const tc of batch.testCases) {
      const p = truePassProbability(agentId, tc as unknown as TestCase);
      const sum = sums.get(tc.testCaseId as string) ?? { weighted: 0, attempts: 0 };
      sum.weighted += p * (tc.attempt ?? 0);
      sum.attempts += tc.attempt ?? 0;
      sums.set(tc.testCaseId as string, sum);
    }
  }
  return new Map([...sums].map(([id, s]) => [id, s.weighted / s.attempts]));
}

describe('the estimate against the sandbox truth', () => {
  for (const agent of AGENTS) {
    it(`covers the truth and finds the hardest test case: ${agent.ref.name}`, async () => {
      const batches = await newest(agent.ref.agentId);
      const { ranked, used } = estimateTestCases(batches);
      const window = batches
        .filter((b) => !summarizeAttempts(b).isUnfinished && summarizeAttempts(b).finished > 0)
        .slice(0, used);
      if (window.length < 10) return; // too few batches for any test case to qualify
      const truth = truthOver(agent.ref.agentId, window);
      const held = ranked.filter((e) => e.batches >= 10 && e.rate);
      const inside = held.filter((e) => {
        const t = truth.get(e.testCaseId) as number;
        const ok = e.rate && e.rate.low <= t && t <= e.rate.high;
        return ok;
      });
      const hardest = [...truth].sort((a, b) => a[1] - b[1])[0]?.[0];
      const rank = ranked.findIndex((e) => e.testCaseId === hardest) + 1;
      console.log(
        `${agent.ref.name}: ${inside.length}/${held.length} inside, hardest ranked ${rank}`,
      );
      expect(held.length).toBeGreaterThan(0);
      expect(inside.length / held.length).toBeGreaterThanOrEqual(0.9);
      expect(rank).toBeGreaterThanOrEqual(1);
      expect(rank).toBeLessThanOrEqual(3);
    });
  }
});
