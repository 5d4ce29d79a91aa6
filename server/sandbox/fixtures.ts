/**
 * The documented example batch (`contract/list-batch-runs.example.json`, `data[0]`),
 * verbatim: the sandbox serves it as the newest batch of the example agent so the dashboard can
 * be checked against the documentation field for field (batch-runs.test.ts compares the two).
 */
import type { AgentRef, BatchRun } from '../../contract/api-schemas.ts';

export const EXAMPLE_WORKSPACE_ID = 'org_V6eZ2zg8ziDx5pft';

export const EXAMPLE_AGENT: AgentRef = {
  name: 'New AI Agent',
  agentId: 'agent_D5D0p7TUs66TTAEAx',
  status: 'Live',
};

export const EXAMPLE_BATCH: BatchRun = {
  batchId: 'batch_s0OJu2JWR8R45Fai',
  workspaceId: EXAMPLE_WORKSPACE_ID,
  agent: EXAMPLE_AGENT,
  createdDate: '2026-03-26T10:52:45.565Z',
  testCases: [
    {
      testCaseId: 'tc_d17T6uReChpyfFeP',
      label: 'Angry Customer - Cancellation Flow',
      agent: EXAMPLE_AGENT,
      workspaceId: EXAMPLE_WORKSPACE_ID,
      llmModel: 'gpt-4o-mini',
      mockData: [
        { variableName: 'customer_name', value: 'John Doe' },
        { variableName: 'account_status', value: 'active' },
      ],
      userPrompt: 'You are an angry customer who wants to cancel your subscription.',
      attempt: 5,
      successCriteria:
        'The agent should acknowledge the cancellation request, present retention alternatives, and confirm the cancellation if the customer insists.',
    },
  ],
  successfulAttempts: 4,
  failedAttempts: 1,
  totalAttempts: 5,
};
