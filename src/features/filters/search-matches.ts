/**
 * Finds an agent's batch runs that match the filters by walking its pages (the one page
 * walker, through the query cache, 4 requests in flight), newest first. Only the matches are
 * kept. With `since`, the walk stops at the first batch older than that day, as long as the
 * dates have come newest-first; once one is out of order every page is searched.
 */
import {
  dateMs,
  type ReadBatchRun as BatchRun,
  type ReadBatchRunPage as BatchRunPage,
} from '../../../contract/read-batch-runs';
import { batchMatcher, dayStartMs } from '../../lib/batch-filters';
import { walkPages, type PageFetcher } from '../../lib/page-walker';
import type { Filters } from '../../lib/view/view';

export interface SearchProgress {
  /** Batch runs looked at so far. */
  searched: number;
  /** Batch runs the agent has in all. */
  totalCount: number;
  matches: number;
  /** The dates were not newest-first: every page is searched. */
  outOfOrder: boolean;
  /** Stopped at a batch older than `since` (the rest are older still). */
  stoppedEarly: boolean;
}

/** Thrown from the walker's page callback to end the walk early; never escapes. */
class PastSince extends Error {}

export async function searchMatches({
  fetchPage,
  filters,
  signal,
  onMatches,
}: {
  fetchPage: PageFetcher<BatchRunPage>;
  filters: Filters;
  signal?: AbortSignal;
  /** Called once per page in list order, with that page's matches and the progress. */
  onMatches: (matches: BatchRun[], progress: SearchProgress) => void;
}): Promise<SearchProgress> {
  const matches = batchMatcher(filters);
  const sinceMs = filters.since ? dayStartMs(filters.since) : null;
  const progress: SearchProgress = {
    searched: 0,
    totalCount: 0,
    matches: 0,
    outOfOrder: false,
    stoppedEarly: false,
  };
  let previousMs = Infinity;
  try {
    await walkPages({
      fetchPage,
      signal,
      onPage: (page) => {
        progress.totalCount = page.totalCount;
        const found: BatchRun[] = [];
        for (const batch of page.data) {
          const createdMs = dateMs(batch.createdDate);
          if (createdMs > previousMs) progress.outOfOrder = true;
          // A date that does not read says nothing about the order.
          if (!Number.isNaN(createdMs)) previousMs = createdMs;
          if (sinceMs !== null && createdMs < sinceMs && !progress.outOfOrder) {
            progress.stoppedEarly = true;
            break;
          }
          progress.searched += 1;
          if (matches(batch)) found.push(batch);
        }
        progress.matches += found.length;
        onMatches(found, { ...progress });
        if (progress.stoppedEarly) throw new PastSince('past since');
      },
    });
  } catch (error) {
    if (!(error instanceof PastSince)) throw error;
  }
  return progress;
}
