/**
 * Today's browser walk, as a reference for `npm run bench:filters`: what the filtered list did
 * before the server's search (git 58def5d^, src/features/filters/search-matches.ts): walk the
 * agent's `GET /v1/batch-runs` pages of 100 newest first, 4 in flight, read each page with the
 * contract's reader and keep the matches of `contract/batch-filters.ts`'s predicate. Run in
 * the bench's own process over HTTP, without a browser's rendering of each page, so it is a
 * lower bound of what the browser took.
 */
import { batchMatcher, type Filters } from '../contract/batch-filters.ts';
import { batchRunPageReader, type ReadBatchRun } from '../contract/read-batch-runs.ts';

export const OLD_WALK_CONCURRENCY = 4;
const PAGE_SIZE = 100;

export interface WalkResult {
  ms: number;
  requests: number;
  searched: number;
  matches: ReadBatchRun[];
}

export async function browserWalk(
  origin: string,
  agentId: string,
  filters: Filters,
  timeZone?: string,
): Promise<WalkResult> {
  const started = performance.now();
  const matcher = batchMatcher(filters, timeZone);
  let requests = 0;
  const read = async (page: number) => {
    requests += 1;
    const url = `${origin}/v1/batch-runs?agentId=${agentId}&page=${page}&size=${PAGE_SIZE}`;
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    return batchRunPageReader.parse(await response.json());
  };
  const first = await read(0);
  const pages: ReadBatchRun[][] = [first.data.filter(matcher)];
  let searched = first.data.length;
  let next = 1;
  const worker = async () => {
    while (next < first.totalPages) {
      const page = next++;
      const body = await read(page);
      searched += body.data.length;
      pages[page] = body.data.filter(matcher);
    }
  };
  await Promise.all(Array.from({ length: OLD_WALK_CONCURRENCY }, worker));
  return { ms: performance.now() - started, requests, searched, matches: pages.flat() };
}
