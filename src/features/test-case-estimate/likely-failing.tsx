import type { ReactNode } from 'react';
import type { ReadBatchRun, ReadTestCase } from '../../../contract/read-batch-runs';
import { plural } from '../../lib/format';
import { ESTIMATE_BATCHES } from '../../lib/test-case-estimate';
import { EstimateRow } from './estimate-row';
import { useEstimates } from './use-estimates';

const SHOWN = 5;
const panelClass =
  'rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900';

/**
 * Which test cases most likely fail, estimated from batch totals over the newest finished
 * batches the page hands over (the agent's, or a filter's matches), lowest first.
 */
export function LikelyFailing({
  batches,
  version,
  filtered,
  historyAction,
}: {
  batches: readonly ReadBatchRun[] | undefined;
  version: number;
  filtered: boolean;
  historyAction: (testCase: ReadTestCase) => ReactNode;
}) {
  const estimates = useEstimates(batches, version);
  const over = filtered ? 'matching finished batches' : 'finished batches';
  return (
    <section aria-labelledby="likely-failing-heading" className={`${panelClass} space-y-2`}>
      <h2 id="likely-failing-heading" className="text-base font-semibold">
        Likely failing test cases
      </h2>
      {estimates && estimates.ranked.length === 0 ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          No finished batch with complete counts to estimate from yet.
        </p>
      ) : estimates ? (
        <>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            Estimated over the newest {plural(estimates.used, over.replace(/es$/, ''), over)}
            {estimates.used < ESTIMATE_BATCHES && ` (all there are, up to ${ESTIMATE_BATCHES})`}
            {estimates.leftOut > 0 &&
              `; ${plural(estimates.leftOut, 'batch', 'batches')} without complete counts left out`}
            . These are estimates from batch totals: the API reports successes per batch, not per
            test case.
          </p>
          <ol className="divide-y divide-slate-200 dark:divide-slate-800">
            {estimates.ranked.slice(0, SHOWN).map((estimate) => (
              <EstimateRow
                key={estimate.testCaseId}
                estimate={estimate}
                used={estimates.used}
                historyAction={historyAction}
              />
            ))}
          </ol>
          <details className="text-sm text-slate-700 dark:text-slate-300">
            <summary className="cursor-pointer">How this is estimated</summary>
            <p className="mt-1">
              Each batch’s successful attempts are taken as the sum, over its test cases, of
              attempts × that test case’s pass rate. The rates are fitted between 0 % and 100 % by
              weighted least squares (coordinate descent within the bounds), and the range comes
              from refitting on the batches resampled 200 times (a 99 % bootstrap interval, never
              narrower than the test case’s own attempts allow). Test cases that always ran in the
              same batches cannot be separated, so they get no number.
            </p>
          </details>
        </>
      ) : (
        // Until the estimate is in (it is asked for after hydration), the section holds about
        // the room five rows take, so the list below does not jump (Lighthouse CLS 0.108).
        <p className="min-h-64 text-sm text-slate-700 dark:text-slate-300">Estimating…</p>
      )}
    </section>
  );
}
