/**
 * Which batch runs ran one test case: those whose test cases include its `testCaseId` (a
 * batch that ran it twice is listed once, with its first copy). The same definition for the
 * browser (src/features/test-case-history/find-runs.ts) and the server's history over the
 * mirror (server/search/history.ts).
 */
import { attemptCounts, type AttemptCounts } from './batch-filters.ts';
import type { ReadBatchRun } from './read-batch-runs.ts';

/** Runs one history answer lists at most (the newest); the dialog says when there are more. */
export const HISTORY_MAX_RUNS = 1000;

export interface TestCaseRunCounts {
  batchId: string;
  createdDate: string | null;
  /** The whole batch's attempts: the API counts attempts per batch, not per test case. */
  counts: AttemptCounts;
  /** The test case as this batch ran it (it may have been edited since). */
  llmModel: string | null;
  attempt: number | null;
}

/** The batches (in their order) that ran the test case. */
export function testCaseRuns(
  batches: readonly ReadBatchRun[],
  testCaseId: string,
): TestCaseRunCounts[] {
  const runs: TestCaseRunCounts[] = [];
  for (const batch of batches) {
    const testCase = batch.testCases.find((candidate) => candidate.testCaseId === testCaseId);
    if (!testCase) continue;
    runs.push({
      batchId: batch.batchId,
      createdDate: batch.createdDate,
      counts: attemptCounts(batch),
      llmModel: testCase.llmModel,
      attempt: testCase.attempt,
    });
  }
  return runs;
}
