/**
 * The agent's newest batch runs, whatever page the list shows: the first page (at the list's
 * size, so on page 1 it is the very same query), refreshed on the slow cycle while the page is
 * open and visible and on the fast one while a batch runs (see live-refresh.ts). It feeds the
 * headline, and counts the batch runs that started since the reader left page 1.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { agentHealth } from '../../lib/batch-health';
import { useNow } from '../../lib/use-now';
import { batchRunsQueries } from './api/batch-runs-queries';

export function useLatestBatches({
  agentId,
  page,
  size,
  source,
}: {
  agentId: string;
  page: number;
  size: number;
  /** Under a filter, from the dashboard's server, like the matches (batch-runs-api.ts). */
  source?: 'mirror';
}) {
  const query = useQuery(batchRunsQueries.list({ agentId, page: 1, size, source }));
  const now = useNow();
  const total = query.isPlaceholderData ? undefined : query.data?.totalCount;

  // The count seen when the reader was last on page 1 (or arrived); more since are new.
  const [seen, setSeen] = useState<number | undefined>(total);
  if (total !== undefined && (seen === undefined || page === 1) && seen !== total) {
    setSeen(total);
  }
  const newRuns = page !== 1 && total !== undefined && seen !== undefined ? total - seen : 0;

  return {
    query,
    health: query.data ? agentHealth(query.data.data, now) : undefined,
    newRuns: Math.max(0, newRuns),
  };
}

export type LatestBatches = ReturnType<typeof useLatestBatches>;
