/**
 * The one fetcher of the dashboard's own search, `GET /api/agents/{agentId}/batch-runs`
 * (server/search/routes.ts): a page of the matches (the API's page wrapper, each batch run read
 * on its own like a page of /v1/batch-runs), the counts and chart points over every match, and
 * how much of the agent the server has searched. 1-based page here, zero-based on the wire.
 */
import * as z from 'zod/mini';
import { pageEnvelopeSchema } from '../../../../contract/api-schemas';
import { readBatchRun, readItems } from '../../../../contract/read-batch-runs';
import { apiGet } from '../../../lib/api-client';
import { serverWait } from '../../../lib/render-context';
import { toApiPage, type Filters } from '../../../lib/view/view';

/** How long the server may hold a browser's request for the search to complete. */
export const BROWSER_WAIT_MS = 500;

const nullableNumber = z.nullable(z.number());

export const searchAnswerReader = z.pipe(
  z.extend(pageEnvelopeSchema, {
    summary: z.object({
      failed: z.number(),
      passed: z.number(),
      unfinished: z.number(),
      succeeded: z.number(),
      failedAttempts: z.number(),
      finished: z.number(),
      pending: z.number(),
      passRate: nullableNumber,
    }),
    chart: z.array(
      z.object({
        batchId: z.string(),
        createdDate: z.nullable(z.string()),
        fromDate: z.nullable(z.string()),
        batches: z.number(),
        unfinished: z.number(),
        succeeded: z.number(),
        finished: z.number(),
        passRate: nullableNumber,
      }),
    ),
    coverage: z.object({ searched: z.number(), of: z.number(), complete: z.boolean() }),
  }),
  z.transform((answer) => ({ ...answer, ...readItems(answer.data, readBatchRun) })),
);

export type SearchAnswer = z.infer<typeof searchAnswerReader>;

export interface SearchParams {
  agentId: string;
  filters: Filters;
  /** The viewer's time zone: the days of `since`/`until` are its days. */
  tz: string;
  /** 1-based, as the URL shows it. */
  page: number;
  size: number;
}

/** The filters as query parameters; none left out. */
function filterParams(filters: Filters) {
  return {
    outcome: filters.outcome ?? undefined,
    since: filters.since ?? undefined,
    until: filters.until ?? undefined,
    q: filters.q ?? undefined,
    rate: filters.rate ?? undefined,
  };
}

export function fetchSearchPage(
  { agentId, filters, tz, page, size }: SearchParams,
  signal?: AbortSignal,
  waitMs?: number,
) {
  // On the server, the render's remaining budget; in the browser, a short hold (it asks again).
  const wait = waitMs ?? serverWait(BROWSER_WAIT_MS);
  return apiGet(`/api/agents/${encodeURIComponent(agentId)}/batch-runs`, searchAnswerReader, {
    params: { ...filterParams(filters), tz, page: toApiPage(page), size, wait },
    signal,
  });
}
