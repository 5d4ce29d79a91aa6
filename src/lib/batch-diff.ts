/**
 * What changed between two batch runs: the pass rate, and the test cases added, removed and
 * changed (matched by testCaseId), down to the field and the mock-data variable. Pure, so
 * the comparison view only lays it out.
 */
import type { ReadBatchRun, ReadMockData, ReadTestCase } from '../../contract/read-batch-runs';
import { summarizeAttempts } from './attempts';

/** The text fields compared word for word, in the order they are shown. */
export const TEXT_FIELDS = ['label', 'llmModel', 'userPrompt', 'successCriteria'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export type FieldChange =
  | { field: TextField; before: string | null; after: string | null }
  | { field: 'attempt'; before: number | null; after: number | null }
  | {
      field: 'mockData';
      added: ReadMockData[];
      removed: ReadMockData[];
      changed: { variableName: string | null; before: string | null; after: string | null }[];
    };

export interface TestCaseChange {
  testCaseId: string | null;
  before: ReadTestCase;
  after: ReadTestCase;
  changes: FieldChange[];
}

export interface BatchDiff {
  /**
   * Pass-rate difference in percentage points (after − before), computed from the rounded
   * percentages each batch shows so the numbers on screen add up; null when either batch has
   * no finished attempt.
   */
  passRatePoints: number | null;
  added: ReadTestCase[];
  removed: ReadTestCase[];
  changed: TestCaseChange[];
  unchanged: ReadTestCase[];
}

/**
 * Pairs the items of two lists by key, in order. A key that appears twice in one list (the API
 * does not promise uniqueness) pairs with the second occurrence in the other list; whatever
 * finds no partner is only before or only after.
 */
function pairBy<T>(
  before: readonly T[],
  after: readonly T[],
  key: (item: T) => string | null,
): { pairs: [T, T][]; onlyBefore: T[]; onlyAfter: T[] } {
  const remaining = new Map<string | null, T[]>();
  for (const item of after) {
    const list = remaining.get(key(item));
    if (list) list.push(item);
    else remaining.set(key(item), [item]);
  }
  const pairs: [T, T][] = [];
  const onlyBefore: T[] = [];
  for (const item of before) {
    const partner = remaining.get(key(item))?.shift();
    if (partner === undefined) onlyBefore.push(item);
    else pairs.push([item, partner]);
  }
  const paired = new Set(pairs.map(([, partner]) => partner));
  const onlyAfter = after.filter((item) => !paired.has(item));
  return { pairs, onlyBefore, onlyAfter };
}

export function diffMockData(
  before: readonly ReadMockData[],
  after: readonly ReadMockData[],
): Extract<FieldChange, { field: 'mockData' }> | null {
  const { pairs, onlyBefore, onlyAfter } = pairBy(before, after, (v) => v.variableName);
  const changed = pairs
    .filter(([a, b]) => a.value !== b.value)
    .map(([a, b]) => ({ variableName: a.variableName, before: a.value, after: b.value }));
  if (changed.length === 0 && onlyBefore.length === 0 && onlyAfter.length === 0) return null;
  return { field: 'mockData', added: onlyAfter, removed: onlyBefore, changed };
}

export function diffTestCase(before: ReadTestCase, after: ReadTestCase): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of TEXT_FIELDS) {
    if (before[field] !== after[field]) {
      changes.push({ field, before: before[field], after: after[field] });
    }
  }
  if (before.attempt !== after.attempt) {
    changes.push({ field: 'attempt', before: before.attempt, after: after.attempt });
  }
  const mockData = diffMockData(before.mockData, after.mockData);
  if (mockData) changes.push(mockData);
  return changes;
}

/** Percentage points between two pass rates as shown (rounded to whole percents). */
export function passRatePoints(before: ReadBatchRun, after: ReadBatchRun): number | null {
  const a = summarizeAttempts(before).passRate;
  const b = summarizeAttempts(after).passRate;
  if (a === null || b === null) return null;
  return Math.round(b * 100) - Math.round(a * 100);
}

/** "+12 points", "−3 points" (a real minus sign), "+1 point", "no change (0 points)". */
export function formatPoints(points: number | null): string {
  if (points === null) return 'no pass rate to compare';
  if (points === 0) return 'no change (0 points)';
  const unit = Math.abs(points) === 1 ? 'point' : 'points';
  return `${points > 0 ? '+' : '−'}${Math.abs(points)} ${unit}`;
}

/** Compares `before` with `after` (the comparison view passes the older batch first). */
export function diffBatches(before: ReadBatchRun, after: ReadBatchRun): BatchDiff {
  const { pairs, onlyBefore, onlyAfter } = pairBy(
    before.testCases,
    after.testCases,
    (testCase) => testCase.testCaseId,
  );
  const changed: TestCaseChange[] = [];
  const unchanged: ReadTestCase[] = [];
  for (const [a, b] of pairs) {
    const changes = diffTestCase(a, b);
    if (changes.length === 0) unchanged.push(b);
    else changed.push({ testCaseId: b.testCaseId, before: a, after: b, changes });
  }
  return {
    passRatePoints: passRatePoints(before, after),
    added: onlyAfter,
    removed: onlyBefore,
    changed,
    unchanged,
  };
}

export interface TextDifference {
  /** Text both versions start with. */
  prefix: string;
  /** What only the older version has between prefix and suffix. */
  before: string;
  /** What only the newer version has there. */
  after: string;
  /** Text both versions end with. */
  suffix: string;
}

/**
 * Where two texts differ: their common start and end, and the part in between on each side.
 * Enough to point at an added sentence or a changed word in a 2,000-character persona
 * without a full diff algorithm. Never splits a surrogate pair (emoji stay whole).
 */
export function textDifference(before: string, after: string): TextDifference {
  const a = Array.from(before);
  const b = Array.from(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let end = 0;
  while (
    end < a.length - start &&
    end < b.length - start &&
    a[a.length - 1 - end] === b[b.length - 1 - end]
  ) {
    end += 1;
  }
  return {
    prefix: a.slice(0, start).join(''),
    before: a.slice(start, a.length - end).join(''),
    after: b.slice(start, b.length - end).join(''),
    suffix: a.slice(a.length - end).join(''),
  };
}
