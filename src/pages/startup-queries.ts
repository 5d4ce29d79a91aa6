import type { QueryClient } from '@tanstack/react-query';
import { batchRunsQueries } from '../features/batch-runs/api/batch-runs-queries';
import { searchQueries } from '../features/filters/api/search-queries';
import { viewerTimeZone } from '../lib/render-context';
import type { View } from '../lib/view/view';

/**
 * What a link's view asks for first, before its code has loaded: the browser prefetches it at
 * start-up (main.tsx) and the server fetches it before its first render (entry-server.tsx).
 * A filtered link asks the server's search for its page of matches (on the server, waiting at
 * most what is left of the render's budget) and the agent's first page, at the view's size,
 * for the headline, from the same mirror (batch-runs-api.ts).
 */
export function startupList(view: View) {
  if (!view.agentId || view.compare) return undefined;
  const { agentId, page, size } = view;
  return batchRunsQueries.list(
    view.filters ? { agentId, page: 1, size, source: 'mirror' } : { agentId, page, size },
  );
}

export function startupSearch(view: View) {
  if (!view.agentId || view.compare || !view.filters) return undefined;
  const { agentId, filters, page, size } = view;
  return searchQueries.page({ agentId, filters, tz: viewerTimeZone(), page, size });
}

/** Prefetches them; with `onlyMissing`, what the cache (the page) does not hold already. */
export function prefetchStartup(
  queryClient: QueryClient,
  view: View,
  onlyMissing = false,
): Promise<void>[] {
  const list = startupList(view);
  const search = startupSearch(view);
  const asked: Promise<void>[] = [];
  if (list && !(onlyMissing && queryClient.getQueryState(list.queryKey))) {
    asked.push(queryClient.prefetchQuery(list));
  }
  if (search && !(onlyMissing && queryClient.getQueryState(search.queryKey))) {
    asked.push(queryClient.prefetchQuery(search));
  }
  return asked;
}
