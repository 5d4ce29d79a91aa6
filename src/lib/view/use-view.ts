/**
 * The one hook that owns the URL's search params (through nuqs, with the parsers of view.ts):
 * parses them with defaults, writes them back with defaults left out, pushes a history entry
 * for each navigation and resets the page when the agent or the page size changes. Bad links
 * are repaired in place by `useUrlRepairs`, with the same parser.
 */
import { useQueryStates } from 'nuqs';
import { useCallback, useEffect, useState } from 'react';
import {
  DEFAULT_PAGE_SIZE,
  FILTER_KEYS,
  hasFilters,
  NO_FILTERS,
  readView,
  type Filters,
  viewParsers,
  type PageSize,
  type Repair,
  type View,
} from './view';

export function useView() {
  const [state, setView] = useQueryStates(viewParsers, { history: 'push', scroll: false });
  const { outcome, since, until, q, rate, ...view } = state;
  const filters: Filters = { outcome, since, until, q, rate };

  /** Opens an agent's list, unfiltered or with these filters (a board card's "failing" link). */
  const selectAgent = useCallback(
    (agentId: string | null, filters?: Partial<Filters>) =>
      void setView({ agentId, page: null, batch: null, compare: null, ...NO_FILTERS, ...filters }),
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

  /** Each filter change is a history entry of its own (Back undoes it) and starts at page 1. */
  const setFilters = useCallback(
    (changes: Partial<Filters>) => void setView({ ...changes, page: null, batch: null }),
    [setView],
  );

  return {
    view: (hasFilters(filters) && view.agentId ? { ...view, filters } : view) as View,
    selectAgent,
    setPage,
    setSize,
    setBatch,
    setCompare,
    setFilters,
  };
}

/** What `useView` returns: the view and the navigations a page passes to its features. */
export type ViewState = ReturnType<typeof useView>;

/**
 * Repairs a bad link in place (history replace, no new entry) and keeps the explanations
 * to show: `page=abc` becomes page 1, `size=1000` becomes 100, a malformed id is dropped.
 */
export function useUrlRepairs(): { repairs: Repair[]; dismiss: () => void } {
  const [repairs, setRepairs] = useState<Repair[]>([]);
  const [, setView] = useQueryStates(viewParsers);

  useEffect(() => {
    let current = true;
    async function check() {
      const search = new URLSearchParams(window.location.search);
      const { view, repairs: found } = readView(search);
      // The filters' explanations load only for a link that has one.
      if (FILTER_KEYS.some((key) => search.has(key))) {
        const { filterRepairs } = await import('./filter-repairs');
        if (!current) return;
        found.push(...filterRepairs(search, view.filters ?? NO_FILTERS));
      }
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
          ...(view.filters ?? NO_FILTERS),
        },
        { history: 'replace' },
      );
    }
    const onChange = () => void check();
    onChange();
    window.addEventListener('popstate', onChange);
    return () => {
      current = false;
      window.removeEventListener('popstate', onChange);
    };
  }, [setView]);

  return { repairs, dismiss: useCallback(() => setRepairs([]), []) };
}
