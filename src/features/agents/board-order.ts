/**
 * The board's order. By health (the default): agents that need attention first (the lowest
 * latest finished pass rate first), then the healthy ones, then those with nothing to judge
 * yet (no finished batch, still loading, failed to load), each group by name. By name. By
 * latest run: the agent whose newest batch started last first.
 */
import type { ReadAgent } from '../../../contract/read-agents';
import { dateMs } from '../../../contract/read-batch-runs';
import type { ReadBatchRunPage } from '../../../contract/read-batch-runs';
import { agentHealth } from '../../lib/batch-health';

export const BOARD_SORTS = ['health', 'name', 'latest'] as const;
export type BoardSort = (typeof BOARD_SORTS)[number];
export const BOARD_SORT_LABELS: Record<BoardSort, string> = {
  health: 'Health (needs attention first)',
  name: 'Name',
  latest: 'Latest run',
};

const nameOf = (agent: ReadAgent) => (agent.agentName || agent.agentId).toLocaleLowerCase();

export function sortAgents(
  agents: readonly ReadAgent[],
  pages: ReadonlyMap<string, ReadBatchRunPage | undefined>,
  sort: BoardSort,
  now: number = Date.now(),
): ReadAgent[] {
  const byName = (a: ReadAgent, b: ReadAgent) => nameOf(a).localeCompare(nameOf(b));
  if (sort === 'name') return [...agents].sort(byName);
  if (sort === 'latest') {
    const latestMs = (agent: ReadAgent) => {
      const newest = pages.get(agent.agentId)?.data[0];
      return newest ? dateMs(newest.createdDate) || 0 : -Infinity;
    };
    return [...agents].sort((a, b) => latestMs(b) - latestMs(a) || byName(a, b));
  }
  /** [group, latest rate]: 0 needs attention, 1 healthy, 2 nothing to judge yet. */
  const rankOf = (agent: ReadAgent): [number, number] => {
    const page = pages.get(agent.agentId);
    if (!page) return [2, 0];
    const health = agentHealth(page.data, now);
    if (health.reasons.length > 0) return [0, health.latest?.summary.passRate ?? 1];
    return [health.latest ? 1 : 2, 0];
  };
  const rank = new Map(agents.map((agent) => [agent.agentId, rankOf(agent)]));
  return [...agents].sort((a, b) => {
    const [groupA, rateA] = rank.get(a.agentId) ?? [2, 0];
    const [groupB, rateB] = rank.get(b.agentId) ?? [2, 0];
    return groupA - groupB || rateA - rateB || byName(a, b);
  });
}
