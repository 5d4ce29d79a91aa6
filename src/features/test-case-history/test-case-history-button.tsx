import { lazy, useState } from 'react';
import type { ReadBatchRunPage, ReadTestCase } from '../../../contract/read-batch-runs';
import { Button } from '../../components/ui/button';
import { LazyBoundary } from '../../components/ui/lazy-boundary';
import type { PageFetcher } from '../../lib/page-walker';

// Loaded when a history is first opened; the list does not pay for it.
const TestCaseHistory = lazy(() =>
  import('./test-case-history').then((module) => ({ default: module.TestCaseHistory })),
);

/** "History" on a test case card: the agent's batch runs that ran this test case. */
export function TestCaseHistoryButton({
  agentId,
  testCase,
  fetchPage,
  onOpenBatch,
}: {
  agentId: string;
  testCase: ReadTestCase;
  /** Reads one page of this agent's batch runs (through the shared cache). */
  fetchPage: PageFetcher<ReadBatchRunPage>;
  onOpenBatch: (batchId: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const { testCaseId } = testCase;
  // Without its id a test case cannot be looked for in other batches.
  if (testCaseId === null) return null;
  const name = testCase.label || testCaseId;
  return (
    <>
      <Button
        size="xs"
        aria-haspopup="dialog"
        aria-label={`History of test case ${name}`}
        onClick={() => setOpen(true)}
      >
        History
      </Button>
      {open && (
        <LazyBoundary what="the history">
          <TestCaseHistory
            agentId={agentId}
            testCaseId={testCaseId}
            label={testCase.label ?? ''}
            fetchPage={fetchPage}
            onOpenBatch={onOpenBatch}
            onClose={() => setOpen(false)}
          />
        </LazyBoundary>
      )}
    </>
  );
}
