/**
 * Agents recently opened on this browser, newest first, in localStorage. Whatever is stored
 * is read through a schema, so bad JSON, a foreign shape or a storage that throws (private
 * mode, quota, disabled cookies) yields an empty list instead of a broken page.
 */
import { startTransition, useCallback, useEffect, useState } from 'react';
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

/** Pickers on this page hear of a change made by another. */
const listeners = new Set<() => void>();
const NONE: RecentAgent[] = [];
/** The last list read, kept while storage holds the same text (one array per stored text). */
let last: { raw: string | null | undefined; recents: RecentAgent[] } = {
  raw: undefined,
  recents: NONE,
};

function storedText(): string | null {
  try {
    return storage()?.getItem(RECENT_AGENTS_KEY) ?? null;
  } catch {
    return null;
  }
}

function snapshot(): RecentAgent[] {
  const raw = storedText();
  // Nothing stored reads as NONE, the list a server render shows: hydration then needs no
  // second render of the pickers.
  if (raw !== last.raw) last = { raw, recents: raw === null ? NONE : readRecentAgents() };
  return last.recents;
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  return () => {
    listeners.delete(onChange);
  };
}

/** Stores the list; where storage refuses it, the list still holds for this page. */
function update(recents: RecentAgent[]): void {
  writeRecentAgents(recents);
  last = { raw: storedText(), recents };
  listeners.forEach((notify) => notify());
}

/**
 * The recent agents, following changes. A server render (and the hydration of its HTML)
 * cannot read this browser's storage: it shows none, and the browser's own list follows.
 */
export function useRecentAgents() {
  // State that follows the store in transitions, not useSyncExternalStore: its updates are
  // always blocking, and the picker remembering the agent a page opens on arrived while the
  // page still hydrated, so React hydrated the rest of the page in that same blocking task.
  const [recents, setRecents] = useState(NONE);
  useEffect(() => {
    const follow = () => startTransition(() => setRecents(snapshot()));
    follow();
    return subscribe(follow);
  }, []);

  const remember = useCallback(
    (agent: RecentAgent) => update(withRecentAgent(snapshot(), agent)),
    [],
  );
  const clear = useCallback(() => update(NONE), []);

  return { recents, remember, clear };
}
