import { useId } from 'react';
import { NotGiven } from '../../components/ui/not-given';
import { plural } from '../../lib/format';
import type { FieldChange, TestCaseChange } from '../../lib/batch-diff';
import { TextChange } from './text-change';

const FIELD_NAMES: Record<FieldChange['field'], string> = {
  label: 'Label',
  llmModel: 'Model',
  attempt: 'Attempts',
  userPrompt: 'Persona (user prompt)',
  successCriteria: 'Success criteria',
  mockData: 'Mock data',
};

/** Each test case both batches ran differently, field by field. */
export function TestCaseChanges({ changes }: { changes: TestCaseChange[] }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="mb-2 text-base font-semibold">
        Changed{' '}
        <span className="font-normal text-slate-600 dark:text-slate-400">({changes.length})</span>
      </h2>
      {changes.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          No test case that both batches ran was changed.
        </p>
      ) : (
        <ul className="space-y-3">
          {changes.map((change, index) => (
            <li key={`${change.testCaseId}-${index}`}>
              <ChangedTestCase change={change} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ChangedTestCase({ change }: { change: TestCaseChange }) {
  const label = change.after.label || change.before.label;
  return (
    <article className="rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-950">
      <header className="mb-3 flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h3 className="min-w-0 font-semibold break-words [overflow-wrap:anywhere]">
          {label || <span className="italic">Untitled test case</span>}
        </h3>
        <span className="text-xs text-slate-600 dark:text-slate-400">
          <code className="font-mono">{change.testCaseId}</code> ·{' '}
          {plural(change.changes.length, 'field', 'fields')} changed
        </span>
      </header>
      <div className="space-y-3">
        {change.changes.map((fieldChange) => (
          <FieldChangeView key={fieldChange.field} change={fieldChange} />
        ))}
      </div>
    </article>
  );
}

function FieldChangeView({ change }: { change: FieldChange }) {
  const name = FIELD_NAMES[change.field];
  if (
    (change.field === 'userPrompt' || change.field === 'successCriteria') &&
    change.before !== null &&
    change.after !== null
  ) {
    return <TextChange name={name} before={change.before} after={change.after} />;
  }
  if (change.field === 'mockData') {
    return (
      <div>
        <h4 className="mb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">
          {name}
        </h4>
        <ul className="space-y-1">
          {change.added.map((variable, index) => (
            <li key={`added-${variable.variableName}-${index}`}>
              <Tag tone="added">Added</Tag>{' '}
              <code className="font-mono">{variable.variableName}</code> ={' '}
              <Value text={variable.value} />
            </li>
          ))}
          {change.removed.map((variable, index) => (
            <li key={`removed-${variable.variableName}-${index}`}>
              <Tag tone="removed">Removed</Tag>{' '}
              <code className="font-mono">{variable.variableName}</code> ={' '}
              <Value text={variable.value} />
            </li>
          ))}
          {change.changed.map((variable, index) => (
            <li key={`changed-${variable.variableName}-${index}`}>
              <Tag tone="changed">Changed</Tag>{' '}
              <code className="font-mono">{variable.variableName}</code>:{' '}
              <OldToNew
                before={<Value text={variable.before} />}
                after={<Value text={variable.after} />}
              />
            </li>
          ))}
        </ul>
      </div>
    );
  }
  // A side not given reads "not given" (a long text, too: there is nothing to mark in it).
  const text = (value: string | number | null) => (value === null ? null : String(value));
  return (
    <p>
      <span className="font-medium">{name}</span>:{' '}
      <OldToNew
        before={<Value text={text(change.before)} mono={change.field === 'llmModel'} />}
        after={<Value text={text(change.after)} mono={change.field === 'llmModel'} />}
      />
    </p>
  );
}

/** "old → new", said as "changed from old to new". */
function OldToNew({ before, after }: { before: React.ReactNode; after: React.ReactNode }) {
  return (
    <span className="break-words [overflow-wrap:anywhere]">
      <span className="sr-only">changed from </span>
      <del className="text-red-800 decoration-red-800/60 dark:text-red-300 dark:decoration-red-300/70">
        {before}
      </del>
      <span aria-hidden="true"> → </span>
      <span className="sr-only"> to </span>
      <ins className="font-medium text-emerald-800 no-underline dark:text-emerald-300">{after}</ins>
    </span>
  );
}

function Value({ text, mono = false }: { text: string | null; mono?: boolean }) {
  if (text === null) return <NotGiven />;
  if (text === '') return <span className="italic">empty</span>;
  return (
    <span className={`[unicode-bidi:plaintext] ${mono ? 'font-mono text-xs' : ''}`}>
      {text.length > 300 ? `${text.slice(0, 300)}…` : text}
    </span>
  );
}

function Tag({ tone, children }: { tone: 'added' | 'removed' | 'changed'; children: string }) {
  const tones = {
    added: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100',
    removed: 'bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100',
    changed: 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100',
  };
  return (
    <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${tones[tone]}`}>{children}</span>
  );
}
