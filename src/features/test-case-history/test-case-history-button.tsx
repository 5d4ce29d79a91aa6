import { lazy, useState } from 'react';
import type { BatchRunPage, TestCase } from '../../../contract/api-schemas';
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
  testCase: TestCase;
  /** Reads one page of this agent's batch runs (through the shared cache). */
  fetchPage: PageFetcher<BatchRunPage>;
  onOpenBatch: (batchId: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const name = testCase.label || testCase.testCaseId;
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
            testCaseId={testCase.testCaseId}
            label={testCase.label}
            fetchPage={fetchPage}
            onOpenBatch={onOpenBatch}
            onClose={() => setOpen(false)}
          />
        </LazyBoundary>
      )}
    </>
  );
}
