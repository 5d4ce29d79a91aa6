/**
 * The server render of the view a link names (built by `vite build --ssr` into dist/.ssr/,
 * called by server/ssr.ts). It renders the same tree as the browser (root.tsx), asks the API
 * for what that tree asks for, through the server's own /v1 handler in process as the signed-in
 * reader, and renders again with the answers, within a budget: what has not arrived by then is
 * left for the browser to ask for, as without a server render. The page carries the answers
 * (ssr-state.ts) so the browser hydrates without asking again.
 */
import { QueryClient, skipToken, type Query } from '@tanstack/react-query';
import { prerender } from 'react-dom/static';
import { readView, type View } from './lib/view/view';
import { preloadView } from './app';
import { agentsQueries } from './features/agents/api/agents-queries';
import { batchRunsQueries } from './features/batch-runs/api/batch-runs-queries';
import { provideServerRender, type RenderHints, type ServerRender } from './lib/render-context';
import { compactBatchRuns } from './lib/carried-batch-runs';
import { sessionQuery } from './lib/session';
import { carriedInPage, dehydrateForPage, serializeSsrState } from './lib/ssr-state';
import { batchTitle, boardTitle, listTitle } from './lib/view/titles';
import { prefetchStartup, startupList } from './pages/startup-queries';
import { Root } from './root';

export interface PageRequest {
  /** The page's URL (only its search params are read). */
  url: URL;
  hints: RenderHints;
  /** The server's /v1 handler, in process, with the reader's cookies. */
  fetch: ServerRender['fetch'];
  /** How long to wait for the API before sending what is rendered (SSR_DATA_BUDGET_MS). */
  budgetMs: number;
  /** The reader went away: stop asking. */
  signal?: AbortSignal;
}

export interface RenderedPage {
  /** The app's HTML, for inside `<div id="root">`. */
  html: string;
  /** The JSON for `<script type="application/json" id="ssr-state">`, safe inside it. */
  state: string;
  title: string;
  /** Whether every answer the view asked for arrived within the budget. */
  complete: boolean;
  /** How many times the tree was rendered. */
  renders: number;
}

/** A view asks in steps (the board: agents, then each agent's card); rounds beyond are cut. */
const MAX_ROUNDS = 4;

/** Per-request storage (Node's AsyncLocalStorage): concurrent renders each see their own. */
export interface RenderStorage {
  run<R>(render: ServerRender, work: () => R): R;
  getStore(): ServerRender | undefined;
}

let renders: RenderStorage | undefined;

/** Called once by the server before the first render. */
export function setRenderStorage(storage: RenderStorage): void {
  renders = storage;
  provideServerRender(() => storage.getStore());
}

export async function renderPage(request: PageRequest): Promise<RenderedPage> {
  if (!renders) throw new Error('renderPage: call setRenderStorage first');
  const { view } = readView(request.url.searchParams);
  const deadline = performance.now() + request.budgetMs;
  const queryClient = new QueryClient({
    // One try within the budget: the browser retries what failed, as it would have.
    defaultOptions: { queries: { retry: false, staleTime: 30_000, gcTime: Infinity } },
  });
  const render: ServerRender = {
    hints: request.hints,
    origin: request.url.origin,
    fetch: request.fetch,
    notBefore: {},
    deadline,
  };
  return renders.run(render, async () => {
    // What the view shows first is asked for at once: its first page, the agents (the picker,
    // the board, the title) and who is signed in (the session bar). The first render waits for
    // them, within the budget, so as not to be a wasted one; the rounds after it find what else
    // the view asks for (the board: each agent's card).
    const asked: Promise<unknown>[] = [
      ...prefetchStartup(queryClient, view),
      queryClient.prefetchQuery(agentsQueries.list()),
      queryClient.prefetchQuery(sessionQuery),
    ];
    await preloadView(view);
    let complete = await within(deadline, Promise.allSettled(asked.splice(0)));

    const tried = new Set<string>();
    let html = '';
    let renders = 0;
    for (let round = 0; ; round += 1) {
      html = await renderApp(queryClient, request.url.search, request.signal);
      renders += 1;
      const wanted = queriesToAsk(queryClient, tried);
      if (wanted.length === 0 && asked.length === 0) break;
      if (round === MAX_ROUNDS || request.signal?.aborted) {
        complete = false;
        break;
      }
      for (const query of wanted) {
        tried.add(query.queryHash);
        asked.push(query.fetch());
      }
      if (!(await within(deadline, Promise.allSettled(asked.splice(0))))) {
        complete = false; // out of time: what is still loading is left for the browser
        break;
      }
    }
    // The page shows exactly what it carries: what is still loading, and errors the browser
    // would retry, are dropped, and the view rendered once more without them.
    await queryClient.cancelQueries();
    const dropped = queryClient
      .getQueryCache()
      .getAll()
      // A query that does not ask (skipToken: a search without filters; disabled: the estimate's
      // newest 100 before hydration) is as pending in the browser's first render as here: it
      // changes nothing.
      .filter((query) => !carriedInPage(query) && asks(query));
    if (dropped.length > 0) {
      dropped.forEach((query) => queryClient.getQueryCache().remove(query));
      html = await renderApp(queryClient, request.url.search, request.signal);
      renders += 1;
    }
    const state = serializeSsrState({
      hints: request.hints,
      queries: compactBatchRuns(dehydrateForPage(queryClient)),
      notBefore: render.notBefore,
    });
    const page = {
      html,
      state,
      title: titleOf(view, queryClient),
      complete,
      renders,
    };
    queryClient.clear();
    return page;
  });
}

/** Queries the render asked for (useQuery builds them in the cache) and nobody asked yet. */
function queriesToAsk(queryClient: QueryClient, tried: Set<string>): Query[] {
  return queryClient
    .getQueryCache()
    .getAll()
    .filter((query) => {
      const { status, fetchStatus } = query.state;
      if (status !== 'pending' || fetchStatus !== 'idle' || tried.has(query.queryHash)) {
        return false;
      }
      return asks(query);
    });
}

/** Whether a query would fetch: it has a function, and no observer holds it disabled. */
function asks(query: Query): boolean {
  const { enabled, queryFn } = query.options as {
    enabled?: boolean | ((query: Query) => boolean);
    queryFn?: unknown;
  };
  if (!queryFn || queryFn === skipToken) return false;
  return (typeof enabled === 'function' ? enabled(query) : enabled) !== false;
}

/** Whether the work finished before the deadline. */
async function within(deadline: number, work: Promise<unknown>): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, deadline - performance.now()));
  });
  try {
    return await Promise.race([work.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function renderApp(
  queryClient: QueryClient,
  search: string,
  signal: AbortSignal | undefined,
): Promise<string> {
  const { prelude } = await prerender(<Root queryClient={queryClient} search={search} />, {
    signal,
    // Every boundary inline, in order: an outlined one would need React's inline scripts,
    // which the CSP (script-src 'self') does not run.
    progressiveChunkSize: Number.MAX_SAFE_INTEGER,
    onError: (error) => {
      console.error('SSR error', error);
    },
  });
  return new Response(prelude).text();
}

/** The title the view's effect would set (titles.ts), from what the render had. */
function titleOf(view: View, queryClient: QueryClient): string {
  if (!view.agentId) return boardTitle();
  const page = queryClient.getQueryData(
    startupList(view)?.queryKey ??
      batchRunsQueries.list({ agentId: view.agentId, page: 1, size: 20 }).queryKey,
  );
  const agents = queryClient.getQueryData(agentsQueries.list().queryKey);
  const name =
    page?.data[0]?.agent.name ??
    agents?.find((agent) => agent.agentId === view.agentId)?.agentName ??
    view.agentId;
  if (view.batch && !page?.data.some((row) => row.batchId === view.batch)) {
    return batchTitle(view.batch, name);
  }
  return listTitle(name, view.page);
}
