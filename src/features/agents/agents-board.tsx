import { useQueries, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { Filters } from '../../lib/view/view';
import { ApiErrorNotice } from '../../components/ui/api-error-notice';
import { Notice } from '../../components/ui/notice';
import { plural } from '../../lib/format';
import { agentsQueries } from './api/agents-queries';
import { FailingLink } from './failing-link';
import { AgentCard } from './agent-card';
import { BOARD_SORTS, BOARD_SORT_LABELS, type BoardSort } from './board-order';
import { useBoardOrder } from './use-board-order';
import { boardTitle } from '../../lib/view/titles';

const GRID_CLASS = 'grid gap-4 sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4';
const SKELETON_CARDS = 6;

/**
 * The landing page: one card per agent of the workspace, so the first screen answers
 * "which of my agents are healthy?": sorted by health (needs attention first) unless the
 * reader picks another order, each card saying why. Each card opens that agent's batch runs;
 * the cards refresh themselves every 30 s while the tab is visible.
 */
export function AgentsBoard({
  onOpenAgent,
}: {
  onOpenAgent: (agentId: string, filters?: Partial<Filters>) => void;
}) {
  const query = useQuery(agentsQueries.list());
  const [sort, setSort] = useState<BoardSort>('health');
  // The cards' own queries (the same cache entries each card reads), for the order.
  const cards = useQueries({
    queries: (query.data ?? []).map((agent) => agentsQueries.card(agent.agentId)),
    combine: (results) =>
      results.map((result) => ({ page: result.data, settled: result.status !== 'pending' })),
  });
  const ordered = useBoardOrder(query.data, cards, sort);

  useEffect(() => {
    document.title = boardTitle();
  }, []);

  let body: React.ReactNode;
  if (query.isPending || (query.data && !ordered)) {
    body = <BoardSkeleton cards={query.data?.length ?? SKELETON_CARDS} />;
  } else if (query.isError) {
    body = (
      <ApiErrorNotice error={query.error} what="agents" onRetry={() => void query.refetch()} />
    );
  } else if (query.data.length === 0) {
    body = (
      <Notice title="No agents in this workspace yet">
        <p>Create an agent in SigmaMind, or paste an agent id in the box above to open it.</p>
      </Notice>
    );
  } else {
    body = (
      <ul className={GRID_CLASS} aria-label="Agents">
        {ordered?.map((agent) => (
          <li key={agent.agentId} className="flex flex-col gap-1">
            <AgentCard agent={agent} onOpen={onOpenAgent} />
            <FailingLink agent={agent} onOpen={onOpenAgent} />
          </li>
        ))}
      </ul>
    );
  }

  return (
    <section aria-labelledby="agents-board-heading" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <h1 id="agents-board-heading" className="text-xl font-semibold">
            All agents
            {query.data && query.data.length > 0 && (
              <span className="ml-2 text-sm font-normal text-slate-600 dark:text-slate-400">
                {plural(query.data.length, 'agent', 'agents')}
              </span>
            )}
          </h1>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Each agent’s latest finished batch and the pass rates of its last ten. Open one to see
            all its batch runs.
          </p>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <span>Sort by</span>
          <select
            value={sort}
            onChange={(event) => setSort(event.target.value as BoardSort)}
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-800"
          >
            {BOARD_SORTS.map((option) => (
              <option key={option} value={option}>
                {BOARD_SORT_LABELS[option]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {body}
    </section>
  );
}

/** The cards' places while the board waits for them (useBoardOrder), one per agent if known. */
function BoardSkeleton({ cards }: { cards: number }) {
  return (
    <div role="status" className={GRID_CLASS}>
      <span className="sr-only">Loading agents…</span>
      {Array.from({ length: cards }, (_, index) => (
        <div
          key={index}
          aria-hidden="true"
          className="h-[13.5rem] animate-pulse rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900"
        >
          <div className="h-5 w-2/3 rounded bg-slate-200 dark:bg-slate-700" />
          <div className="mt-2 h-3 w-1/2 rounded bg-slate-200 dark:bg-slate-700" />
        </div>
      ))}
    </div>
  );
}
