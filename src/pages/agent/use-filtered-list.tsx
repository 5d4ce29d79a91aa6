/**
 * The list under a filter: the server's search (filters feature) answers the page of matches
 * the URL asks for, and the list (batch-runs feature) shows it instead of a page of the API.
 * Undefined without a filter.
 */
import { useMemo } from 'react';
import type { ReadBatchRunPage as BatchRunPage } from '../../../contract/read-batch-runs';
import type { FilteredList } from '../../features/batch-runs/batch-runs-view';
import { fetchSearchPage } from '../../features/filters/api/search-api';
import { NoMatches, SearchStatus } from '../../features/filters/search-status';
import { useFilterSearch } from '../../features/filters/use-filter-search';
import { WALK_PAGE_SIZE, type PageFetcher } from '../../lib/page-walker';
import { viewerTimeZone } from '../../lib/render-context';
import type { Filters } from '../../lib/view/view';
import type { NewestMatchesSource } from './newest-estimate';

/** How long the export lets the server finish its search of the agent before each page. */
const EXPORT_WAIT_MS = 10_000;

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
