import { useCallback } from 'react';
import type { ReadTestCase } from '../../../contract/read-batch-runs';
import { TestCaseHistoryButton } from '../../features/test-case-history/test-case-history-button';

/**
 * Each test case's "History" action. Stable, so the list's memoised rows are not redrawn by
 * every render of the page.
 */
export function useHistoryButton(agentId: string, onOpenBatch: (batchId: string) => void) {
  return useCallback(
    (testCase: ReadTestCase) => (
      <TestCaseHistoryButton agentId={agentId} testCase={testCase} onOpenBatch={onOpenBatch} />
    ),
    [agentId, onOpenBatch],
  );
}
