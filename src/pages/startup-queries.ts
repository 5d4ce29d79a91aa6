import { batchRunsQueries } from '../features/batch-runs/api/batch-runs-queries';
import type { View } from '../lib/view/view';

/**
 * What a link's view asks for first, before its code has loaded: the browser prefetches it at
 * start-up (main.tsx) and the server fetches it before its first render (entry-server.tsx).
 * A filtered link's search starts with the first page of 100 (the walker's page size).
 */
export function startupQueries(view: View) {
  if (!view.agentId || view.compare) return [];
  const first = view.filters ? { page: 1, size: 100 } : view;
  return [batchRunsQueries.list({ agentId: view.agentId, page: first.page, size: first.size })];
}
