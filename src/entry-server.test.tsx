/**
 * The server render and the browser's hydration of it, both with React's development builds,
 * which (unlike production) also warn of attributes that differ: any console.error fails the
 * test (src/test/setup.ts), and so does any error React recovers from.
 */
import { act, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { hydrateRoot, type Root as ReactRoot } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderPage, setRenderStorage, type RenderStorage } from './entry-server';
import { createQueryClient } from './lib/query-client';
import { browserLocale, setHydrationHints, type ServerRender } from './lib/render-context';
import { hydrateFromPage, readSsrState } from './lib/ssr-state';
import { Root } from './root';
import { expandBatchRuns } from './lib/carried-batch-runs';
import { exampleBatch, examplePage, makeBatch, makePage } from './test/fixtures';
import { server } from './test/msw-server';

const AGENT = 'agent_D5D0p7TUs66TTAEAx';

/** One render at a time here, so a plain variable stands in for AsyncLocalStorage. */
let current: ServerRender | undefined;
const storage: RenderStorage = {
  run: (render, work) => {
    current = render;
    return work();
  },
  getStore: () => current,
};
setRenderStorage(storage);

// Server and browser share one JavaScript realm only here, which React's development build
// notices on each shared context; every other console.error still fails the test.
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (/Detected multiple renderers concurrently rendering/.test(String(args[0]))) return;
    throw new Error(`console.error: ${args.map(String).join(' ')}`);
  });
});

let root: ReactRoot | undefined;
afterEach(async () => {
  // nuqs holds the URL updates it has not written yet (a bad link's repair, made as its view
  // hydrated) in a queue of its module, which every hook reads first. Server and browser share
  // that module here, so the next test's server render would read the repair as its own URL:
  // the page settles (nuqs writes within its 50 ms throttle) before the next test starts.
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 200));
  });
  act(() => root?.unmount());
  root = undefined;
  setHydrationHints(undefined);
  document.body.innerHTML = '';
});

async function serverRender(path: string, budgetMs = 5_000) {
  const page = await renderPage({
    url: new URL(path, window.location.origin),
    hints: { now: Date.now(), ...browserLocale(), media: {} },
    fetch: (url, init) => fetch(url, init),
    budgetMs,
  });
  current = undefined; // the server is done: what follows is the browser
  return page;
}

/** Puts the server's page in the document and hydrates it as main.tsx does. */
async function hydrate(path: string, page: Awaited<ReturnType<typeof renderPage>>) {
  window.history.replaceState(null, '', path);
  document.body.innerHTML = `<div id="root">${page.html}</div><script type="application/json" id="ssr-state">${page.state}</script>`;
  const state = readSsrState(document)!;
  const queryClient = createQueryClient();
  hydrateFromPage(queryClient, expandBatchRuns(state.queries));
  setHydrationHints(state.hints);
  const recovered: unknown[] = [];
  await act(async () => {
    root = hydrateRoot(
      document.getElementById('root')!,
      <Root queryClient={queryClient} search={window.location.search} />,
      { onRecoverableError: (error) => recovered.push(error) },
    );
    // The views' code (lazy chunks) arrives, and the boundaries they are in hydrate.
    await new Promise((resolve) => setTimeout(resolve, 300));
  });
  return recovered;
}

function serveSession() {
  server.use(
    http.get('*/auth/session', () =>
      HttpResponse.json({ sandbox: true, signIn: false, user: null }),
    ),
  );
}

describe('server render, then hydration', () => {
  it('an agent page: its rows in the HTML, hydrated without a warning', async () => {
    serveSession();
    server.use(http.get('*/v1/batch-runs', () => HttpResponse.json(examplePage)));
    const path = `/?agentId=${AGENT}`;
    const page = await serverRender(path);
    expect(page.complete).toBe(true);
    // Its first page, the agents and the session are asked before the first render: one is enough.
    expect(page.renders).toBe(1);
    expect(page.title).toBe('New AI Agent · page 1 · Batch runs');
    expect(page.html).toContain(`data-batch-id="${exampleBatch.batchId}"`);

    expect(await hydrate(path, page)).toEqual([]);
    expect(screen.getAllByText(exampleBatch.batchId).length).toBeGreaterThan(0);
  });

  it('the board: every agent’s card, hydrated without a warning', async () => {
    serveSession();
    server.use(
      http.get('*/v1/batch-runs', () => HttpResponse.json(makePage([makeBatch(1), makeBatch(2)]))),
    );
    const page = await serverRender('/');
    expect(page.complete).toBe(true);
    expect(page.renders).toBe(2); // the agents, then each agent's card
    expect(page.html).toContain('Appointment Booking Assistant');
    expect(await hydrate('/', page)).toEqual([]);
  });

  it('an API error the browser would not retry is rendered, and hydrates as the same error', async () => {
    serveSession();
    server.use(
      http.get('*/v1/batch-runs', () =>
        HttpResponse.json({ message: 'Invalid request parameters' }, { status: 400 }),
      ),
    );
    const path = `/?agentId=${AGENT}`;
    const page = await serverRender(path);
    expect(page.html).toContain('Invalid request parameters');
    expect(await hydrate(path, page)).toEqual([]);
    expect(screen.getAllByText(/Invalid request parameters/).length).toBeGreaterThan(0);
  });

  it('a slow API: the page goes out within the budget, without its rows, for the browser to ask', async () => {
    serveSession();
    // The API answers nothing until the page is out: a render that waited for it would never end.
    let answered = 0;
    let answer = () => {};
    const held = new Promise<void>((resolve) => (answer = resolve));
    server.use(
      http.get('*/v1/batch-runs', async () => {
        await held;
        answered += 1;
        return HttpResponse.json(examplePage);
      }),
    );
    const path = `/?agentId=${AGENT}`;
    const page = await serverRender(path, 50);
    expect(answered).toBe(0);
    answer();
    expect(page.complete).toBe(false);
    expect(page.html).not.toContain(`data-batch-id="${exampleBatch.batchId}"`);
    expect(readStateOf(page).queries.queries.map((query) => query.queryKey[0])).not.toContain(
      'batch-runs',
    );
    expect(await hydrate(path, page)).toEqual([]);
    // The browser asks itself, and shows the rows.
    expect(await screen.findAllByText(exampleBatch.batchId, {}, { timeout: 3_000 })).not.toEqual(
      [],
    );
    expect(answered).toBeGreaterThanOrEqual(1);
  });
});

function readStateOf(page: { state: string }) {
  return JSON.parse(page.state) as ReturnType<typeof readSsrState> & object;
}

describe.each([
  `/?agentId=${AGENT}&page=99`,
  `/?agentId=${AGENT}&page=abc&size=1000`,
  `/?agentId=${AGENT}&outcome=failed`,
  `/?agentId=${AGENT}&batch=${exampleBatch.batchId}`,
])('server render of %s, then hydration', (path) => {
  it('hydrates without a warning', async () => {
    serveSession();
    const counts = { failed: 0, passed: 0, unfinished: 0, succeeded: 0, failedAttempts: 0 };
    server.use(
      http.get('*/v1/batch-runs', ({ request }) => {
        const page = Number(new URL(request.url).searchParams.get('page'));
        return HttpResponse.json(page === 0 ? examplePage : { ...examplePage, data: [], page });
      }),
      // A filtered link's headline and matches, from the server's mirror.
      http.get('*/api/agents/:agentId/latest', () => HttpResponse.json(examplePage)),
      http.get('*/api/agents/:agentId/batch-runs', () =>
        HttpResponse.json({
          ...examplePage,
          summary: { ...counts, finished: 0, pending: 0, passRate: null },
          chart: [],
          coverage: {
            searched: examplePage.totalCount,
            of: examplePage.totalCount,
            complete: true,
          },
        }),
      ),
    );
    const page = await serverRender(path);
    expect(await hydrate(path, page)).toEqual([]);
  });
});

describe.each([
  ['404', () => HttpResponse.json({ message: 'Agent not found' }, { status: 404 })],
  ['a body of the wrong shape', () => HttpResponse.json({ data: 'nope' })],
])('an API answering %s', (_, answer) => {
  it('is rendered as the error, and hydrates as the same error', async () => {
    serveSession();
    server.use(http.get('*/v1/batch-runs', answer));
    const path = `/?agentId=agent_not_in_this_workspace`;
    const page = await serverRender(path);
    expect(await hydrate(path, page)).toEqual([]);
    expect(screen.getAllByRole('alert').length).toBeGreaterThan(0);
  });
});
