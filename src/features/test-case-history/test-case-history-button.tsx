import { lazy, useState } from 'react';
import type { ReadTestCase } from '../../../contract/read-batch-runs';
import { Button } from '../../components/ui/button';
import { LazyBoundary } from '../../components/ui/lazy-boundary';

// Loaded when a history is first opened; the list does not pay for it.
const TestCaseHistory = lazy(() =>
  import('./test-case-history').then((module) => ({ default: module.TestCaseHistory })),
);

/** "History" on a test case card: the agent's batch runs that ran this test case. */
export function TestCaseHistoryButton({
  agentId,
  testCase,
  onOpenBatch,
}: {
  agentId: string;
  testCase: ReadTestCase;
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
            onOpenBatch={onOpenBatch}
            onClose={() => setOpen(false)}
          />
        </LazyBoundary>
      )}
    </>
  );
}
