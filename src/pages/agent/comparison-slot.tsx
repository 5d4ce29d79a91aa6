import { useQueries } from '@tanstack/react-query';
import { lazy } from 'react';
import { LazyBoundary } from '../../components/ui/lazy-boundary';
import { batchRunsQueries } from '../../features/batch-runs/api/batch-runs-queries';

// Loaded when a comparison is first opened; the list does not pay for it.
const BatchComparison = lazy(() =>
  import('../../features/compare/batch-comparison').then((module) => ({
    default: module.BatchComparison,
  })),
);

/**
 * The comparison named in the URL (`compare=a,b`). Both batches are requested here, through
 * the batch-runs query options and the shared cache, while the comparison's code loads.
 */
export function ComparisonSlot({
  agentId,
  ids,
  onClose,
  onOpenBatch,
}: {
  agentId: string;
  ids: readonly [string, string];
  onClose: () => void;
  /** Leaves the comparison for one of the two batch runs. */
  onOpenBatch: (batchId: string) => void;
}) {
  const results = useQueries({
    queries: ids.map((batchId) => batchRunsQueries.detail(agentId, batchId)),
  });
  return (
    <LazyBoundary what="the comparison">
      <BatchComparison
        agentId={agentId}
        ids={ids}
        results={results}
        onClose={onClose}
        onOpenBatch={onOpenBatch}
      />
    </LazyBoundary>
  );
}
