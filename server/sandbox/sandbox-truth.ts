/**
 * The sandbox's hidden truth, for tests only (server side; the app never sees it): each test
 * case's pass probability in the version a batch ran.
 */
import type { TestCase } from '../../contract/api-schemas.ts';
import { findAgent } from './catalog.ts';
import { buildPool, type PoolEntry } from './pool.ts';

const pools = new Map<string, PoolEntry[]>();

function poolOf(agentId: string): PoolEntry[] {
  let pool = pools.get(agentId);
  if (!pool) {
    const agent = findAgent(agentId);
    if (!agent) throw new Error(`no sandbox agent ${agentId}`);
    pool = buildPool(agent);
    pools.set(agentId, pool);
  }
  return pool;
}

/** The true chance that one attempt of this test case, as a batch ran it, passes. */
export function truePassProbability(agentId: string, testCase: TestCase): number {
  const entry = poolOf(agentId).find((e) => e.current.testCaseId === testCase.testCaseId);
  if (!entry) throw new Error(`no test case ${testCase.testCaseId} in ${agentId}`);
  const isPrevious =
    entry.previous !== undefined && JSON.stringify(entry.previous) === JSON.stringify(testCase);
  return isPrevious ? entry.pass.previous : entry.pass.current;
}
