import { describe, expect, it } from 'vitest';
import type { BatchRun, TestCase } from '../../contract/api-schemas';
import { exampleBatch, makeBatch } from '../test/fixtures';
import {
  diffBatches,
  diffMockData,
  diffTestCase,
  formatPoints,
  passRatePoints,
  textDifference,
} from './batch-diff';

const base = exampleBatch.testCases[0]!;

function testCase(id: string, overrides: Partial<TestCase> = {}): TestCase {
  return { ...base, testCaseId: id, label: `Case ${id}`, ...overrides };
}

function batch(testCases: TestCase[], counts: [number, number] = [4, 1]): BatchRun {
  const [successfulAttempts, failedAttempts] = counts;
  return makeBatch(1, {
    testCases,
    successfulAttempts,
    failedAttempts,
    totalAttempts: successfulAttempts + failedAttempts,
  });
}

describe('diffBatches', () => {
  it('finds nothing between a batch and itself', () => {
    const b = batch([testCase('a'), testCase('b')]);
    expect(diffBatches(b, b)).toEqual({
      passRatePoints: 0,
      added: [],
      removed: [],
      changed: [],
      unchanged: b.testCases,
    });
  });

  it('lists test cases added and removed by testCaseId', () => {
    const diff = diffBatches(
      batch([testCase('a'), testCase('b')]),
      batch([testCase('b'), testCase('c')]),
    );
    expect(diff.removed.map((t) => t.testCaseId)).toEqual(['a']);
    expect(diff.added.map((t) => t.testCaseId)).toEqual(['c']);
    expect(diff.unchanged.map((t) => t.testCaseId)).toEqual(['b']);
    expect(diff.changed).toEqual([]);
  });

  it('matches by id, not by position or label', () => {
    const diff = diffBatches(
      batch([testCase('a'), testCase('b')]),
      batch([testCase('b'), testCase('a', { label: 'Renamed' })]),
    );
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toHaveLength(1);
    expect(diff.changed[0]).toMatchObject({
      testCaseId: 'a',
      changes: [{ field: 'label', before: 'Case a', after: 'Renamed' }],
    });
  });

  it('handles empty batches on either side', () => {
    expect(diffBatches(batch([]), batch([testCase('a')])).added).toHaveLength(1);
    expect(diffBatches(batch([testCase('a')]), batch([])).removed).toHaveLength(1);
    expect(diffBatches(batch([]), batch([]))).toMatchObject({
      added: [],
      removed: [],
      changed: [],
    });
  });

  it('pairs a testCaseId that appears twice with its second occurrence', () => {
    const diff = diffBatches(
      batch([testCase('a'), testCase('a', { attempt: 2 })]),
      batch([testCase('a')]),
    );
    expect(diff.unchanged).toHaveLength(1);
    expect(diff.removed).toEqual([testCase('a', { attempt: 2 })]);
  });

  it('computes the pass-rate difference in points from the shown percentages', () => {
    // 1 of 3 (33%) → 2 of 3 (67%): +34 points, as the two shown numbers say.
    expect(diffBatches(batch([], [1, 2]), batch([], [2, 1])).passRatePoints).toBe(34);
    expect(passRatePoints(batch([], [4, 1]), batch([], [3, 2]))).toBe(-20);
    expect(passRatePoints(batch([], [0, 0]), batch([], [3, 2]))).toBeNull();
  });
});

describe('diffTestCase', () => {
  it.each([
    ['userPrompt', 'A calmer persona'],
    ['successCriteria', 'Must confirm the date twice'],
    ['llmModel', 'claude-sonnet-4-5'],
    ['label', 'New label'],
  ] as const)('reports a change of %s with old and new', (field, value) => {
    expect(diffTestCase(base, { ...base, [field]: value })).toEqual([
      { field, before: base[field], after: value },
    ]);
  });

  it('reports a change of attempts', () => {
    expect(diffTestCase(base, { ...base, attempt: base.attempt + 2 })).toEqual([
      { field: 'attempt', before: base.attempt, after: base.attempt + 2 },
    ]);
  });

  it('reports several changes in a fixed order', () => {
    const changes = diffTestCase(base, {
      ...base,
      attempt: 9,
      llmModel: 'gpt-4o',
      successCriteria: 'x',
      mockData: [],
    });
    expect(changes.map((c) => c.field)).toEqual([
      'llmModel',
      'successCriteria',
      'attempt',
      'mockData',
    ]);
  });

  it('ignores fields that are not part of the test case definition', () => {
    expect(
      diffTestCase(base, {
        ...base,
        agent: { ...base.agent, status: 'Testing' },
        workspaceId: 'w',
      }),
    ).toEqual([]);
  });
});

describe('diffMockData', () => {
  const v = (variableName: string, value: string) => ({ variableName, value });

  it('is null when the variables are the same, in any order', () => {
    expect(diffMockData([v('a', '1'), v('b', '2')], [v('b', '2'), v('a', '1')])).toBeNull();
    expect(diffMockData([], [])).toBeNull();
  });

  it('lists variables added, removed and changed (old → new)', () => {
    expect(
      diffMockData([v('name', 'Ann'), v('city', 'Oslo')], [v('name', 'Bob'), v('plan', 'Pro')]),
    ).toEqual({
      field: 'mockData',
      added: [v('plan', 'Pro')],
      removed: [v('city', 'Oslo')],
      changed: [{ variableName: 'name', before: 'Ann', after: 'Bob' }],
    });
  });

  it('treats a value that becomes empty as a change, not a removal', () => {
    expect(diffMockData([v('a', 'x')], [v('a', '')])?.changed).toEqual([
      { variableName: 'a', before: 'x', after: '' },
    ]);
  });

  it('compares names exactly (case and unicode matter)', () => {
    const diff = diffMockData([v('Name', '1')], [v('name', '1')]);
    expect(diff?.added).toEqual([v('name', '1')]);
    expect(diff?.removed).toEqual([v('Name', '1')]);
    expect(diffMockData([v('café', 'ü')], [v('café', 'ü')])).toBeNull();
  });
});

describe('formatPoints', () => {
  it.each([
    [12, '+12 points'],
    [1, '+1 point'],
    [-1, '−1 point'],
    [-30, '−30 points'],
    [0, 'no change (0 points)'],
    [null, 'no pass rate to compare'],
  ])('%s → %s', (points, text) => {
    expect(formatPoints(points)).toBe(text);
  });
});

describe('textDifference', () => {
  it('finds an appended sentence', () => {
    expect(textDifference('Be polite.', 'Be polite. Confirm twice.')).toEqual({
      prefix: 'Be polite.',
      before: '',
      after: ' Confirm twice.',
      suffix: '',
    });
  });

  it('finds a changed word in the middle', () => {
    expect(textDifference('Call on Monday please', 'Call on Friday please')).toEqual({
      prefix: 'Call on ',
      before: 'Mon',
      after: 'Fri',
      suffix: 'day please',
    });
  });

  it('handles removal, identical and empty texts', () => {
    expect(textDifference('abc', '')).toEqual({ prefix: '', before: 'abc', after: '', suffix: '' });
    expect(textDifference('same', 'same')).toEqual({
      prefix: 'same',
      before: '',
      after: '',
      suffix: '',
    });
    expect(textDifference('aa', 'aaa')).toEqual({
      prefix: 'aa',
      before: '',
      after: 'a',
      suffix: '',
    });
  });

  it('keeps emoji whole', () => {
    const diff = textDifference('ok 👍🏽', 'ok 👍🏿');
    expect(diff.prefix + diff.before + diff.suffix).toBe('ok 👍🏽');
    expect(diff.prefix + diff.after + diff.suffix).toBe('ok 👍🏿');
    expect(diff.before).toBe('🏽');
  });
});

describe('diffBatches with fields not given', () => {
  it('compares null with a value as a change, and has no pass rate without counts', () => {
    const testCase = exampleBatch.testCases[0]!;
    const before = makeBatch(0, { testCases: [testCase] });
    const after = {
      ...makeBatch(1),
      successfulAttempts: null,
      testCases: [{ ...testCase, llmModel: null, attempt: null }],
    };
    const diff = diffBatches(before, after);
    expect(diff.passRatePoints).toBeNull();
    expect(diff.changed[0]?.changes).toEqual([
      { field: 'llmModel', before: testCase.llmModel, after: null },
      { field: 'attempt', before: testCase.attempt, after: null },
    ]);
  });
});
