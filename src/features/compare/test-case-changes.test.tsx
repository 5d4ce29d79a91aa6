import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { exampleBatch, makeBatch } from '../../test/fixtures';
import { diffBatches } from '../../lib/batch-diff';
import { TestCaseChanges } from './test-case-changes';

describe('TestCaseChanges with fields not given', () => {
  it('says "not given" for a side the API did not send, never "null"', () => {
    const testCase = exampleBatch.testCases[0]!;
    const before = makeBatch(0, { testCases: [testCase] });
    const after = {
      ...makeBatch(1),
      testCases: [{ ...testCase, llmModel: null, userPrompt: null, attempt: null }],
    };
    render(<TestCaseChanges changes={diffBatches(before, after).changed} />);
    expect(screen.getAllByText('not given')).toHaveLength(3);
    expect(screen.queryByText('null')).not.toBeInTheDocument();
    expect(screen.getByText(testCase.userPrompt)).toBeInTheDocument();
  });
});
