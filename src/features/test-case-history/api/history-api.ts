/**
 * The one fetcher of a test case's history, `GET /api/agents/{agentId}/test-cases/{testCaseId}/runs`
 * (server/search/history.ts): the newest `size` batch runs of the agent that ran the test case,
 * found over the server's mirror of every batch, with how much of the agent it has read.
 */
import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { pageEnvelopeSchema } from '../../../../contract/api-schemas';
import { apiGet } from '../../../lib/api-client';
import { toTestCaseRun } from '../find-runs';

/** How long the server may hold a request for its mirror to complete (the dialog asks again). */
export const HISTORY_WAIT_MS = 500;
/** While the server still reads the agent, the dialog asks again this often. */
export const HISTORY_POLL_MS = 500;
/** Runs shown at first, and added by "Show more". */
export const HISTORY_STEP = 50;

const count = z.number();
const nullableNumber = z.nullable(z.number());

const historyReader = z.pipe(
  z.extend(pageEnvelopeSchema, {
    data: z.array(
      z.object({
        batchId: z.string(),
        createdDate: z.nullable(z.string()),
        llmModel: z.nullable(z.string()),
        attempt: nullableNumber,
        counts: z.object({
          countsGiven: z.boolean(),
          succeeded: count,
          failed: count,
          finished: count,
          expected: count,
          pending: count,
          passRate: nullableNumber,
          isUnfinished: z.boolean(),
        }),
      }),
    ),
    coverage: z.object({ searched: count, of: count, complete: z.boolean() }),
  }),
  z.transform((answer) => ({ ...answer, runs: answer.data.map(toTestCaseRun) })),
);

export type HistoryAnswer = z.infer<typeof historyReader>;

export interface HistoryParams {
  agentId: string;
  testCaseId: string;
  /** The newest this many runs. */
  size: number;
}

export function fetchHistory({ agentId, testCaseId, size }: HistoryParams, signal?: AbortSignal) {
  const path = `/api/agents/${encodeURIComponent(agentId)}/test-cases/${encodeURIComponent(testCaseId)}/runs`;
  return apiGet(path, historyReader, {
    params: { page: 0, size, wait: HISTORY_WAIT_MS },
    signal,
  });
}

export const historyQueries = {
  all: () => ['test-case-history'] as const,
  runs: (params: HistoryParams) =>
    queryOptions({
      queryKey: [...historyQueries.all(), params] as const,
      queryFn: ({ signal }) => fetchHistory(params, signal),
      // "Show more" keeps the runs shown while the longer list arrives.
      placeholderData: (previous: HistoryAnswer | undefined, query) =>
        query?.queryKey[1].testCaseId === params.testCaseId ? previous : undefined,
      refetchInterval: (query) =>
        query.state.data?.coverage.complete === false || query.state.status === 'pending'
          ? HISTORY_POLL_MS
          : false,
      refetchIntervalInBackground: false,
    }),
};
