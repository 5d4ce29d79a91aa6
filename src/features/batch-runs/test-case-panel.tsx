import type { ReadTestCase } from '../../../contract/read-batch-runs';
import { LongText } from '../../components/ui/long-text';
import { Given, NotGiven } from '../../components/ui/not-given';
import { plural, shorten } from '../../lib/format';

/** A control a test case card offers beside its id (the page fills in "History"). */
export type TestCaseAction = (testCase: ReadTestCase) => React.ReactNode;

/** What a batch tested: one card per test case, every field of it readable. */
export function TestCasePanel({
  testCases,
  action,
}: {
  testCases: ReadTestCase[];
  action?: TestCaseAction;
}) {
  if (testCases.length === 0) {
    return (
      <p className="p-4 text-sm text-slate-600 dark:text-slate-400">
        This batch ran no test cases.
      </p>
    );
  }
  return (
    <ul className="grid gap-3 p-3 lg:grid-cols-2">
      {testCases.map((testCase, index) => (
        <li key={`${testCase.testCaseId}-${index}`}>
          <TestCaseCard testCase={testCase} action={action} />
        </li>
      ))}
    </ul>
  );
}

/** Longer labels are cut in the heading and readable whole below it. */
const LABEL_CHARS = 160;

function TestCaseCard({ testCase, action }: { testCase: ReadTestCase; action?: TestCaseAction }) {
  const label = testCase.label === null ? null : shorten(testCase.label, LABEL_CHARS);
  return (
    <article className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm dark:border-slate-700 dark:bg-slate-900">
      <header className="mb-3 flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
        <h3 className="min-w-0 font-semibold break-words [overflow-wrap:anywhere]">
          {label || (
            <span className="text-slate-600 italic dark:text-slate-400">
              {label === null ? 'Label not given' : 'Untitled test case'}
            </span>
          )}
        </h3>
        <span className="flex items-baseline gap-2">
          <code className="font-mono text-xs text-slate-600 dark:text-slate-400">
            {testCase.testCaseId ?? 'id not given'}
          </code>
          {action?.(testCase)}
        </span>
      </header>
      {testCase.label !== null && label !== testCase.label && <FullLabel label={testCase.label} />}
      <dl className="mb-3 flex flex-wrap gap-x-6 gap-y-1">
        <div className="flex gap-1">
          <dt className="text-slate-600 dark:text-slate-400">Model</dt>
          <dd className="font-mono text-xs leading-5">
            <Given text={testCase.llmModel} />
          </dd>
        </div>
        <div className="flex gap-1">
          <dt className="text-slate-600 dark:text-slate-400">Attempts</dt>
          <dd className="tabular-nums">
            <Given text={testCase.attempt} />
          </dd>
        </div>
      </dl>
      <section aria-label="Persona" className="mb-3">
        <h4 className="mb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">
          Persona (user prompt)
        </h4>
        <OptionalLongText text={testCase.userPrompt} what="persona" />
      </section>
      <section aria-label="Success criteria" className="mb-3">
        <h4 className="mb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">
          Success criteria
        </h4>
        <OptionalLongText text={testCase.successCriteria} what="success criteria" />
      </section>
      <section aria-label="Mock data">
        <h4 className="mb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">
          Mock data{' '}
          {testCase.mockData.length > 0 &&
            `(${plural(testCase.mockData.length, 'variable', 'variables')})`}
        </h4>
        {testCase.mockData.length === 0 ? (
          <p className="text-slate-600 dark:text-slate-400">No mock data</p>
        ) : (
          <table className="w-full table-fixed border-collapse text-left text-xs">
            <thead>
              <tr className="border-b border-slate-200 dark:border-slate-700">
                <th scope="col" className="w-2/5 py-1 pr-2 font-medium">
                  Variable
                </th>
                <th scope="col" className="py-1 font-medium">
                  Value
                </th>
              </tr>
            </thead>
            <tbody>
              {testCase.mockData.map((variable, index) => (
                <tr
                  key={`${variable.variableName}-${index}`}
                  className="border-b border-slate-100 last:border-0 dark:border-slate-800"
                >
                  <td className="py-1 pr-2 font-mono break-words [overflow-wrap:anywhere]">
                    <Given text={variable.variableName} />
                  </td>
                  <td className="py-1 break-words [overflow-wrap:anywhere]">
                    <OptionalLongText text={variable.value} what="value" limit={200} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </article>
  );
}

/** A label too long for a heading (it is cut there) can still be read whole. */
function FullLabel({ label }: { label: string }) {
  return (
    <details className="mb-3">
      <summary className="cursor-pointer text-xs font-medium text-indigo-700 underline hover:text-indigo-900 dark:text-indigo-300 dark:hover:text-indigo-100">
        Show the whole label ({plural(label.length, 'character', 'characters')})
      </summary>
      <p className="mt-1 whitespace-pre-wrap [overflow-wrap:anywhere] [unicode-bidi:plaintext]">
        {label}
      </p>
    </details>
  );
}

/** Long text as sent, or "not given" when there was none. */
function OptionalLongText({
  text,
  ...rest
}: { text: string | null } & Omit<React.ComponentProps<typeof LongText>, 'text'>) {
  return text === null ? <NotGiven /> : <LongText text={text} {...rest} />;
}
