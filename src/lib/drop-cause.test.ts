import { describe, expect, it } from 'vitest';
import type { BatchRun, TestCase } from '../../contract/api-schemas';
import { exampleBatch, makeBatch } from '../test/fixtures';
import { agentHealth } from './batch-health';
import { describeChanges } from './drop-cause';

const base = exampleBatch.testCases[0]!;

function testCase(id: string, overrides: Partial<TestCase> = {}): TestCase {
  return { ...base, testCaseId: id, label: `Case ${id}`, ...overrides };
}

/** Each test case runs 2 attempts; `succeeded` of them pass. */
function batch(index: number, testCases: TestCase[], succeeded: number): BatchRun {
  const total = 2 * testCases.length;
  return makeBatch(index, {
    testCases: testCases.map((tc) => ({ ...tc, attempt: 2 })),
    successfulAttempts: succeeded,
    failedAttempts: total - succeeded,
    totalAttempts: total,
  });
}

describe('describeChanges', () => {
  it('names added and removed test cases, tightened criteria and model switches', () => {
    const before = batch(
      1,
      [
        testCase('a', { llmModel: 'gpt-4o' }),
        testCase('b', { llmModel: 'gpt-4o' }),
        testCase('c'),
        testCase('gone', { label: 'Old flow' }),
      ],
      8,
    );
    const after = batch(
      0,
      [
        testCase('a', { llmModel: 'gpt-4.1' }),
        testCase('b', { llmModel: 'gpt-4.1' }),
        testCase('c', { successCriteria: `${base.successCriteria} Also confirm the number.` }),
        testCase('new1', { label: 'Refund over limit' }),
        testCase('new2', { label: 'Angry caller' }),
      ],
      2,
    );
    expect(describeChanges(before, after)).toBe(
      '2 test cases added (Refund over limit, Angry caller) · 1 test case removed (Old flow) · ' +
        'criteria tightened on Case c · model gpt-4o → gpt-4.1 on 2',
    );
  });

  it('names persona, mock data and attempt changes', () => {
    const before = makeBatch(1, { testCases: [testCase('a', { attempt: 3 }), testCase('b')] });
    const after = makeBatch(0, {
      testCases: [
        testCase('a', { attempt: 5, userPrompt: 'Someone else' }),
        testCase('b', { mockData: [] }),
      ],
    });
    expect(describeChanges(before, after)).toBe(
      'persona changed on Case a · mock data changed on Case b · attempts 3 → 5 on Case a',
    );
  });

  it('says so when nothing changed in the test cases', () => {
    const cases = [testCase('a'), testCase('b')];
    expect(describeChanges(batch(1, cases, 4), batch(0, cases, 1))).toBe(
      'same 2 test cases, same settings: the agent itself changed or the run varied',
    );
  });
});

describe('agentHealth on a drop', () => {
  it('gives the cause in the attention reason, and none without a drop', () => {
    const cases = [testCase('a')];
    const dropped = agentHealth([batch(0, cases, 1), batch(1, cases, 2)]);
    expect(dropped.dropCause).toBe(
      'same 1 test case, same settings: the agent itself changed or the run varied',
    );
    expect(dropped.reasons).toContain(
      'Dropped 50 points against the previous batch: same 1 test case, same settings: the agent itself changed or the run varied',
    );
    expect(agentHealth([batch(0, cases, 2), batch(1, cases, 2)]).dropCause).toBeNull();
  });
});

describe('describeChanges with many test cases', () => {
  it('names at most three', () => {
    const before = batch(
      1,
      ['a', 'b', 'c', 'd', 'e'].map((id) => testCase(id)),
      10,
    );
    const after = batch(0, [testCase('z')], 1);
    expect(describeChanges(before, after)).toBe(
      '1 test case added (Case z) · 5 test cases removed (Case a, Case b, Case c and 2 more)',
    );
  });
});
