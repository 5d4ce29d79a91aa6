import { lazy, useState } from 'react';
import { LazyBoundary } from '../../components/ui/lazy-boundary';
import type { TestCase } from '../../../contract/api-schemas';
import { useView } from '../../lib/view/use-view';
import { usePageFetcher } from './api/use-page-fetcher';

// Loaded when a history is first opened; the list does not pay for it.
const TestCaseHistory = lazy(() =>
  import('../test-case-history/test-case-history').then((module) => ({
    default: module.TestCaseHistory,
  })),
);

/** "History" on a test case card: the agent's batch runs that ran this test case. */
export function TestCaseHistoryButton({
  agentId,
  testCase,
}: {
  agentId: string;
  testCase: TestCase;
}) {
  const [open, setOpen] = useState(false);
  const fetchPage = usePageFetcher(agentId);
  const { setBatch } = useView();
  const name = testCase.label || testCase.testCaseId;
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        aria-label={`History of test case ${name}`}
        onClick={() => setOpen(true)}
        className="rounded-md border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-800 dark:hover:bg-slate-700"
      >
        History
      </button>
      {open && (
        <LazyBoundary what="the history">
          <TestCaseHistory
            agentId={agentId}
            testCaseId={testCase.testCaseId}
            label={testCase.label}
            fetchPage={fetchPage}
            onOpenBatch={setBatch}
            onClose={() => setOpen(false)}
          />
        </LazyBoundary>
      )}
    </>
  );
}
