/**
 * Runs the search of the filters in the URL and keeps its matches: a new filter (or agent)
 * cancels the search before it and starts over; Stop ends it keeping what was found. The
 * matches live in one array that only grows, so a search of 52,340 batch runs re-renders once
 * per page without copying what it found before.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type {
  ReadBatchRun as BatchRun,
  ReadBatchRunPage as BatchRunPage,
} from '../../../contract/read-batch-runs';
import type { PageFetcher } from '../../lib/page-walker';
import type { Filters } from '../../lib/view/view';
import { searchMatches, type SearchProgress } from './search-matches';

export type SearchStatus = 'searching' | 'done' | 'stopped' | 'failed';

export interface FilterSearch {
  matches: readonly BatchRun[];
  progress: SearchProgress | null;
  status: SearchStatus;
  error: Error | null;
  stop: () => void;
}

interface State {
  key: string;
  matches: BatchRun[];
  progress: SearchProgress | null;
  status: SearchStatus;
  error: Error | null;
}

const STOPPED = 'stopped by the user';

export function useFilterSearch(
  fetchPage: PageFetcher<BatchRunPage>,
  filters: Filters | undefined,
): FilterSearch | null {
  const key = filters ? JSON.stringify(filters) : '';
  const [state, setState] = useState<State | null>(null);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    if (!key) return;
    const search = new AbortController();
    controller.current = search;
    const matches: BatchRun[] = [];
    // Every update writes the whole state of this search: an older one can never leak in.
    let latest: SearchProgress | null = null;
    const update = (changes: Partial<State>) =>
      setState({
        key,
        matches,
        progress: latest,
        status: 'searching',
        error: null,
        ...changes,
      });
    searchMatches({
      fetchPage,
      filters: JSON.parse(key) as Filters,
      signal: search.signal,
      onMatches: (found, progress) => {
        matches.push(...found);
        latest = progress;
        update({});
      },
    }).then(
      (progress) => {
        latest = progress;
        update({ status: 'done' });
      },
      (error: unknown) => {
        if (search.signal.aborted && search.signal.reason !== STOPPED) return; // superseded
        update(
          search.signal.reason === STOPPED
            ? { status: 'stopped' }
            : {
                status: 'failed',
                error: error instanceof Error ? error : new Error(String(error)),
              },
        );
      },
    );
    return () => search.abort();
  }, [key, fetchPage]);

  const stop = useCallback(() => controller.current?.abort(STOPPED), []);
  if (!key) return null;
  const current =
    state?.key === key
      ? state
      : { matches: [], progress: null, status: 'searching' as const, error: null };
  return { ...current, stop };
}
