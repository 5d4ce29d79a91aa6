/** The batch runs that ran one test case, reduced to what the history shows. */
import { testCaseRuns, type TestCaseRunCounts } from '../../../contract/test-case-runs';
import type { ReadBatchRun } from '../../../contract/read-batch-runs';
import { withInconsistencies, type AttemptSummary } from '../../lib/attempts';

export interface TestCaseRun extends Omit<TestCaseRunCounts, 'counts'> {
  /** The whole batch's attempts: the API counts attempts per batch, not per test case. */
  summary: AttemptSummary;
}

/** One run as the history shows it: the counts with what disagrees in them. */
export function toTestCaseRun({ counts, ...run }: TestCaseRunCounts): TestCaseRun {
  return { ...run, summary: withInconsistencies(counts) };
}

/** The batches that ran the test case (contract/test-case-runs.ts says which). */
export function findRuns(batches: readonly ReadBatchRun[], testCaseId: string): TestCaseRun[] {
  return testCaseRuns(batches, testCaseId).map(toTestCaseRun);
}
