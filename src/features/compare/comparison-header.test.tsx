import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { exampleBatch, makeBatch } from '../../test/fixtures';
import { ComparisonHeader } from './comparison-header';
import { diffBatches } from '../../lib/batch-diff';

const base = exampleBatch.testCases[0]!;
const testCase = (id: string, label: string) => ({ ...base, testCaseId: id, label });

function header(older: ReturnType<typeof makeBatch>, newer: ReturnType<typeof makeBatch>) {
  const diff = diffBatches(older, newer);
  render(
    <ComparisonHeader
      older={older}
      newer={newer}
      points={diff.passRatePoints}
      shared={diff.changed.length + diff.unchanged.length}
      added={diff.added}
      removed={diff.removed}
      onOpenBatch={() => undefined}
    />,
  );
  return screen.getByTestId('comparison-headline');
}

describe('ComparisonHeader', () => {
  it('stands on the shared test cases and names the added and removed ones first', () => {
    const older = makeBatch(1, {
      testCases: [testCase('tc_a', 'Refund'), testCase('tc_b', 'Cancel')],
      successfulAttempts: 0,
      failedAttempts: 2,
      totalAttempts: 2,
    });
    const newer = makeBatch(0, {
      testCases: [testCase('tc_a', 'Refund'), testCase('tc_c', 'Upgrade')],
      successfulAttempts: 2,
      failedAttempts: 0,
      totalAttempts: 2,
    });
    const headline = header(older, newer);
    expect(headline).toHaveTextContent('On 1 shared test case');
    expect(headline).toHaveTextContent('Added: Upgrade');
    expect(headline).toHaveTextContent('Removed: Cancel');
    expect(headline.textContent.indexOf('Added')).toBeLessThan(
      headline.textContent.indexOf('points'),
    );
    expect(headline).toHaveTextContent('pass rate up');
  });

  it('claims no up or down when the batches share no test case', () => {
    const older = makeBatch(1, {
      testCases: [testCase('tc_a', 'Refund')],
      successfulAttempts: 0,
      failedAttempts: 1,
      totalAttempts: 1,
    });
    const newer = makeBatch(0, {
      testCases: [testCase('tc_b', 'Cancel')],
      successfulAttempts: 1,
      failedAttempts: 0,
      totalAttempts: 1,
    });
    const headline = header(older, newer);
    expect(headline).toHaveTextContent('No test case in common');
    expect(headline).not.toHaveTextContent(/pass rate (up|down)/);
    expect(headline).toHaveTextContent('not a like-for-like change');
  });
});
