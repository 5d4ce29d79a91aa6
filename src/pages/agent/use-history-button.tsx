import { useCallback } from 'react';
import type { ReadTestCase, ReadBatchRunPage } from '../../../contract/read-batch-runs';
import { TestCaseHistoryButton } from '../../features/test-case-history/test-case-history-button';
import type { PageFetcher } from '../../lib/page-walker';

/**
 * Each test case's "History" action. Stable, so the list's memoised rows are not redrawn by
 * every render of the page.
 */
export function useHistoryButton(
  agentId: string,
  fetchPage: PageFetcher<ReadBatchRunPage>,
  onOpenBatch: (batchId: string) => void,
) {
  return useCallback(
    (testCase: ReadTestCase) => (
      <TestCaseHistoryButton
        agentId={agentId}
        testCase={testCase}
        fetchPage={fetchPage}
        onOpenBatch={onOpenBatch}
      />
    ),
    [agentId, fetchPage, onOpenBatch],
  );
}
