import { useQueries } from '@tanstack/react-query';
import { lazy } from 'react';
import { LazyBoundary } from '../../components/ui/lazy-boundary';
import { useView } from '../../lib/view/use-view';
import { batchRunsQueries } from './api/batch-runs-queries';

// Loaded when a comparison is first opened; the list does not pay for it.
const BatchComparison = lazy(() =>
  import('../compare/batch-comparison').then((module) => ({ default: module.BatchComparison })),
);

/**
 * The comparison named in the URL (`compare=a,b`). Both batches are requested here, through
 * this feature's query options and the shared cache, while the comparison's code loads.
 */
export function ComparisonSlot({
  agentId,
  ids,
  onClose,
}: {
  agentId: string;
  ids: readonly [string, string];
  onClose: () => void;
}) {
  const { setCompare, setBatch } = useView();
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
        onOpenBatch={(batchId) => {
          // One history entry: the comparison closes and the batch opens.
          setCompare(null);
          setBatch(batchId);
        }}
      />
    </LazyBoundary>
  );
}
