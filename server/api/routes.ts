/**
 * The only API calls the dashboard makes, with their documented query parameters. The key
 * unlocks the whole workspace API, so the forwarder lends it to these reads and nothing else:
 * any other path is answered 404 here, without the upstream ever hearing of it.
 */

export type ApiRoute = 'agents' | 'batch-runs' | 'batch-run';

const ROUTES: { route: ApiRoute; path: RegExp; params: readonly string[] }[] = [
  { route: 'agents', path: /^\/v1\/agents$/, params: ['page', 'size'] },
  { route: 'batch-runs', path: /^\/v1\/batch-runs$/, params: ['agentId', 'page', 'size'] },
  { route: 'batch-run', path: /^\/v1\/batch-runs\/[A-Za-z0-9_-]+$/, params: ['agentId'] },
];

export type RouteMatch = { route: ApiRoute; search: string } | null;

/**
 * The route a checked path belongs to, and its query with only the documented parameters
 * (others are dropped, so nothing undocumented rides along with the key), each once: a
 * repeated parameter keeps its first value, so the upstream never has to pick one of two.
 */
export function matchRoute(path: string, search: string): RouteMatch {
  const match = ROUTES.find((candidate) => candidate.path.test(path));
  if (!match) return null;
  const kept = new URLSearchParams();
  for (const [name, value] of new URLSearchParams(search)) {
    if (match.params.includes(name) && !kept.has(name)) kept.set(name, value);
  }
  const query = kept.toString();
  return { route: match.route, search: query ? `?${query}` : '' };
}
