/**
 * The search of the filters in the URL, answered by the server (search-queries.ts): the page of
 * matches the URL asks for, how many match and how much was searched. It asks again while the
 * server is still reading the agent; Stop ends that, keeping what was found.
 */
import { skipToken, useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { ReadBatchRun as BatchRun } from '../../../contract/read-batch-runs';
import { viewerTimeZone } from '../../lib/render-context';
import type { Filters } from '../../lib/view/view';
import { searchQueries } from './api/search-queries';
import type { SearchAnswer } from './api/search-api';

export type SearchStatus = 'searching' | 'done' | 'stopped' | 'failed';

export interface SearchProgress {
  /** Batch runs looked at so far. */
  searched: number;
  /** Batch runs the agent has in all. */
  totalCount: number;
}

export interface FilterSearch {
  /** The matches on the page asked for. */
  rows: BatchRun[];
  /** Matches found so far. */
  matchCount: number;
  answer: SearchAnswer | undefined;
  progress: SearchProgress | null;
  status: SearchStatus;
  error: Error | null;
  /** The answer for this page has not arrived yet (what is shown is the page before). */
  loading: boolean;
  stop: () => void;
}

const NO_ROWS: BatchRun[] = [];

export function useFilterSearch({
  agentId,
  filters,
  page,
  size,
}: {
  agentId: string;
  filters: Filters | undefined;
  page: number;
  size: number;
}): FilterSearch | null {
  const search = JSON.stringify([agentId, filters ?? null]);
  const [stopped, setStopped] = useState<string | null>(null);
  const isStopped = stopped === search;
  const tz = viewerTimeZone();
  const options = searchQueries.page({ agentId, filters: filters!, tz, page, size });
  const query = useQuery({
    ...options,
    // Without a filter there is nothing to search (and nothing for a server render to ask).
    queryFn: filters ? options.queryFn : skipToken,
    ...(isStopped ? { refetchInterval: false } : {}),
  });
  const stop = useCallback(() => setStopped(search), [search]);
  if (!filters) return null;
  const answer = query.data;
  const complete = answer?.coverage.complete ?? false;
  const status: SearchStatus =
    query.isError && !complete ? 'failed' : complete ? 'done' : isStopped ? 'stopped' : 'searching';
  return {
    rows: answer?.data ?? NO_ROWS,
    matchCount: answer?.totalCount ?? 0,
    answer,
    progress: answer
      ? { searched: answer.coverage.searched, totalCount: answer.coverage.of }
      : null,
    status,
    error: query.error,
    loading: query.isPending || query.isPlaceholderData,
    stop,
  };
}
