import { useEffect, useState } from 'react';
import type { ReadAgent } from '../../../contract/read-agents';
import type { ReadBatchRunPage } from '../../../contract/read-batch-runs';
import { sortAgents, type BoardSort } from './board-order';

/** How long the board waits for every card before it shows those that have answered. */
export const SETTLE_MS = 2_000;

/** A card's first answer: its page, or undefined while it loads (or when it failed). */
export interface CardAnswer {
  page: ReadBatchRunPage | undefined;
  /** Answered or failed: nothing more to wait for. */
  settled: boolean;
}

/**
 * The order the board shows its agents in, fixed when it is first shown: cards never move on
 * their own. The board is shown once every card has answered (a server-rendered page that
 * carries them all: at once), or after SETTLE_MS with the cards still loading last; then
 * each card fills and refreshes in its place. The order is taken again when the reader picks
 * a sort, or when the workspace's agents change. Undefined: not shown yet (a skeleton).
 */
export function useBoardOrder(
  agents: readonly ReadAgent[] | undefined,
  cards: readonly CardAnswer[],
  sort: BoardSort,
): ReadAgent[] | undefined {
  const settled = cards.every((card) => card.settled);
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    if (!agents || settled) return;
    const timer = setTimeout(() => setWaited(true), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [agents, settled]);

  const [shown, setShown] = useState<{ key: string; ids: string[] }>();
  if (!agents) return undefined;
  const key = `${sort}|${agents.map((agent) => agent.agentId).join(',')}`;
  let ids = shown?.key === key ? shown.ids : undefined;
  if (!ids && (settled || waited)) {
    const pages = new Map(agents.map((agent, index) => [agent.agentId, cards[index]?.page]));
    ids = sortAgents(agents, pages, sort).map((agent) => agent.agentId);
    setShown({ key, ids }); // derived from this render's answers, kept for the next ones
  }
  if (!ids) return undefined;
  const byId = new Map(agents.map((agent) => [agent.agentId, agent]));
  return ids.map((id) => byId.get(id)).filter((agent) => agent !== undefined);
}
