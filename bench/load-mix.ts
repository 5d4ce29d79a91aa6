/**
 * What the load test asks for, weighted like people using the dashboard: pages (the board, an
 * agent's page, a shared filtered link), the build's assets, pages of batch runs (most of them
 * of the 52,340-run agent) and the dashboard's search, as a browser asks for it after a
 * filtered link. Agents and their batch counts are read from the API, not hard-coded.
 */
const PAGE_SIZES = [10, 20, 50] as const;
/**
 * Words of the sandbox's scenarios as a teammate would search them: some in every agent's
 * domain, some in a few (a search that matches nothing is a shared link too).
 */
const QUERIES = ['payment', 'speaker', 'claim', 'refund'] as const;
const WARM_TIMEOUT_MS = 120_000;

export type Kind =
  'page' | 'page-agent' | 'page-filtered' | 'asset' | 'api-large' | 'api' | 'search';

export interface Target {
  kind: Kind;
  path: () => string;
  headers: Record<string, string>;
}

interface Paged<T> {
  data: T[];
  totalCount: number;
  hasNext: boolean;
}

async function getJson<T>(baseUrl: string, path: string): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, { signal: AbortSignal.timeout(WARM_TIMEOUT_MS) });
  if (!res.ok) throw new Error(`GET ${path} -> ${res.status}`);
  return (await res.json()) as T;
}

export interface Agent {
  agentId: string;
  totalCount: number;
}

export async function discoverAgents(baseUrl: string): Promise<Agent[]> {
  const agents: string[] = [];
  for (let page = 0; page < 20; page++) {
    const listing = await getJson<Paged<{ agentId: string }>>(
      baseUrl,
      `/v1/agents?page=${page}&size=100`,
    );
    agents.push(...listing.data.map((agent) => agent.agentId));
    if (!listing.hasNext) break;
  }
  return Promise.all(
    agents.map(async (agentId) => {
      const query = new URLSearchParams({ agentId, page: '0', size: '1' });
      const first = await getJson<Paged<unknown>>(baseUrl, `/v1/batch-runs?${query}`);
      return { agentId, totalCount: first.totalCount };
    }),
  );
}

export function pick<T>(items: readonly T[]): T {
  const item = items[Math.floor(Math.random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function batchPage({ agentId, totalCount }: Agent): () => string {
  return () => {
    const size = pick(PAGE_SIZES);
    const page = Math.floor(Math.random() * Math.max(1, Math.ceil(totalCount / size)));
    return `/v1/batch-runs?${new URLSearchParams({ agentId, page: String(page), size: String(size) })}`;
  };
}

const filtered = (agentId: string) =>
  new URLSearchParams({ agentId, outcome: 'failed', q: pick(QUERIES) });

/**
 * The mix, in the proportions of the load test before server rendering (1 page : 2 assets :
 * 3 pages of the large agent : 1 page of another agent), the page share split evenly between
 * the board, agent pages and filtered links; plus the browser's search for a filtered link.
 */
export function buildMix(assets: string[], agents: Agent[]): Target[] {
  const large = agents.reduce((a, b) => (b.totalCount > a.totalCount ? b : a));
  const withRuns = agents.filter((agent) => agent.totalCount > 0);
  const others = withRuns.filter((agent) => agent !== large);
  const html = { 'Accept-Encoding': 'gzip', Accept: 'text/html' };
  const browser = { 'Accept-Encoding': 'gzip' };
  const json = { ...browser, Accept: 'application/json' };
  const weighted: [number, Target][] = [
    [1, { kind: 'page', path: () => '/', headers: html }],
    [1, { kind: 'page-agent', path: () => `/?agentId=${pick(agents).agentId}`, headers: html }],
    [
      1,
      { kind: 'page-filtered', path: () => `/?${filtered(pick(withRuns).agentId)}`, headers: html },
    ],
    [6, { kind: 'asset', path: () => pick(assets), headers: browser }],
    [9, { kind: 'api-large', path: batchPage(large), headers: browser }],
    [3, { kind: 'api', path: () => batchPage(pick(others))(), headers: browser }],
    [1, { kind: 'search', path: () => searchPath(pick(withRuns).agentId), headers: json }],
  ];
  return weighted.flatMap(([weight, target]) => Array<Target>(weight).fill(target));
}

/** As the browser asks after a filtered link: the first page, a short hold on the server. */
function searchPath(agentId: string): string {
  const query = filtered(agentId);
  query.delete('agentId');
  query.set('tz', 'UTC');
  query.set('wait', '500');
  return `/api/agents/${agentId}/batch-runs?${query}`;
}

/** The build's assets, as its index.html links them. */
export async function assetsOf(baseUrl: string): Promise<string[]> {
  const html = await (await fetch(`${baseUrl}/`)).text();
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1] ?? '');
  if (assets.length === 0) throw new Error('index.html links no /assets/ files');
  return assets;
}

/**
 * Fills every agent's search mirror before the clock starts, as a replica that has served for
 * a while has them: the load measures serving, not the first walk (bench:filters measures it).
 */
export async function warmMirrors(baseUrl: string, agents: Agent[]): Promise<void> {
  for (const { agentId } of agents.filter((agent) => agent.totalCount > 0)) {
    const path = `/api/agents/${agentId}/batch-runs?size=1&wait=10000`;
    for (let tries = 0; ; tries++) {
      const answer = await getJson<{ coverage: { complete: boolean } }>(baseUrl, path);
      if (answer.coverage.complete) break;
      if (tries > 20) throw new Error(`the mirror of ${agentId} did not fill`);
    }
  }
}
