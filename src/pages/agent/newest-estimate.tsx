import { skipToken, useQuery } from '@tanstack/react-query';
import { useDeferredValue } from 'react';
import type { ReadBatchRun } from '../../../contract/read-batch-runs';
import { batchRunsQueries } from '../../features/batch-runs/api/batch-runs-queries';
import { searchQueries } from '../../features/filters/api/search-queries';
import { WALK_PAGE_SIZE } from '../../lib/page-walker';
import { currentServerRender, viewerTimeZone } from '../../lib/render-context';
import { NO_FILTERS, type Filters } from '../../lib/view/view';

const NONE: readonly ReadBatchRun[] = [];

/**
 * The agent's newest page of 100 for the likely-failing estimate (one request; the same query
 * a filter's walk starts with), asked once `enabled`: the estimate does not follow the live
 * refresh. The answer arrives deferred: a query's update is a blocking render
 * (useSyncExternalStore), so what renders the estimate waits for a time-sliced one.
 */
export function useNewestBatches(
  agentId: string,
  enabled: boolean,
): readonly ReadBatchRun[] | undefined {
  const newest = useQuery({
    ...batchRunsQueries.list({ agentId, page: 1, size: WALK_PAGE_SIZE }),
    refetchInterval: false,
    enabled,
  });
  const batches = enabled && !newest.isPlaceholderData ? newest.data?.data : undefined;
  return useDeferredValue(batches);
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
): readonly ReadBatchRun[] | undefined {
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
