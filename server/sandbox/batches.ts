/**
 * Batch i of agent A, derived on demand from (A, i) alone: a page of the 52k-batch agent costs
 * one derivation per item and nothing is ever materialised. List index 0 is the newest batch.
 * For the live agent, indices 0 and 1 are the clock-driven batches of this cycle and the
 * previous one; the fixed history follows.
 */
import type { BatchRun, TestCase } from '../../contract/api-schemas.ts';
import { WORKSPACE_ID, type AgentDefinition } from './catalog.ts';
import { createIdCodec, type IdCodec } from './ids.ts';
import { LIVE_BATCHES, completedBy, completionOffsets, currentCycle, type Clock } from './live.ts';
import { buildPool, passProbabilityAt, versionAt, type PoolEntry } from './pool.ts';
import { rngFor, type Rng } from './random.ts';

const BATCH_PREFIX = 'batch_';
/** Share of history batches that never finished (attempts still pending forever). */
const UNFINISHED_RATE = 0.05;
/** Clock-driven batches run the current version of every test case. */
const NEWER_THAN_HISTORY = -1;
const MINUTE_MS = 60_000;

/** Per-agent data computed once: the test-case pool and the id codecs. */
interface AgentRuntime {
  pool: PoolEntry[];
  historyIds: IdCodec;
  cycleIds: IdCodec;
}

const runtimes = new WeakMap<AgentDefinition, AgentRuntime>();

function runtimeOf(agent: AgentDefinition): AgentRuntime {
  let runtime = runtimes.get(agent);
  if (!runtime) {
    runtime = {
      pool: buildPool(agent),
      historyIds: createIdCodec(`${agent.ref.agentId}/history`),
      cycleIds: createIdCodec(`${agent.ref.agentId}/cycles`),
    };
    runtimes.set(agent, runtime);
  }
  return runtime;
}

export function batchCount(agent: AgentDefinition): number {
  return agent.history.count + (agent.live ? LIVE_BATCHES : 0);
}

/** The batch at this list position (0 = newest); the caller keeps index < batchCount(agent). */
export function batchAt(agent: AgentDefinition, index: number, clock: Clock): BatchRun {
  if (!agent.live) return historyBatch(agent, index);
  if (index < LIVE_BATCHES) return cycleBatch(agent, currentCycle(clock) - index, clock);
  return historyBatch(agent, index - LIVE_BATCHES);
}

/**
 * Resolves an id by decoding it, never by scanning. A live batch stays resolvable after it
 * scrolls out of the two clock-driven slots: it existed, and a detail page may still show it.
 */
export function findBatch(
  agent: AgentDefinition,
  batchId: string,
  clock: Clock,
): BatchRun | undefined {
  if (batchId === agent.example?.batch.batchId) return agent.example.batch;
  if (!batchId.startsWith(BATCH_PREFIX)) return undefined;
  const key = batchId.slice(BATCH_PREFIX.length);
  const { historyIds, cycleIds } = runtimeOf(agent);

  const index = historyIds.decode(key);
  const isExampleSlot = index === 0 && agent.example !== undefined;
  if (index !== undefined && index < agent.history.count && !isExampleSlot) {
    return historyBatch(agent, index);
  }
  if (!agent.live) return undefined;
  const cycle = cycleIds.decode(key);
  const newestHistoryMs = Date.parse(agent.history.newestAt);
  if (
    cycle === undefined ||
    cycle > currentCycle(clock) ||
    cycle * clock.cycleMs <= newestHistoryMs
  ) {
    return undefined;
  }
  return cycleBatch(agent, cycle, clock);
}

function historyBatch(agent: AgentDefinition, index: number): BatchRun {
  if (index === 0 && agent.example) return agent.example.batch;
  const { pool, historyIds } = runtimeOf(agent);
  const rng = rngFor(agent.ref.agentId, 'history', index);
  // Each batch sits in its own slot of mean-gap width, jittered within 80% of it: strictly
  // decreasing dates with gaps between 0.2 and 1.8 mean gaps, computable from the index alone.
  const gapMs = agent.history.meanGapMinutes * MINUTE_MS;
  const createdMs = Math.floor(
    Date.parse(agent.history.newestAt) - (index + 0.8 * rng.next()) * gapMs,
  );
  const plan = planBatch(agent, pool, rng, index);
  const completed = rng.chance(UNFINISHED_RATE)
    ? rng.int(0, plan.outcomes.length - 1)
    : plan.outcomes.length;
  return batchRun(agent, historyIds.encode(index), createdMs, plan, completed);
}

function cycleBatch(agent: AgentDefinition, cycle: number, clock: Clock): BatchRun {
  const { pool, cycleIds } = runtimeOf(agent);
  const rng = rngFor(agent.ref.agentId, 'cycle', cycle);
  const createdMs = cycle * clock.cycleMs;
  const plan = planBatch(agent, pool, rng, NEWER_THAN_HISTORY);
  const offsets = completionOffsets(rng, plan.outcomes.length, clock.cycleMs);
  return batchRun(
    agent,
    cycleIds.encode(cycle),
    createdMs,
    plan,
    completedBy(offsets, clock.nowMs - createdMs),
  );
}

/** What a batch runs and how each attempt will turn out, in the order attempts complete. */
interface Plan {
  testCases: TestCase[];
  outcomes: boolean[];
}

function planBatch(
  agent: AgentDefinition,
  pool: readonly PoolEntry[],
  rng: Rng,
  historyIndex: number,
): Plan {
  const [min, max] = agent.testCasesPerBatch;
  const positions = rng.sample([...pool.keys()], rng.int(min, max)).sort((a, b) => a - b);
  const testCases: TestCase[] = [];
  const outcomes: boolean[] = [];
  for (const position of positions) {
    const entry = pool[position];
    if (!entry) continue;
    const testCase = versionAt(entry, historyIndex);
    testCases.push(testCase);
    // Every attempt is drawn from its own test case's pass probability (truth.ts).
    const p = passProbabilityAt(entry, historyIndex);
    for (let attempt = 0; attempt < testCase.attempt; attempt++) outcomes.push(rng.chance(p));
  }
  // Attempts finish interleaved, not test case by test case.
  return { testCases, outcomes: rng.sample(outcomes, outcomes.length) };
}

function batchRun(
  agent: AgentDefinition,
  key: string,
  createdMs: number,
  plan: Plan,
  completed: number,
): BatchRun {
  const successfulAttempts = plan.outcomes.slice(0, completed).filter(Boolean).length;
  return {
    batchId: BATCH_PREFIX + key,
    workspaceId: WORKSPACE_ID,
    agent: agent.ref,
    createdDate: new Date(createdMs).toISOString(),
    testCases: plan.testCases,
    successfulAttempts,
    failedAttempts: completed - successfulAttempts,
    totalAttempts: completed,
  };
}
