import { describe, expect, it } from 'vitest';
import { exampleBatch, makeBatch } from '../../test/fixtures';
import { findRuns } from './find-runs';

const testCase = exampleBatch.testCases[0]!;
const other = { ...testCase, testCaseId: 'tc_other', llmModel: 'gpt-4o', attempt: 2 };

describe('findRuns', () => {
  it('keeps the batches that ran the test case, with the batch pass rate and its version', () => {
    const batches = [
      makeBatch(0, { testCases: [testCase] }),
      makeBatch(1, { testCases: [other] }),
      makeBatch(2, { testCases: [other, { ...testCase, attempt: 3 }] }),
      makeBatch(3, { testCases: [] }),
    ];
    const runs = findRuns(batches, testCase.testCaseId);
    expect(runs.map((run) => run.batchId)).toEqual(['batch_test0000', 'batch_test0002']);
    expect(runs[0]?.summary.passRate).toBe(0.8);
    expect(runs[1]?.attempt).toBe(3);
  });

  it('lists a batch once even when it ran the test case twice', () => {
    expect(
      findRuns([makeBatch(0, { testCases: [testCase, testCase] })], testCase.testCaseId),
    ).toHaveLength(1);
  });
});
