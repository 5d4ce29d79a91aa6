import { SuccessBar } from '../../components/ui/success-bar';
import type { BatchRun } from '../../../contract/api-schemas';
import { formatPassRate, summarizeAttempts } from '../../lib/attempts';
import { formatCount, formatDateTime, formatRelative, plural } from '../../lib/format';
import { viewHref } from '../../lib/view/view';
import { formatPoints } from './diff-batches';
import { AppLink } from '../../components/ui/app-link';

/** Both batches (id, date, bar, pass rate) and the pass-rate difference between them. */
export function ComparisonHeader({
  older,
  newer,
  points,
  onOpenBatch,
}: {
  older: BatchRun;
  newer: BatchRun;
  points: number | null;
  /** Opens one batch run in the view (a plain click on its id). */
  onOpenBatch: (batchId: string) => void;
}) {
  const tone =
    points === null || points === 0
      ? 'text-slate-800 dark:text-slate-200'
      : points > 0
        ? 'text-emerald-800 dark:text-emerald-300'
        : 'text-red-800 dark:text-red-300';
  const direction =
    points === null || points === 0 ? '' : points > 0 ? 'pass rate up' : 'pass rate down';
  return (
    <div className="grid items-stretch gap-3 md:grid-cols-[1fr_auto_1fr]">
      <BatchCard kind="Older batch" batch={older} onOpen={onOpenBatch} />
      <div className="flex flex-col items-center justify-center rounded-lg border border-slate-200 bg-white px-4 py-3 text-center dark:border-slate-800 dark:bg-slate-950">
        <p className="text-xs tracking-wide text-slate-600 uppercase dark:text-slate-400">
          Pass rate
        </p>
        <p className={`text-2xl font-semibold tabular-nums ${tone}`}>{formatPoints(points)}</p>
        {direction && <p className={`text-xs ${tone}`}>{direction}</p>}
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
  batch: BatchRun;
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
        <time dateTime={batch.createdDate}>{formatDateTime(batch.createdDate)}</time>{' '}
        <span className="text-slate-600 dark:text-slate-400">
          ({formatRelative(batch.createdDate)})
        </span>
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
