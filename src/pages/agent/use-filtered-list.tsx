/**
 * The list under a filter: runs the search (filters feature), slices the page of matches the
 * URL asks for and hands the list (batch-runs feature) what it shows instead of a page of the
 * API. Undefined without a filter.
 */
import { useMemo } from 'react';
import type {
  ReadBatchRun as BatchRun,
  ReadBatchRunPage as BatchRunPage,
} from '../../../contract/read-batch-runs';
import type { FilteredList } from '../../features/batch-runs/batch-runs-view';
import { matchesAsPages } from '../../features/filters/matches-as-pages';
import { NoMatches, SearchStatus } from '../../features/filters/search-status';
import { useFilterSearch } from '../../features/filters/use-filter-search';
import type { PageFetcher } from '../../lib/page-walker';
import type { Filters } from '../../lib/view/view';

export function useFilteredList({
  fetchPage,
  filters,
  page,
  size,
  onFiltersChange,
}: {
  fetchPage: PageFetcher<BatchRunPage>;
  filters: Filters | undefined;
  page: number;
  size: number;
  onFiltersChange: (changes: Partial<Filters>) => void;
}):
  | {
      filtered: FilteredList;
      matchPages: PageFetcher<BatchRunPage>;
      /** Every match found so far, newest first (an array that grows in place). */
      matches: readonly BatchRun[];
    }
  | undefined {
  const search = useFilterSearch(fetchPage, filters);
  const matches = search?.matches;
  const count = matches?.length ?? 0;
  // Sliced at each render: the array grows in place while the search runs.
  const rows: BatchRun[] = matches?.slice((page - 1) * size, page * size) ?? [];
  // Reads the array when called, so it sees every match found by then.
  const matchPages = useMemo(() => matchesAsPages(matches ?? []), [matches]);
  if (!search || !filters) return undefined;
  return {
    filtered: {
      rows,
      matchCount: count,
      growing: search.status === 'searching',
      status: <SearchStatus search={search} />,
      empty: <NoMatches search={search} filters={filters} onChange={onFiltersChange} />,
    },
    matchPages,
    matches: matches ?? [],
  };
}
