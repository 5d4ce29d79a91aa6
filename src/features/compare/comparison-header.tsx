import { SuccessBar } from '../../components/ui/success-bar';
import type { ReadBatchRun, ReadTestCase } from '../../../contract/read-batch-runs';
import { formatPassRate, summarizeAttempts } from '../../lib/attempts';
import { formatCount, plural } from '../../lib/format';
import { DateTime } from '../../components/ui/date-time';
import { viewHref } from '../../lib/view/view';
import { formatPoints } from '../../lib/batch-diff';
import { AppLink } from '../../components/ui/app-link';

const names = (testCases: readonly ReadTestCase[]) =>
  testCases.map((testCase) => testCase.label || testCase.testCaseId).join(', ');

/**
 * Both batches (id, date, bar, pass rate) and, between them, what the comparison stands on:
 * the test cases they share, those added and removed named first, then the difference of
 * the batches' pass rates. The API counts attempts per batch, not per test case, so with no
 * shared test case there is no "up" or "down" to claim.
 */
export function ComparisonHeader({
  older,
  newer,
  points,
  shared,
  added,
  removed,
  onOpenBatch,
}: {
  older: ReadBatchRun;
  newer: ReadBatchRun;
  points: number | null;
  /** Test cases (by id) in both batches. */
  shared: number;
  added: readonly ReadTestCase[];
  removed: readonly ReadTestCase[];
  /** Opens one batch run in the view (a plain click on its id). */
  onOpenBatch: (batchId: string) => void;
}) {
  const comparable = shared > 0 && points !== null;
  const tone =
    !comparable || points === 0
      ? 'text-slate-800 dark:text-slate-200'
      : points > 0
        ? 'text-emerald-800 dark:text-emerald-300'
        : 'text-red-800 dark:text-red-300';
  const direction =
    !comparable || points === 0 ? '' : points > 0 ? 'pass rate up' : 'pass rate down';
  return (
    <div className="grid items-stretch gap-3 md:grid-cols-[1fr_minmax(0,16rem)_1fr]">
      <BatchCard kind="Older batch" batch={older} onOpen={onOpenBatch} />
      <div
        data-testid="comparison-headline"
        className="flex min-w-0 flex-col items-center justify-center gap-1 rounded-lg border border-slate-200 bg-white px-4 py-3 text-center text-sm dark:border-slate-800 dark:bg-slate-950"
      >
        <p className="font-semibold">
          {shared > 0
            ? `On ${plural(shared, 'shared test case', 'shared test cases')}`
            : 'No test case in common'}
        </p>
        {added.length > 0 && (
          <p className="text-xs break-words text-slate-700 dark:text-slate-300">
            Added: <bdi>{names(added)}</bdi>
          </p>
        )}
        {removed.length > 0 && (
          <p className="text-xs break-words text-slate-700 dark:text-slate-300">
            Removed: <bdi>{names(removed)}</bdi>
          </p>
        )}
        <p className="mt-1 text-xs tracking-wide text-slate-600 uppercase dark:text-slate-400">
          Batch pass rate
        </p>
        <p className={`text-2xl font-semibold tabular-nums ${tone}`}>{formatPoints(points)}</p>
        {direction && <p className={`text-xs ${tone}`}>{direction}</p>}
        {!comparable && points !== null && (
          <p className="text-xs text-slate-600 dark:text-slate-400">
            The batches ran different test cases: not a like-for-like change.
          </p>
        )}
      </div>
      <BatchCard kind="Newer batch" batch={newer} onOpen={onOpenBatch} />
    </div>
  );
}

function BatchCard({
  kind,
  batch,
  onOpen,
}: {
  kind: string;
  batch: ReadBatchRun;
  onOpen: (batchId: string) => void;
}) {
  const summary = summarizeAttempts(batch);
  return (
    <section
      aria-label={`${kind}: ${batch.batchId}`}
      className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-950"
    >
      <h2 className="text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">
        {kind}
      </h2>
      <p className="mt-1">
        <AppLink
          href={viewHref({ agentId: batch.agent.agentId, batch: batch.batchId })}
          onNavigate={() => onOpen(batch.batchId)}
          className="font-mono text-sm break-all text-indigo-700 underline hover:text-indigo-900 dark:text-indigo-300 dark:hover:text-indigo-100"
        >
          {batch.batchId}
          <span className="sr-only"> (open this batch run)</span>
        </AppLink>
      </p>
      <p className="text-slate-700 dark:text-slate-300">
        <DateTime sent={batch.createdDate} />
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <span className="text-2xl font-semibold tabular-nums">{formatPassRate(summary)}</span>
        <SuccessBar summary={summary} showNumbers={false} />
      </div>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        {formatCount(summary.succeeded)} passed · {formatCount(summary.failed)} failed ·{' '}
        {plural(batch.testCases.length, 'test case', 'test cases')}
        {summary.isUnfinished && ' · still running'}
      </p>
    </section>
  );
}
