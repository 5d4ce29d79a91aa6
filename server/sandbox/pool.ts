/**
 * Each agent's pool of test cases. Batches draw from the pool, so the same testCaseId recurs
 * across an agent's batches ("history of a test case", "compare two batches"). Some test cases
 * were edited at some point (more attempts, tighter criteria, another model): batches newer
 * than the edit carry the current version, older ones the previous version.
 */
import type { MockData, TestCase } from '../../contract/api-schemas.ts';
import { LLM_MODELS, WORKSPACE_ID, type AgentDefinition } from './catalog.ts';
import { createIdCodec } from './ids.ts';
import { rngFor, type Rng } from './random.ts';
import { CRITERIA_ADDENDA, PERSONA_BACKGROUND, type Scenario } from './scenarios.ts';
import { drawTruths, type PassTruth } from './truth.ts';

export interface PoolEntry {
  current: TestCase;
  /** The version before the edit, if the test case was ever edited. */
  previous: TestCase | undefined;
  /** History indices below this one (newer batches) ran the current version. */
  revisedBelow: number;
  /** Each attempt's chance of passing, per version (see truth.ts). */
  pass: PassTruth;
}

const REVISION_RATE = 0.5;
const MAX_MOCK_VARIABLES = 4;
const LONG_PERSONA_LENGTH = 2000;

/** The chance that one attempt of the version a batch at this history index ran passes. */
export function passProbabilityAt(entry: PoolEntry, historyIndex: number): number {
  return entry.previous && historyIndex >= entry.revisedBelow
    ? entry.pass.previous
    : entry.pass.current;
}

/** The version of a test case that a batch at this history index ran (-1: a batch newer than all history). */
export function versionAt(entry: PoolEntry, historyIndex: number): TestCase {
  return entry.previous && historyIndex >= entry.revisedBelow ? entry.previous : entry.current;
}

export function buildPool(agent: AgentDefinition): PoolEntry[] {
  const ids = createIdCodec(`${agent.ref.agentId}/test-cases`);
  const generated = agent.domain.scenarios.map((scenario, index) =>
    generatedEntry(
      agent,
      scenario,
      `tc_${ids.encode(index)}`,
      rngFor(agent.ref.agentId, 'test-case', index),
    ),
  );
  const entries = agent.example ? [exampleEntry(agent.example), ...generated] : generated;
  const truths = drawTruths(agent.ref.agentId, entries);
  return entries.map((entry, position) => ({ ...entry, pass: truths[position] ?? entry.pass }));
}

/** Replaced by the drawn truth once the whole pool is known (buildPool). */
const UNTOLD: PassTruth = { current: 1, previous: 1 };

function exampleEntry(example: NonNullable<AgentDefinition['example']>): PoolEntry {
  const current = example.batch.testCases?.[0];
  if (!current) throw new Error('the example batch has no test case');
  return {
    current,
    previous: { ...current, attempt: example.earlierAttempt },
    revisedBelow: example.revisedBelow,
    pass: UNTOLD,
  };
}

function generatedEntry(
  agent: AgentDefinition,
  scenario: Scenario,
  testCaseId: string,
  rng: Rng,
): PoolEntry {
  const current: TestCase = {
    testCaseId,
    label: scenario.label,
    agent: agent.ref,
    workspaceId: WORKSPACE_ID,
    llmModel: rng.pick(LLM_MODELS),
    mockData: mockData(agent, rng),
    userPrompt: agent.longPersonas ? longPersona(scenario.persona, rng) : scenario.persona,
    attempt: rng.int(1, 10),
    successCriteria: scenario.successCriteria,
  };
  if (agent.history.count < 2 || !rng.chance(REVISION_RATE)) {
    return { current, previous: undefined, revisedBelow: 0, pass: UNTOLD };
  }
  const revisedBelow = rng.int(1, agent.history.count - 1);
  const previous = { ...current };
  switch (rng.int(0, 2)) {
    case 0: // attempt count changed
      previous.attempt = 1 + ((current.attempt - 1 + rng.int(1, 9)) % 10);
      break;
    case 1: // criteria tightened
      current.successCriteria = `${scenario.successCriteria} ${rng.pick(CRITERIA_ADDENDA)}`;
      break;
    default: // model switched
      previous.llmModel = rng.pick(LLM_MODELS.filter((model) => model !== current.llmModel));
  }
  return { current, previous, revisedBelow, pass: UNTOLD };
}

function mockData(agent: AgentDefinition, rng: Rng): MockData[] {
  const names = rng.sample(Object.keys(agent.domain.variables), rng.int(0, MAX_MOCK_VARIABLES));
  return names.map((variableName) => ({
    variableName,
    value: rng.pick(agent.domain.variables[variableName] ?? []),
  }));
}

function longPersona(persona: string, rng: Rng): string {
  let text = persona;
  for (const paragraph of rng.sample(PERSONA_BACKGROUND, PERSONA_BACKGROUND.length)) {
    if (text.length >= LONG_PERSONA_LENGTH) break;
    text += `\n\n${paragraph}`;
  }
  return text;
}
