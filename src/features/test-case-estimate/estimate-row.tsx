import type { ReactNode } from 'react';
import type { ReadTestCase } from '../../../contract/read-batch-runs';
import { formatPercent, plural } from '../../lib/format';
import type { TestCaseEstimate } from '../../lib/test-case-estimate';

/** One test case of the ranked list: its estimate and interval, or who it can't be told from. */
export function EstimateRow({
  estimate,
  used,
  historyAction,
}: {
  estimate: TestCaseEstimate;
  used: number;
  historyAction: (testCase: ReadTestCase) => ReactNode;
}) {
  const { testCase, rate, sameAs, batches } = estimate;
  const name = testCase.label || estimate.testCaseId;
  return (
    <li className="flex flex-wrap items-baseline gap-x-3 gap-y-1 py-2" data-testid="estimate-row">
      <span className="min-w-0 font-medium break-words">{name}</span>
      {rate ? (
        <span className="text-sm tabular-nums">
          <span className="font-semibold">about {formatPercent(rate.estimate)}</span>{' '}
          <span className="text-slate-700 dark:text-slate-300">
            (likely {formatPercent(rate.low)}–{formatPercent(rate.high)})
          </span>
        </span>
      ) : (
        <span className="text-sm text-slate-700 dark:text-slate-300">
          can’t be told apart from {sameAs.join(', ')}: they always ran together
        </span>
      )}
      <span className="text-sm text-slate-700 dark:text-slate-300">
        in {formatBatches(batches, used)}
      </span>
      <span className="ml-auto">{historyAction(testCase)}</span>
    </li>
  );
}

function formatBatches(batches: number, used: number): string {
  return `${batches} of ${plural(used, 'batch', 'batches')}`;
}
