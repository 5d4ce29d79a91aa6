import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { ReadTestCase } from '../../../contract/read-batch-runs';
import { batchRunsQueries } from '../../features/batch-runs/api/batch-runs-queries';
import { LikelyFailing } from '../../features/test-case-estimate/likely-failing';
import { WALK_PAGE_SIZE } from '../../lib/page-walker';

/**
 * The likely-failing estimate over the agent's newest page of 100 (one request; the same query
 * a filter's walk starts with), asked once: the estimate does not follow the live refresh.
 */
export function NewestEstimate({
  agentId,
  historyAction,
}: {
  agentId: string;
  historyAction: (testCase: ReadTestCase) => ReactNode;
}) {
  const newest = useQuery({
    ...batchRunsQueries.list({ agentId, page: 1, size: WALK_PAGE_SIZE }),
    refetchInterval: false,
  });
  const batches = newest.isPlaceholderData ? undefined : newest.data?.data;
  return (
    <LikelyFailing
      batches={batches}
      version={newest.dataUpdatedAt}
      filtered={false}
      historyAction={historyAction}
    />
  );
}
