/**
 * Query factory for the dashboard's search (search-api.ts). While the server is still reading
 * the agent's batch runs (`coverage.complete` false) a page of matches is asked again every
 * POLL_MS; once complete, the first page on the list's slow cycle, so new batches show up.
 */
import { queryOptions } from '@tanstack/react-query';
import { fetchSearchPage, type SearchAnswer, type SearchParams } from './search-api';

export const POLL_MS = 500;
const SLOW_REFRESH_MS = 30_000;

/** A new page of the same search keeps showing the page before; a new search does not. */
function sameSearch(a: SearchParams, b: SearchParams): boolean {
  return (
    a.agentId === b.agentId &&
    a.tz === b.tz &&
    JSON.stringify(a.filters) === JSON.stringify(b.filters)
  );
}

export function searchRefetchInterval(
  answer: SearchAnswer | undefined,
  page: number,
): number | false {
  if (!answer || !answer.coverage.complete) return POLL_MS;
  return page === 1 ? SLOW_REFRESH_MS : false;
}

export const searchQueries = {
  all: () => ['search'] as const,
  pages: () => [...searchQueries.all(), 'page'] as const,
  page: (params: SearchParams) =>
    queryOptions({
      queryKey: [...searchQueries.pages(), params] as const,
      queryFn: ({ signal }) => fetchSearchPage(params, signal),
      placeholderData: (previous: SearchAnswer | undefined, query) => {
        const before = query?.queryKey[2];
        return before && sameSearch(before, params) ? previous : undefined;
      },
      refetchInterval: (query) => searchRefetchInterval(query.state.data, params.page),
      refetchIntervalInBackground: false,
      retryOnMount: false,
    }),
};
