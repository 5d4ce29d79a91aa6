import example from '../../contract/list-batch-runs.example.json';
import type { Agent, BatchRun, BatchRunPage } from '../../contract/api-schemas';
import { pageInfo } from '../../contract/paging';

/** The documented example response, verbatim. */
export const examplePage = example;
export const exampleBatch = example.data[0] as BatchRun;

export function makeBatch(index: number, overrides: Partial<BatchRun> = {}): BatchRun {
  return {
    ...exampleBatch,
    batchId: `batch_test${String(index).padStart(4, '0')}`,
    createdDate: new Date(Date.UTC(2026, 2, 26, 10) - index * 3_600_000).toISOString(),
    ...overrides,
  };
}

export function makePage(
  rows: BatchRun[],
  {
    page = 0,
    size = 20,
    totalCount = rows.length,
  }: { page?: number; size?: number; totalCount?: number } = {},
): BatchRunPage {
  return { data: rows, ...pageInfo(totalCount, { page, size }) };
}

/** The agents `GET /v1/agents` lists by default in tests (see msw-server.ts). */
export const workspaceAgents: Agent[] = [
  { agentId: 'agent_D5D0p7TUs66TTAEAx', agentName: 'New AI Agent', status: 'Live' },
  {
    agentId: 'agent_Lq8vRk2NwB4ZpTe9c',
    agentName: 'Appointment Booking Assistant',
    status: 'Live',
  },
  { agentId: 'agent_E2zJt6HqMx9UbPk4w', agentName: 'Table Reservations v2', status: 'Testing' },
];
