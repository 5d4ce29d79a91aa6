/**
 * What differs between two batches' test cases, in one short line: the cause offered when a
 * batch drops 10+ points (batch-health.ts), on the agent page's headline and the board card.
 * Test cases are matched by testCaseId, as the comparison does (batch-diff.ts).
 */
import type { ReadBatchRun, ReadTestCase } from '../../contract/read-batch-runs';
import { diffBatches, type FieldChange, type TestCaseChange } from './batch-diff';
import { plural } from './format';

const name = (testCase: ReadTestCase) => testCase.label || testCase.testCaseId || 'unnamed';

/** "Booking change" for one, "3" for more: "criteria tightened on Booking change". */
function on(changes: readonly TestCaseChange[]): string {
  const [only] = changes;
  return changes.length === 1 && only ? name(only.after) : String(changes.length);
}

/** Names at most three: "(A, B, C and 2 more)". */
function listed(what: string, cases: readonly ReadTestCase[]): string {
  const names = cases.slice(0, 3).map(name).join(', ');
  const more = cases.length > 3 ? ` and ${cases.length - 3} more` : '';
  return `${plural(cases.length, 'test case', 'test cases')} ${what} (${names}${more})`;
}

type Kind = FieldChange['field'];

function having(changed: readonly TestCaseChange[], field: Kind) {
  return changed.filter((change) => change.changes.some((c) => c.field === field));
}

function fieldOf(
  change: TestCaseChange,
  field: Kind,
): { before: string | number | null; after: string | number | null } {
  const found = change.changes.find((c) => c.field === field);
  return found && 'before' in found ? found : { before: null, after: null };
}

/** Same before → after, grouped: "model gpt-4o → gpt-4.1 on 3". */
function transitions(
  changed: readonly TestCaseChange[],
  field: 'llmModel' | 'attempt',
  noun: string,
) {
  const groups = new Map<string, TestCaseChange[]>();
  for (const change of having(changed, field)) {
    const c = fieldOf(change, field);
    const key = `${String(c.before ?? '—')} → ${String(c.after ?? '—')}`;
    groups.set(key, [...(groups.get(key) ?? []), change]);
  }
  return [...groups].map(([key, group]) => `${noun} ${key} on ${on(group)}`);
}

function criteria(changed: readonly TestCaseChange[]): string[] {
  const all = having(changed, 'successCriteria');
  const tightened = all.filter((change) => {
    const { before, after } = fieldOf(change, 'successCriteria');
    return (
      typeof before === 'string' &&
      typeof after === 'string' &&
      after.length > before.length &&
      after.startsWith(before)
    );
  });
  const other = all.filter((change) => !tightened.includes(change));
  return [
    ...(tightened.length ? [`criteria tightened on ${on(tightened)}`] : []),
    ...(other.length ? [`criteria changed on ${on(other)}`] : []),
  ];
}

/** The line for `before` → `after` (older first, as the comparison takes them). */
export function describeChanges(before: ReadBatchRun, after: ReadBatchRun): string {
  const diff = diffBatches(before, after);
  const { changed } = diff;
  const parts = [
    ...(diff.added.length ? [listed('added', diff.added)] : []),
    ...(diff.removed.length ? [listed('removed', diff.removed)] : []),
    ...(having(changed, 'label').length ? [`renamed on ${on(having(changed, 'label'))}`] : []),
    ...(having(changed, 'userPrompt').length
      ? [`persona changed on ${on(having(changed, 'userPrompt'))}`]
      : []),
    ...criteria(changed),
    ...(having(changed, 'mockData').length
      ? [`mock data changed on ${on(having(changed, 'mockData'))}`]
      : []),
    ...transitions(changed, 'llmModel', 'model'),
    ...transitions(changed, 'attempt', 'attempts'),
  ];
  if (parts.length > 0) return parts.join(' · ');
  const count = after.testCases.length;
  return `same ${plural(count, 'test case', 'test cases')}, same settings: the agent itself changed or the run varied`;
}
