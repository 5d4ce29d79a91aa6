/**
 * Schemas for the SigmaMind API responses the dashboard reads (see API.md beside this file).
 * Types are inferred from them; both the app (src/) and the sandbox (server/) import them from here,
 * so both sides speak the same contract. Extra fields are tolerated (z.object strips them).
 */
import * as z from 'zod/mini';

/** A list the API may send as null or leave out: read as empty. */
function listOrEmpty<T extends z.ZodMiniType>(item: T) {
  return z.pipe(
    z.optional(z.nullable(z.array(item))),
    z.transform((list): z.infer<T>[] => list ?? []),
  );
}

export const agentRefSchema = z.object({
  name: z.string(),
  agentId: z.string(),
  status: z.string(),
});

export const mockDataSchema = z.object({
  variableName: z.string(),
  value: z.string(),
});

export const testCaseSchema = z.object({
  testCaseId: z.string(),
  label: z.string(),
  agent: agentRefSchema,
  workspaceId: z.string(),
  llmModel: z.string(),
  mockData: listOrEmpty(mockDataSchema),
  userPrompt: z.string(),
  attempt: z.number().check(z.int(), z.nonnegative()),
  successCriteria: z.string(),
});

const count = z.number().check(z.int(), z.nonnegative());

export const batchRunSchema = z.object({
  batchId: z.string(),
  workspaceId: z.string(),
  agent: agentRefSchema,
  createdDate: z.iso.datetime({ offset: true }),
  testCases: listOrEmpty(testCaseSchema),
  successfulAttempts: count,
  failedAttempts: count,
  totalAttempts: count,
});

function pageSchema<T extends z.ZodMiniType>(item: T) {
  return z.object({
    data: z.array(item),
    page: count,
    size: count,
    totalCount: count,
    totalPages: count,
    hasNext: z.boolean(),
    hasPrevious: z.boolean(),
  });
}

export const batchRunPageSchema = pageSchema(batchRunSchema);

/** The page wrapper alone, strict; its items are read one by one (read-batch-runs.ts). */
export const pageEnvelopeSchema = pageSchema(z.unknown());

/** An agent as `GET /v1/agents` lists it: `agentName`, not `name`. Settings (some secret) are dropped. */
export const agentSchema = z.object({
  agentId: z.string(),
  agentName: z.string(),
  status: z.optional(z.string()),
});

export const agentPageSchema = pageSchema(agentSchema);

/** The one documented error body. */
export const apiErrorBodySchema = z.object({
  error: z.optional(z.string()),
  message: z.optional(z.string()),
  path: z.optional(z.string()),
  status: z.optional(z.number()),
  timestamp: z.optional(z.string()),
});

export type AgentRef = z.infer<typeof agentRefSchema>;
export type MockData = z.infer<typeof mockDataSchema>;
export type TestCase = z.infer<typeof testCaseSchema>;
export type BatchRun = z.infer<typeof batchRunSchema>;
export type BatchRunPage = z.infer<typeof batchRunPageSchema>;
export type Agent = z.infer<typeof agentSchema>;
export type AgentPage = z.infer<typeof agentPageSchema>;
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;
