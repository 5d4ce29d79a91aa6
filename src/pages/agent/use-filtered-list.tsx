/**
 * The list under a filter: the server's search (filters feature) answers the page of matches
 * the URL asks for, and the list (batch-runs feature) shows it instead of a page of the API.
 * Undefined without a filter.
 */
import { skipToken, useQuery } from '@tanstack/react-query';
import { useDeferredValue, useMemo } from 'react';
import type {
  ReadBatchRun as BatchRun,
  ReadBatchRunPage as BatchRunPage,
} from '../../../contract/read-batch-runs';
import type { FilteredList } from '../../features/batch-runs/batch-runs-view';
import { fetchSearchPage } from '../../features/filters/api/search-api';
import { searchQueries } from '../../features/filters/api/search-queries';
import { NoMatches, SearchStatus } from '../../features/filters/search-status';
import { useFilterSearch } from '../../features/filters/use-filter-search';
import { WALK_PAGE_SIZE, type PageFetcher } from '../../lib/page-walker';
import { currentServerRender, viewerTimeZone } from '../../lib/render-context';
import { NO_FILTERS, type Filters } from '../../lib/view/view';

/** How long the export lets the server finish its search of the agent before each page. */
const EXPORT_WAIT_MS = 10_000;
const NONE: readonly BatchRun[] = [];

export function useFilteredList({
  agentId,
  filters,
  page,
  size,
  onFiltersChange,
}: {
  agentId: string;
  filters: Filters | undefined;
  page: number;
  size: number;
  onFiltersChange: (changes: Partial<Filters>) => void;
}):
  | {
      filtered: FilteredList;
      /** The matches as pages of 100, from the server (the export reads every one). */
      matchPages: PageFetcher<BatchRunPage>;
      /** What the estimate reads its newest matches from (useNewestMatches). */
      newest: NewestMatchesSource;
    }
  | undefined {
  const search = useFilterSearch({ agentId, filters, page, size });
  const tz = viewerTimeZone();
  const matchPages = useMemo<PageFetcher<BatchRunPage>>(
    () => (number, signal) =>
      fetchSearchPage(
        { agentId, filters: filters!, tz, page: number, size: WALK_PAGE_SIZE },
        signal,
        EXPORT_WAIT_MS,
      ),
    [agentId, filters, tz],
  );
  if (!search || !filters) return undefined;
  return {
    filtered: {
      rows: search.rows,
      matchCount: search.matchCount,
      growing: search.status === 'searching' || search.loading,
      status: <SearchStatus search={search} />,
      empty: <NoMatches search={search} filters={filters} onChange={onFiltersChange} />,
      summary: search.answer,
    },
    matchPages,
    newest: { agentId, filters, ended: search.status !== 'searching' },
  };
}

/** A filtered view's search, as the estimate of its newest matches needs it. */
export interface NewestMatchesSource {
  agentId: string;
  filters: Filters;
  /** The search has ended (the newest 100 are asked only then). */
  ended: boolean;
}

/**
 * The newest matches (up to 100) for the likely-failing estimate, asked once the search has
 * ended; none before; undefined without a filter. Asked where the estimate renders, and
 * deferred, so that their answer re-renders that section in a time-sliced render: a query's
 * update is a blocking render (useSyncExternalStore), and asked by the page it re-rendered the
 * whole page in one 14 ms task on a phone's filtered link.
 */
export function useNewestMatches(
  source: NewestMatchesSource | undefined,
): readonly BatchRun[] | undefined {
  const options = searchQueries.page({
    // Without a filter the query is disabled (the unfiltered estimate asks for its own).
    agentId: source?.agentId ?? '',
    filters: source?.filters ?? NO_FILTERS,
    tz: viewerTimeZone(),
    page: 1,
    size: WALK_PAGE_SIZE,
  });
  const newest = useQuery({
    ...options,
    // In the browser only: a server render spends its budget on the page of matches (the
    // hydrating render has no estimate either, then asks).
    queryFn: source?.ended && !currentServerRender() ? options.queryFn : skipToken,
    refetchInterval: false,
  });
  const matches = source
    ? (source.ended && !newest.isPlaceholderData && newest.data?.data) || NONE
    : undefined;
  return useDeferredValue(matches);
}
