/**
 * The sandbox workspace: which agents exist, what each one is for, and the shape of its batch
 * history. Batches themselves are derived on demand (see batches.ts); only these parameters are
 * stored.
 */
import type { AgentRef, BatchRun } from '../../contract/api-schemas.ts';
import { EXAMPLE_AGENT, EXAMPLE_BATCH, EXAMPLE_WORKSPACE_ID } from './fixtures.ts';
import { rngFor } from './random.ts';
import { DOMAINS, type Domain } from './scenarios.ts';

export const WORKSPACE_ID = EXAMPLE_WORKSPACE_ID;

export const LLM_MODELS: readonly string[] = [
  'gpt-4o-mini',
  'gpt-4o',
  'claude-sonnet-4-5',
  'gemini-2.5-flash',
];

export interface AgentDefinition {
  ref: AgentRef;
  /** Settings `GET /v1/agents` returns beside the name (the dashboard needs none of them). */
  settings: { language: string; voice: string; llmModel: string; createdDate: string };
  domain: Domain;
  /**
   * The fixed history: `count` batches, the newest at or shortly before `newestAt`, each older
   * one on average `meanGapMinutes` earlier.
   */
  history: { count: number; newestAt: string; meanGapMinutes: number };
  testCasesPerBatch: readonly [min: number, max: number];
  /** Pads personas to about 2,000 characters to stress the layout. */
  longPersonas?: boolean;
  /** Two batches above the history follow the wall clock (see live.ts). */
  live?: boolean;
  /**
   * The documented batch, served as history index 0. Its test case joins the agent's pool; in
   * batches at or past history index `revisedBelow` it still ran `earlierAttempt` attempts.
   */
  example?: { batch: BatchRun; revisedBelow: number; earlierAttempt: number };
}

function ref(agentId: string, name: string, status: string): AgentRef {
  return { name, agentId, status };
}

const ONE_TO_FIVE = [1, 5] as const;

export const EXAMPLE_AGENT_ID = EXAMPLE_AGENT.agentId;
export const LIVE_AGENT_ID = 'agent_Lq8vRk2NwB4ZpTe9c';
export const LARGE_AGENT_ID = 'agent_X3mHc7YtPq0WfJs5n';
export const LONG_CONTENT_AGENT_ID = 'agent_Gk4rT9vBzN2mQxW7h';
export const ONE_BATCH_AGENT_ID = 'agent_R7pWn3KdYs8LcVf1a';
export const EMPTY_AGENT_ID = 'agent_E2zJt6HqMx9UbPk4w';

export const AGENTS: readonly AgentDefinition[] = [
  {
    // The documented example: 125 batches, the newest being the documented one.
    ref: EXAMPLE_AGENT,
    settings: {
      language: 'en-US',
      voice: 'Rachel',
      llmModel: 'gpt-4o-mini',
      createdDate: '2026-02-20T09:12:31.004Z',
    },
    domain: DOMAINS.support,
    history: { count: 125, newestAt: EXAMPLE_BATCH.createdDate, meanGapMinutes: 300 },
    testCasesPerBatch: ONE_TO_FIVE,
    example: { batch: EXAMPLE_BATCH, revisedBelow: 60, earlierAttempt: 3 },
  },
  {
    // Live: its two newest batches run while you watch.
    ref: ref(LIVE_AGENT_ID, 'Appointment Booking Assistant', 'Live'),
    settings: {
      language: 'en-US',
      voice: 'Bella',
      llmModel: 'gpt-4o',
      createdDate: '2026-10-15T07:45:10.220Z',
    },
    domain: DOMAINS.appointments,
    history: { count: 22, newestAt: '2026-11-02T15:20:00.000Z', meanGapMinutes: 840 },
    testCasesPerBatch: ONE_TO_FIVE,
    live: true,
  },
  {
    // Large: 52,340 batches every ten minutes or so over a year, for pagination at scale.
    ref: ref(LARGE_AGENT_ID, 'Collections Reminder Line', 'active'),
    settings: {
      language: 'en-US',
      voice: 'Adam',
      llmModel: 'claude-sonnet-4-5',
      createdDate: '2025-11-20T13:00:00.000Z',
    },
    domain: DOMAINS.collections,
    history: { count: 52_340, newestAt: '2026-11-27T21:41:09.000Z', meanGapMinutes: 10 },
    testCasesPerBatch: ONE_TO_FIVE,
  },
  {
    // Long content: 8–10 test cases per batch and personas of about 2,000 characters.
    ref: ref(LONG_CONTENT_AGENT_ID, 'Insurance Claims Intake', 'Testing'),
    settings: {
      language: 'en-US',
      voice: 'Antoni',
      llmModel: 'gpt-4o',
      createdDate: '2026-10-12T10:30:00.000Z',
    },
    domain: DOMAINS.insurance,
    history: { count: 36, newestAt: '2026-11-20T16:05:00.000Z', meanGapMinutes: 1200 },
    testCasesPerBatch: [8, 10],
    longPersonas: true,
  },
  {
    // Exactly one batch run.
    ref: ref(ONE_BATCH_AGENT_ID, 'Restaurant Reservations', 'active'),
    settings: {
      language: 'en-US',
      voice: 'Bella',
      llmModel: 'gemini-2.5-flash',
      createdDate: '2026-10-10T17:22:48.913Z',
    },
    domain: DOMAINS.restaurant,
    history: { count: 1, newestAt: '2026-10-14T18:03:27.410Z', meanGapMinutes: 60 },
    testCasesPerBatch: ONE_TO_FIVE,
  },
  {
    // No batch runs yet: a draft copy nobody has tested.
    ref: ref(EMPTY_AGENT_ID, 'Table Reservations v2 (draft)', 'Testing'),
    settings: {
      language: 'en-US',
      voice: 'Rachel',
      llmModel: 'gpt-4o-mini',
      createdDate: '2026-11-25T08:03:55.671Z',
    },
    domain: DOMAINS.restaurant,
    history: { count: 0, newestAt: '2026-11-25T08:03:55.671Z', meanGapMinutes: 60 },
    testCasesPerBatch: ONE_TO_FIVE,
  },
  {
    ref: ref('agent_T5cNy8GwRa1ZeKm3v', 'Internet Tech Support', 'Live'),
    settings: {
      language: 'en-US',
      voice: 'Adam',
      llmModel: 'gpt-4o-mini',
      createdDate: '2026-09-01T12:00:00.000Z',
    },
    domain: DOMAINS.techSupport,
    history: { count: 230, newestAt: '2026-11-26T09:30:00.000Z', meanGapMinutes: 420 },
    testCasesPerBatch: ONE_TO_FIVE,
  },
  {
    ref: ref('agent_C9hVd4XsLp7QjFt2b', 'Collections Reminder Line (ES)', 'Testing'),
    settings: {
      language: 'es-US',
      voice: 'Lucia',
      llmModel: 'gemini-2.5-flash',
      createdDate: '2026-10-28T14:41:02.385Z',
    },
    domain: DOMAINS.collections,
    history: { count: 18, newestAt: '2026-11-24T11:00:00.000Z', meanGapMinutes: 1800 },
    testCasesPerBatch: ONE_TO_FIVE,
  },
];

const byId = new Map(AGENTS.map((agent) => [agent.ref.agentId, agent]));

export function findAgent(agentId: string): AgentDefinition | undefined {
  return byId.get(agentId);
}

/**
 * An agent as `GET /v1/agents` lists it, settings included. `webhookSecret` is fake but shaped
 * like a real secret, so the dashboard can prove it never shows what it receives.
 */
export function agentListing(agent: AgentDefinition) {
  const { agentId, name, status } = agent.ref;
  return {
    agentId,
    agentName: name,
    status,
    workspaceId: WORKSPACE_ID,
    ...agent.settings,
    webhookUrl: `https://hooks.example.com/sigmamind/${agentId}`,
    webhookSecret: `whsec_sandbox_${rngFor(agentId, 'webhook-secret').base62(24)}`,
  };
}

export type AgentListing = ReturnType<typeof agentListing>;
