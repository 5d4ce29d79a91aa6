/**
 * Agents recently opened on this browser, newest first, in localStorage. Whatever is stored
 * is read through a schema, so bad JSON, a foreign shape or a storage that throws (private
 * mode, quota, disabled cookies) yields an empty list instead of a broken page.
 */
import { useCallback, useState } from 'react';
import * as z from 'zod/mini';
import { isValidId } from '../../lib/view/view';

export const RECENT_AGENTS_KEY = 'sigmamind.recent-agents';
export const MAX_RECENT_AGENTS = 8;

const recentAgentSchema = z.object({
  agentId: z.string().check(z.refine(isValidId)),
  name: z.optional(z.string().check(z.maxLength(200))),
});

export type RecentAgent = z.infer<typeof recentAgentSchema>;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function readRecentAgents(): RecentAgent[] {
  try {
    const raw = storage()?.getItem(RECENT_AGENTS_KEY);
    if (!raw) return [];
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    const seen = new Set<string>();
    const recents: RecentAgent[] = [];
    for (const item of parsed) {
      const result = recentAgentSchema.safeParse(item);
      if (!result.success || seen.has(result.data.agentId)) continue;
      seen.add(result.data.agentId);
      recents.push(result.data);
    }
    return recents.slice(0, MAX_RECENT_AGENTS);
  } catch {
    return [];
  }
}

function writeRecentAgents(recents: RecentAgent[]): void {
  try {
    const store = storage();
    if (recents.length === 0) store?.removeItem(RECENT_AGENTS_KEY);
    else store?.setItem(RECENT_AGENTS_KEY, JSON.stringify(recents));
  } catch {
    // Storage full or disabled: the list still works for this page, it just is not kept.
  }
}

/** Puts `agent` first, drops an older entry for the same id, keeps at most MAX_RECENT_AGENTS. */
export function withRecentAgent(recents: RecentAgent[], agent: RecentAgent): RecentAgent[] {
  const previous = recents.find((recent) => recent.agentId === agent.agentId);
  const entry: RecentAgent = { agentId: agent.agentId, name: agent.name ?? previous?.name };
  return [entry, ...recents.filter((recent) => recent.agentId !== agent.agentId)].slice(
    0,
    MAX_RECENT_AGENTS,
  );
}

export function useRecentAgents() {
  const [recents, setRecents] = useState(readRecentAgents);

  const remember = useCallback((agent: RecentAgent) => {
    const next = withRecentAgent(readRecentAgents(), agent);
    writeRecentAgents(next);
    setRecents(next);
  }, []);

  const clear = useCallback(() => {
    writeRecentAgents([]);
    setRecents([]);
  }, []);

  return { recents, remember, clear };
}
