/**
 * The lenient reader of `GET /v1/agents` (see read-batch-runs.ts for the rules): an agent
 * needs its `agentId`; without `agentName` it is listed by its id. Apart from the batch-run
 * readers so it loads with the board, not with the first page.
 */
import type { Agent } from './api-schemas.ts';
import { fields, missingId, pageReader, type Unreadable } from './read-batch-runs.ts';

export interface ReadAgent extends Omit<Agent, 'agentName'> {
  agentName: string | null;
  repairs?: string[];
}

/** An agent needs its `agentId`; without `agentName` it is listed by its id. */
export function readAgent(sent: unknown): ReadAgent | Unreadable {
  const reason = missingId(sent, 'agentId');
  if (reason !== undefined) return { reason, sent };
  const repairs: string[] = [];
  const read = fields(sent, repairs, '');
  const status = (sent as Record<string, unknown>).status;
  if (status != null && typeof status !== 'string') repairs.push('status');
  return {
    agentId: (sent as Record<string, unknown>).agentId as string,
    agentName: read.text('agentName'),
    ...(typeof status === 'string' && { status }),
    repairs,
  };
}

export const agentPageReader = pageReader(readAgent);
