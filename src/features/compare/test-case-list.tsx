import { useId } from 'react';
import type { ReadTestCase } from '../../../contract/read-batch-runs';
import { plural } from '../../lib/format';

/** Test cases only one batch ran, or that both ran the same: label, id, model and attempts. */
export function TestCaseList({
  title,
  empty,
  testCases,
}: {
  title: string;
  empty: string;
  testCases: ReadTestCase[];
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="mb-2 text-base font-semibold">
        {title}{' '}
        <span className="font-normal text-slate-600 dark:text-slate-400">({testCases.length})</span>
      </h2>
      {testCases.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{empty}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-950">
          {testCases.map((testCase, index) => (
            <li
              key={`${testCase.testCaseId}-${index}`}
              className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 px-4 py-2"
            >
              <span className="min-w-0 font-medium break-words [overflow-wrap:anywhere]">
                {testCase.label || <span className="italic">Untitled test case</span>}{' '}
                <code className="font-mono text-xs font-normal text-slate-600 dark:text-slate-400">
                  {testCase.testCaseId}
                </code>
              </span>
              <span className="text-xs text-slate-600 dark:text-slate-400">
                <span className="font-mono">{testCase.llmModel ?? 'model not given'}</span> ·{' '}
                {testCase.attempt === null
                  ? 'attempts not given'
                  : plural(testCase.attempt, 'attempt', 'attempts')}{' '}
                · {plural(testCase.mockData.length, 'variable', 'variables')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
