/**
 * Query factory for the agents feature: the workspace's agents (every page of
 * `GET /v1/agents`) and, per agent, the latest batch runs its board card summarises.
 * The agent reader keeps only id, name and status: secret settings never reach the app; an
 * agent without `agentId` cannot be opened and is left out.
 */
import { queryOptions } from '@tanstack/react-query';
import { agentPageReader, type ReadAgent } from '../../../../contract/read-agents';
import { apiGet } from '../../../lib/api-client';
import { fetchBatchRunsPage } from '../../../lib/batch-runs-api';
import { createLimit } from '../../../lib/concurrency-limit';

/** The page size asked of `GET /v1/agents`; the API's largest. */
export const AGENTS_PAGE_SIZE = 100;
/** A guard against an API whose `hasNext` never turns false: 100 pages of 100 agents. */
const MAX_AGENT_PAGES = 100;
/** Batches a board card summarises: the latest one, and the trend of these. */
export const CARD_BATCHES = 10;
/** The board asks for every card again this often while it is visible (not in a hidden tab). */
export const BOARD_REFRESH_MS = 30_000;
/** Board cards fetch this many at a time, so a large workspace does not flood the API. */
export const CARD_CONCURRENCY = 4;

const cardLimit = createLimit(CARD_CONCURRENCY);

/** Walks the pages through the wrapper until the server says there is no next one. */
export async function fetchAllAgents(signal?: AbortSignal): Promise<ReadAgent[]> {
  const agents: ReadAgent[] = [];
  for (let page = 0; page < MAX_AGENT_PAGES; page += 1) {
    const result = await apiGet('/v1/agents', agentPageReader, {
      params: { page, size: AGENTS_PAGE_SIZE },
      signal,
    });
    agents.push(...result.data);
    if (!result.hasNext || result.data.length === 0) break;
  }
  return agents;
}

/** The agent's newest batch runs: the first page (1-based) of CARD_BATCHES. */
export function fetchLatestBatchRuns(agentId: string, signal?: AbortSignal) {
  return fetchBatchRunsPage({ agentId, page: 1, size: CARD_BATCHES }, signal);
}

export const agentsQueries = {
  all: () => ['agents'] as const,
  list: () =>
    queryOptions({
      queryKey: [...agentsQueries.all(), 'list'] as const,
      queryFn: ({ signal }) => fetchAllAgents(signal),
      staleTime: 5 * 60_000,
    }),
  cards: () => [...agentsQueries.all(), 'card'] as const,
  card: (agentId: string) =>
    queryOptions({
      queryKey: [...agentsQueries.cards(), { agentId }] as const,
      queryFn: ({ signal }) => cardLimit(() => fetchLatestBatchRuns(agentId, signal), signal),
      // Fresh until the next refresh: a card shown after the board's first answers (see
      // use-board-order.ts) reads them instead of asking again.
      staleTime: BOARD_REFRESH_MS,
      refetchInterval: BOARD_REFRESH_MS,
      refetchIntervalInBackground: false,
    }),
};
