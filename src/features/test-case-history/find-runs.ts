/** The batch runs of a page that ran one test case, reduced to what the history shows. */
import { readDateTime, type ReadBatchRun } from '../../../contract/read-batch-runs';
import { summarizeAttempts, type AttemptSummary } from '../../lib/attempts';

export interface TestCaseRun {
  batchId: string;
  createdDate: string | null;
  /** The whole batch's attempts: the API counts attempts per batch, not per test case. */
  summary: AttemptSummary;
  /** The test case as this batch ran it (it may have been edited since). */
  llmModel: string | null;
  attempt: number | null;
}

export function findRuns(batches: readonly ReadBatchRun[], testCaseId: string): TestCaseRun[] {
  const runs: TestCaseRun[] = [];
  for (const batch of batches) {
    const testCase = batch.testCases.find((candidate) => candidate.testCaseId === testCaseId);
    if (!testCase) continue;
    runs.push({
      batchId: batch.batchId,
      createdDate: batch.createdDate,
      summary: summarizeAttempts(batch),
      llmModel: testCase.llmModel,
      attempt: testCase.attempt,
    });
  }
  return runs;
}

/**
 * Adds runs found on a later page, skipping batches already listed (pages shift when new
 * batches arrive during the scan), and keeps the list newest first.
 */
export function mergeRuns(
  known: readonly TestCaseRun[],
  found: readonly TestCaseRun[],
): readonly TestCaseRun[] {
  if (found.length === 0) return known;
  const ids = new Set(known.map((run) => run.batchId));
  const merged = [...known, ...found.filter((run) => !ids.has(run.batchId))];
  const ms = (run: TestCaseRun) => readDateTime(run.createdDate).ms ?? -Infinity;
  return merged.sort((a, b) => ms(b) - ms(a));
}
