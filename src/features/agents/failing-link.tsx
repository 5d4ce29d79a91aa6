import { useQuery } from '@tanstack/react-query';
import { AppLink } from '../../components/ui/app-link';
import type { ReadAgent as Agent } from '../../../contract/read-agents';
import { dateMs } from '../../../contract/read-batch-runs';
import { batchMatcher, dayStartMs, daysAgo } from '../../lib/batch-filters';
import { NO_FILTERS, viewHref, type Filters } from '../../lib/view/view';
import { agentsQueries } from './api/agents-queries';

/**
 * Under a board card: "Failing in the last 7 days", a filtered view of the agent's list. The
 * count is known when the card's batches (the same query, no request of its own) reach back
 * past the range or are all the agent has. Outside the card, so the card keeps one link.
 */
export function FailingLink({
  agent,
  onOpen,
}: {
  agent: Agent;
  onOpen: (agentId: string, filters: Partial<Filters>) => void;
}) {
  const { data } = useQuery(agentsQueries.card(agent.agentId));
  if (!data || data.totalCount === 0) return null;
  const filters = { outcome: 'failed', since: daysAgo(7) } as const;
  const oldest = data.data.at(-1);
  const known =
    data.data.length >= data.totalCount ||
    (oldest !== undefined && dateMs(oldest.createdDate) < dayStartMs(filters.since));
  const count = known ? data.data.filter(batchMatcher({ ...NO_FILTERS, ...filters })).length : null;
  return (
    <AppLink
      href={viewHref({ agentId: agent.agentId, filters: { ...NO_FILTERS, ...filters } })}
      onNavigate={() => onOpen(agent.agentId, filters)}
      className="self-start px-1 text-sm font-medium text-indigo-700 underline hover:text-indigo-900 dark:text-indigo-300 dark:hover:text-indigo-100"
    >
      Failing in the last 7 days{count !== null && ` (${count})`}
      <span className="sr-only">: {agent.agentId}</span>
    </AppLink>
  );
}
