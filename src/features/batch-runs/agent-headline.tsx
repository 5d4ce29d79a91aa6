import { AppLink } from '../../components/ui/app-link';
import { Button } from '../../components/ui/button';
import { CreatedTime } from '../../components/ui/created-time';
import { summarizeAttempts } from '../../lib/attempts';
import type { AgentHealth, FinishedBatch } from '../../lib/batch-health';
import { formatCount, formatPercent, plural } from '../../lib/format';
import type { ReadBatchRun } from '../../../contract/read-batch-runs';
import { DropCauseLine, type CompareLinks } from './drop-cause-line';
import type { LatestBatches } from './use-latest-batches';

const panelClass =
  'rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900';
const labelClass = 'text-xs font-medium text-slate-600 dark:text-slate-400';

export interface BatchLinks {
  /** The URL that opens a batch (`&batch=`). */
  batchHref: (batchId: string) => string;
  onOpenBatch: (batchId: string) => void;
}

/**
 * The first answer of the agent page, whatever page the list is on: the newest *finished*
 * batch (its pass rate, counts, when, a link) and how it moved against the previous finished
 * one; the running batch beside it as progress, never as a pass rate; why the agent needs
 * attention, if it does; and new batch runs that started since the reader left page 1.
 */
export function AgentHeadline({
  latest,
  onFirstPage,
  compareHref,
  onCompare,
  ...links
}: BatchLinks & CompareLinks & { latest: LatestBatches; onFirstPage: () => void }) {
  const { query, health, newRuns } = latest;
  if (query.isPending) {
    return <div aria-hidden="true" className={`${panelClass} h-36 animate-pulse`} />;
  }
  if (!health || !query.data || query.data.totalCount === 0) return null;
  return (
    <section aria-labelledby="headline-heading" className={`${panelClass} space-y-3`}>
      <h2 id="headline-heading" className="sr-only">
        Latest results
      </h2>
      {newRuns > 0 && (
        <div
          role="status"
          className="flex flex-wrap items-center gap-2 rounded-md bg-sky-50 px-3 py-2 text-sm text-sky-900 dark:bg-sky-950 dark:text-sky-100"
        >
          {newRuns === 1 ? 'A new batch run' : `${formatCount(newRuns)} new batch runs`} since you
          left page 1.
          <Button size="sm" onClick={onFirstPage}>
            Go to page 1
          </Button>
        </div>
      )}
      <div className="grid gap-4 md:grid-cols-3">
        <LatestFinished health={health} {...links} />
        {health.running && <Running batch={health.running} {...links} />}
        <Attention health={health} />
      </div>
      <DropCauseLine health={health} compareHref={compareHref} onCompare={onCompare} />
    </section>
  );
}

function LatestFinished({ health, ...links }: BatchLinks & { health: AgentHealth }) {
  const { latest, previous, changePoints } = health;
  if (!latest) {
    return (
      <div data-testid="latest-finished">
        <p className={labelClass}>Latest finished batch</p>
        <p className="mt-1 text-sm">No batch among the newest has finished yet.</p>
      </div>
    );
  }
  const { summary, batch } = latest;
  return (
    <div data-testid="latest-finished" className="min-w-0">
      <p className={labelClass}>Latest finished batch</p>
      <p className="flex flex-wrap items-baseline gap-x-2">
        <span className="text-3xl font-semibold tabular-nums">
          {formatPercent(summary.passRate)}
        </span>
        <span className="text-sm text-slate-700 dark:text-slate-300">pass rate</span>
        {changePoints !== null && previous && <Change points={changePoints} previous={previous} />}
      </p>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {formatCount(summary.succeeded)} of {plural(summary.finished, 'attempt', 'attempts')}{' '}
        succeeded, {formatCount(summary.failed)} failed
      </p>
      <p className="mt-1 flex flex-wrap items-baseline gap-x-2 text-sm">
        <CreatedTime iso={batch.createdDate} inline />
        <BatchLink batchId={batch.batchId} {...links}>
          Open this batch
        </BatchLink>
      </p>
    </div>
  );
}

function Change({ points, previous }: { points: number; previous: FinishedBatch }) {
  const against = `against the previous finished batch (${formatPercent(previous.summary.passRate)})`;
  const tone =
    points <= -10
      ? 'text-red-800 dark:text-red-300'
      : points > 0
        ? 'text-emerald-800 dark:text-emerald-300'
        : 'text-slate-700 dark:text-slate-300';
  return (
    <span className={`text-sm font-medium ${tone}`} title={against}>
      {points === 0 ? 'no change' : `${points > 0 ? '▲ +' : '▼ −'}${Math.abs(points)} points`}
      <span className="sr-only"> {against}</span>
    </span>
  );
}

function Running({ batch, ...links }: BatchLinks & { batch: ReadBatchRun }) {
  const summary = summarizeAttempts(batch);
  const share = summary.expected > 0 ? (summary.finished / summary.expected) * 100 : 0;
  const words = `${formatCount(summary.finished)} of ${plural(summary.expected, 'attempt', 'attempts')} done`;
  return (
    <div data-testid="running-batch" className="min-w-0">
      <p className={labelClass}>Running now</p>
      <p className="mt-1 text-lg font-semibold tabular-nums">{words}</p>
      <div
        role="progressbar"
        aria-label="Progress of the running batch"
        aria-valuemin={0}
        aria-valuemax={summary.expected}
        aria-valuenow={summary.finished}
        aria-valuetext={words}
        className="mt-1 h-2 w-full max-w-56 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
      >
        {/* SVG attributes, not a style attribute: the CSP drops those in server HTML. */}
        <svg className="block h-full w-full" aria-hidden="true">
          <rect height="100%" width={`${share}%`} className="fill-sky-600 dark:fill-sky-400" />
        </svg>
      </div>
      <p className="mt-1 flex flex-wrap items-baseline gap-x-2 text-sm">
        <span>
          Started <CreatedTime iso={batch.createdDate} inline />
        </span>
        <BatchLink batchId={batch.batchId} {...links}>
          Open the running batch
        </BatchLink>
      </p>
    </div>
  );
}

function Attention({ health }: { health: AgentHealth }) {
  if (health.reasons.length === 0) {
    if (!health.latest) return null;
    return (
      <div className="min-w-0">
        <p className={labelClass}>Health</p>
        <p className="mt-1 text-sm">No problem in the newest batch runs.</p>
      </div>
    );
  }
  return (
    <div className="min-w-0 self-start rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      <p className="font-semibold">Needs attention</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {health.reasons.map((reason) => (
          // The cause of a drop has its own line below, with the comparison's link.
          <li key={reason}>
            {health.dropCause ? reason.replace(`: ${health.dropCause}`, '') : reason}
          </li>
        ))}
      </ul>
    </div>
  );
}

function BatchLink({
  batchId,
  batchHref,
  onOpenBatch,
  children,
}: BatchLinks & { batchId: string; children: string }) {
  return (
    <AppLink
      href={batchHref(batchId)}
      onNavigate={() => onOpenBatch(batchId)}
      title={batchId}
      className="font-medium text-indigo-700 underline hover:text-indigo-900 dark:text-indigo-300 dark:hover:text-indigo-100"
    >
      {children}
    </AppLink>
  );
}
