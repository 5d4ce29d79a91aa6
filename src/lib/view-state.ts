/**
 * The one hook that owns the URL's search params (through nuqs): parses them with defaults,
 * writes them back with defaults left out, pushes a history entry for each navigation and
 * resets the page when the agent or the page size changes.
 */
import { createParser, createSerializer, useQueryStates } from 'nuqs';
import { useCallback, useEffect, useState } from 'react';
import {
  DEFAULT_PAGE_SIZE,
  parseCompare,
  parseId,
  parsePage,
  parseSize,
  readView,
  type PageSize,
  type Repair,
} from './view-params';

const idParser = createParser({ parse: parseId, serialize: (id: string) => id });

export const viewParsers = {
  agentId: idParser,
  page: createParser({ parse: parsePage, serialize: String }).withDefault(1),
  size: createParser({ parse: parseSize, serialize: String }).withDefault(DEFAULT_PAGE_SIZE),
  batch: idParser,
  compare: createParser({
    parse: parseCompare,
    serialize: (ids: readonly [string, string]) => ids.join(','),
    eq: (a, b) => a[0] === b[0] && a[1] === b[1],
  }),
};

const serialize = createSerializer(viewParsers);

export type View = {
  agentId: string | null;
  page: number;
  size: PageSize;
  batch: string | null;
  compare: readonly [string, string] | null;
};

/** The canonical absolute URL of a view, defaults left out: what "Copy link" copies. */
export function canonicalUrl(view: Partial<View>): string {
  const base = `${window.location.origin}${window.location.pathname}`;
  return serialize(base, {
    agentId: view.agentId ?? null,
    page: view.page ?? null,
    size: view.size ?? null,
    batch: view.batch ?? null,
    compare: view.compare ?? null,
  });
}

/** A relative link to a view, for anchors inside the app. */
export function viewHref(view: Partial<View>): string {
  return serialize(window.location.pathname, {
    agentId: view.agentId ?? null,
    page: view.page ?? null,
    size: view.size ?? null,
    batch: view.batch ?? null,
    compare: view.compare ?? null,
  });
}

export function useView() {
  const [view, setView] = useQueryStates(viewParsers, { history: 'push', scroll: false });

  const selectAgent = useCallback(
    (agentId: string | null) => void setView({ agentId, page: null, batch: null, compare: null }),
    [setView],
  );
  const setPage = useCallback((page: number) => void setView({ page, batch: null }), [setView]);
  const setSize = useCallback(
    (size: PageSize) => void setView({ size, page: null, batch: null }),
    [setView],
  );
  /** Opening a batch records it in the URL without a history entry of its own. */
  const setBatch = useCallback(
    (batch: string | null) => void setView({ batch }, { history: 'replace' }),
    [setView],
  );
  const setCompare = useCallback(
    (compare: readonly [string, string] | null) => void setView({ compare }),
    [setView],
  );

  return { view: view as View, selectAgent, setPage, setSize, setBatch, setCompare };
}

/**
 * Repairs a bad link in place (history replace, no new entry) and keeps the explanations
 * to show: `page=abc` becomes page 1, `size=1000` becomes 100, a malformed id is dropped.
 */
export function useUrlRepairs(): { repairs: Repair[]; dismiss: () => void } {
  const [repairs, setRepairs] = useState<Repair[]>([]);
  const [, setView] = useQueryStates(viewParsers);

  useEffect(() => {
    function check() {
      const { view, repairs: found } = readView(new URLSearchParams(window.location.search));
      if (found.length === 0) return;
      setRepairs(found);
      void setView(
        {
          agentId: view.agentId,
          // Without an agent there is no page to keep (the board shows).
          page: view.page === 1 || view.agentId === null ? null : view.page,
          size: view.size === DEFAULT_PAGE_SIZE ? null : view.size,
          batch: view.batch,
          compare: view.compare,
        },
        { history: 'replace' },
      );
    }
    check();
    window.addEventListener('popstate', check);
    return () => window.removeEventListener('popstate', check);
  }, [setView]);

  return { repairs, dismiss: useCallback(() => setRepairs([]), []) };
}
