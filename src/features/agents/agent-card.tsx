import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { StatusBadge } from '../../components/ui/status-badge';
import { SuccessBar } from '../../components/ui/success-bar';
import type { ReadAgent } from '../../../contract/read-agents';
import type { ReadBatchRunPage } from '../../../contract/read-batch-runs';
import { summarizeAttempts } from '../../lib/attempts';
import { agentHealth } from '../../lib/batch-health';
import { formatCount, plural } from '../../lib/format';
import { CreatedTime } from '../../components/ui/created-time';
import { useNow } from '../../lib/use-now';
import { viewHref, type Filters } from '../../lib/view/view';
import { agentsQueries } from './api/agents-queries';
import { PassRateSparkline } from './pass-rate-sparkline';
import { AppLink } from '../../components/ui/app-link';

/** Every state of a card's figures takes this height, so the grid does not jump as cards load. */
const FIGURES_CLASS = 'min-h-32';

/**
 * One agent on the board: its name (a real link to its view), status, number of batch runs,
 * its latest batch's results and the pass-rate trend of its last batches. The figures load on
 * their own, so one slow or failing agent does not hold back the others.
 */
export function AgentCard({
  agent,
  onOpen,
}: {
  agent: ReadAgent;
  onOpen: (agentId: string, filters?: Partial<Filters>) => void;
}) {
  const headingId = useId();
  const query = useQuery(agentsQueries.card(agent.agentId));
  const latest = query.data?.data[0];
  const status = agent.status ?? latest?.agent.status;
  let state: 'loading' | 'error' | 'empty' | 'ready';
  let figures: React.ReactNode;
  if (query.isPending) {
    state = 'loading';
    figures = <FiguresSkeleton />;
  } else if (query.isError) {
    state = 'error';
    figures = (
      <div role="alert" className="flex h-full flex-col items-start justify-center gap-2 text-sm">
        <p className="text-red-800 dark:text-red-300">
          Could not load its batch runs: {query.error.message}
        </p>
        <button
          type="button"
          onClick={() => void query.refetch()}
          aria-label={`Retry loading ${agent.agentName || agent.agentId}`}
          className="relative z-10 rounded-md bg-indigo-600 px-3 py-1 text-sm font-medium text-white hover:bg-indigo-700"
        >
          Retry
        </button>
      </div>
    );
  } else if (query.data.data.length === 0) {
    state = 'empty';
    figures = (
      <p className="flex h-full items-center text-sm text-slate-600 dark:text-slate-400">
        No batch runs yet.
      </p>
    );
  } else {
    state = 'ready';
    figures = <Figures page={query.data} />;
  }

  return (
    <article
      aria-labelledby={headingId}
      data-agent-id={agent.agentId}
      data-state={state}
      className="relative flex w-full flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 shadow-sm transition-colors hover:border-indigo-400 has-[a:focus-visible]:outline-2 has-[a:focus-visible]:outline-offset-2 has-[a:focus-visible]:outline-indigo-500 dark:border-slate-700 dark:bg-slate-900 dark:hover:border-indigo-500"
    >
      <header className="flex items-start justify-between gap-2">
        <h2 id={headingId} className="min-w-0 text-base font-semibold break-words">
          <AppLink
            href={viewHref({ agentId: agent.agentId })}
            onNavigate={() => onOpen(agent.agentId)}
            className="text-slate-900 after:absolute after:inset-0 after:rounded-lg after:content-[''] hover:text-indigo-800 focus-visible:outline-none dark:text-slate-100 dark:hover:text-indigo-200"
          >
            {agent.agentName || agent.agentId}
          </AppLink>
        </h2>
        {status != null && <StatusBadge status={status} />}
      </header>
      <p className="-mt-1 truncate font-mono text-xs text-slate-600 dark:text-slate-400">
        {agent.agentId}
      </p>
      <div className={FIGURES_CLASS}>{figures}</div>
    </article>
  );
}

function Figures({ page }: { page: ReadBatchRunPage }) {
  const now = useNow();
  const health = agentHealth(page.data, now);
  const { latest, running } = health;
  const progress = running && summarizeAttempts(running);
  return (
    <div className="flex h-full flex-col justify-between gap-2 text-sm">
      <p className="text-slate-700 dark:text-slate-300">
        <span className="font-semibold tabular-nums">
          {plural(page.totalCount, 'batch run', 'batch runs')}
        </span>
        {progress && (
          <span className="text-xs text-slate-600 dark:text-slate-400">
            {' '}
            · running: {formatCount(progress.finished)} of {formatCount(progress.expected)} attempts
            done
          </span>
        )}
      </p>
      {health.reasons.length > 0 && (
        <div
          data-testid="attention"
          className="rounded-md border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
        >
          <p className="font-semibold">Needs attention</p>
          {/* Lines, not a list: the card's one list is the sparkline's numbers. */}
          {health.reasons.map((reason) => (
            <p key={reason}>{reason}</p>
          ))}
        </div>
      )}
      <div>
        {latest ? (
          <>
            <p className="text-xs text-slate-600 dark:text-slate-400">
              Latest finished batch, <CreatedTime iso={latest.batch.createdDate} inline />
              {health.changePoints !== null && health.changePoints !== 0 && (
                <>
                  {' '}
                  · {health.changePoints > 0 ? '+' : '−'}
                  {Math.abs(health.changePoints)} points
                </>
              )}
            </p>
            <SuccessBar summary={latest.summary} className="mt-1" />
          </>
        ) : (
          <p className="text-xs text-slate-600 dark:text-slate-400">No batch has finished yet.</p>
        )}
      </div>
      <div>
        <p className="text-xs text-slate-600 dark:text-slate-400" aria-hidden="true">
          Pass rate, last {page.data.length} {page.data.length === 1 ? 'batch' : 'batches'}
        </p>
        <PassRateSparkline batches={page.data} />
      </div>
    </div>
  );
}

function FiguresSkeleton() {
  return (
    <div role="status" className="flex h-full flex-col justify-between">
      <span className="sr-only">Loading batch runs…</span>
      <div
        aria-hidden="true"
        className="h-4 w-28 animate-pulse rounded bg-slate-200 dark:bg-slate-700"
      />
      <div aria-hidden="true" className="space-y-1">
        <div className="h-3 w-32 animate-pulse rounded bg-slate-200 dark:bg-slate-700" />
        <div className="h-3 w-40 animate-pulse rounded bg-slate-200 dark:bg-slate-700" />
      </div>
      <div aria-hidden="true" className="space-y-1">
        <div className="h-3 w-36 animate-pulse rounded bg-slate-200 dark:bg-slate-700" />
        <div className="h-8 w-40 animate-pulse rounded bg-slate-200 dark:bg-slate-700" />
      </div>
    </div>
  );
}
