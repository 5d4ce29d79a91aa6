import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { server } from '../../test/msw-server';
import { makeBatch, makePage } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';
import { AgentsBoard } from './agents-board';
import { BOARD_REFRESH_MS, CARD_CONCURRENCY } from './api/agents-queries';
import { SETTLE_MS } from './use-board-order';

const agent = (agentId: string, agentName: string, status = 'Live') => ({
  agentId,
  agentName,
  status,
  webhookSecret: `whsec_${agentId}`,
});

function serveAgents(agents: ReturnType<typeof agent>[]) {
  server.use(
    http.get('*/v1/agents', () =>
      HttpResponse.json({
        data: agents,
        page: 0,
        size: 100,
        totalCount: agents.length,
        totalPages: 1,
        hasNext: false,
        hasPrevious: false,
      }),
    ),
  );
}

/** Ten batches, newest first, whose pass rates go 10%, 20%, … 100% from oldest to newest. */
function trendingBatches() {
  return Array.from({ length: 10 }, (_, index) => {
    const passed = 10 - index;
    return makeBatch(index, {
      successfulAttempts: passed,
      failedAttempts: 10 - passed,
      totalAttempts: 10,
      testCases: [{ ...makeBatch(0).testCases[0]!, attempt: 10 }],
    });
  });
}

function cardOf(name: string) {
  return screen.getByRole('article', { name });
}

describe('AgentsBoard', () => {
  it('shows each agent’s runs, latest batch and trend; an empty agent says so', async () => {
    serveAgents([
      agent('agent_busy', 'Busy Agent'),
      agent('agent_empty', 'Empty Agent', 'Testing'),
    ]);
    const asked: URL[] = [];
    server.use(
      http.get('*/v1/batch-runs', ({ request }) => {
        const url = new URL(request.url);
        asked.push(url);
        if (url.searchParams.get('agentId') === 'agent_busy') {
          return HttpResponse.json(makePage(trendingBatches(), { size: 10, totalCount: 125 }));
        }
        return HttpResponse.json(makePage([], { size: 10 }));
      }),
    );
    renderWithProviders(<AgentsBoard onOpenAgent={vi.fn()} />);

    await waitFor(() =>
      expect(screen.getByRole('heading', { name: /All agents/ })).toHaveTextContent('2 agents'),
    );
    const busy = await screen.findByRole('article', { name: 'Busy Agent' });
    await waitFor(() => expect(busy).toHaveAttribute('data-state', 'ready'));
    expect(within(busy).getByText('125 batch runs')).toBeInTheDocument();
    expect(within(busy).getByText('Live')).toBeInTheDocument();
    expect(
      within(busy).getByRole('img', { name: '10 of 10 attempts succeeded, 0 failed' }),
    ).toBeInTheDocument();
    const trend = within(busy).getByRole('list');
    const rates = within(trend)
      .getAllByRole('listitem')
      .map((item) => item.textContent?.split(': ')[1]);
    expect(rates).toEqual(['10%', '20%', '30%', '40%', '50%', '60%', '70%', '80%', '90%', '100%']);
    expect(
      within(busy).getByText(/Pass rates of the last 10 batches, oldest first/),
    ).toBeInTheDocument();

    const empty = cardOf('Empty Agent');
    await waitFor(() => expect(empty).toHaveAttribute('data-state', 'empty'));
    expect(within(empty).getByText('No batch runs yet.')).toBeInTheDocument();

    for (const url of asked) {
      expect(url.searchParams.get('page')).toBe('0');
      expect(url.searchParams.get('size')).toBe('10');
    }
    expect(document.title).toBe('All agents · Batch runs');
    expect(document.body.textContent).not.toContain('whsec_');
  });

  it('shows a skeleton while a card loads, and an error with Retry when it fails', async () => {
    serveAgents([agent('agent_flaky', 'Flaky Agent')]);
    let calls = 0;
    server.use(
      http.get('*/v1/batch-runs', async () => {
        calls += 1;
        // Slower than the board waits for its cards: the card is shown loading.
        await delay(calls === 1 ? SETTLE_MS + 300 : 50);
        if (calls === 1)
          return HttpResponse.json({ message: 'Upstream exploded' }, { status: 500 });
        return HttpResponse.json(makePage([makeBatch(0)], { size: 10 }));
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<AgentsBoard onOpenAgent={vi.fn()} />);

    const card = await screen.findByRole(
      'article',
      { name: 'Flaky Agent' },
      { timeout: SETTLE_MS + 3_000 },
    );
    expect(card).toHaveAttribute('data-state', 'loading');
    expect(within(card).getByRole('status')).toHaveTextContent('Loading batch runs…');

    const alert = await within(card).findByRole('alert');
    expect(alert).toHaveTextContent('Could not load its batch runs: Upstream exploded');
    await user.click(within(card).getByRole('button', { name: 'Retry loading Flaky Agent' }));
    await waitFor(() => expect(card).toHaveAttribute('data-state', 'ready'));
    expect(within(card).getByText('1 batch run')).toBeInTheDocument();
  });

  it('opens an agent through a real link', async () => {
    serveAgents([agent('agent_one', 'One')]);
    server.use(http.get('*/v1/batch-runs', () => HttpResponse.json(makePage([], { size: 10 }))));
    const onOpenAgent = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<AgentsBoard onOpenAgent={onOpenAgent} />);
    const link = await screen.findByRole('link', { name: 'One' });
    expect(link).toHaveAttribute('href', '/?agentId=agent_one');
    await user.click(link);
    expect(onOpenAgent).toHaveBeenCalledWith('agent_one');
    link.focus();
    await user.keyboard('{Enter}');
    expect(onOpenAgent).toHaveBeenCalledTimes(2);
  });

  it(`loads cards at most ${CARD_CONCURRENCY} at a time`, async () => {
    const agents = Array.from({ length: 10 }, (_, index) =>
      agent(`agent_n${index}`, `Agent ${index}`),
    );
    serveAgents(agents);
    let inFlight = 0;
    let peak = 0;
    server.use(
      http.get('*/v1/batch-runs', async () => {
        inFlight += 1;
        peak = Math.max(peak, inFlight);
        await delay(20);
        inFlight -= 1;
        return HttpResponse.json(makePage([makeBatch(0)], { size: 10 }));
      }),
    );
    renderWithProviders(<AgentsBoard onOpenAgent={vi.fn()} />);
    await screen.findByRole('article', { name: 'Agent 9' });
    await waitFor(() =>
      expect(document.querySelectorAll('article[data-state="ready"]')).toHaveLength(10),
    );
    expect(peak).toBe(CARD_CONCURRENCY);
  });

  it('says so when the agent list fails or is empty', async () => {
    server.use(
      http.get('*/v1/agents', () => HttpResponse.json({ message: 'nope' }, { status: 500 })),
    );
    const first = renderWithProviders(<AgentsBoard onOpenAgent={vi.fn()} />);
    expect(
      await screen.findByRole('heading', { name: 'Could not load agents' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    first.unmount();

    serveAgents([]);
    renderWithProviders(<AgentsBoard onOpenAgent={vi.fn()} />);
    expect(
      await screen.findByRole('heading', { name: 'No agents in this workspace yet' }),
    ).toBeInTheDocument();
  });

  it('puts agents that need attention first, says why, and sorts by name or latest run', async () => {
    serveAgents([
      agent('agent_fine', 'Alpha Fine'),
      agent('agent_low', 'Bravo Low'),
      agent('agent_drop', 'Charlie Drop'),
      agent('agent_stall', 'Delta Stalled'),
      agent('agent_none', 'Echo Empty'),
    ]);
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
    const rated = (hours: number, ok: number, of = 10) =>
      makeBatch(hours, {
        createdDate: hoursAgo(hours),
        successfulAttempts: ok,
        failedAttempts: of - ok,
        totalAttempts: of,
        testCases: [{ ...makeBatch(0).testCases[0]!, attempt: of }],
      });
    const rows: Record<string, ReturnType<typeof makeBatch>[]> = {
      agent_fine: [rated(5, 10), rated(6, 9)],
      agent_low: [rated(3, 4), rated(4, 4)],
      agent_drop: [rated(1, 8), rated(2, 10)],
      // Its newest batch started 7 hours ago and never finished; the one before passed.
      agent_stall: [{ ...rated(7, 0), totalAttempts: 2, successfulAttempts: 2 }, rated(8, 10)],
      agent_none: [],
    };
    server.use(
      http.get('*/v1/batch-runs', ({ request }) => {
        const agentId = new URL(request.url).searchParams.get('agentId')!;
        return HttpResponse.json(makePage(rows[agentId] ?? [], { size: 10 }));
      }),
    );
    const user = userEvent.setup();
    renderWithProviders(<AgentsBoard onOpenAgent={vi.fn()} />);
    const names = () =>
      within(screen.getByRole('list', { name: 'Agents' }))
        .getAllByRole('article')
        .map(
          (card) => card.getAttribute('aria-labelledby') && card.querySelector('h2')?.textContent,
        );
    await waitFor(() =>
      expect(document.querySelectorAll('article[data-state="loading"]')).toHaveLength(0),
    );
    await waitFor(() =>
      expect(names()).toEqual([
        'Bravo Low',
        'Charlie Drop',
        'Delta Stalled',
        'Alpha Fine',
        'Echo Empty',
      ]),
    );
    expect(within(cardOf('Bravo Low')).getByTestId('attention')).toHaveTextContent(
      'Latest finished batch passed 40%, below 80%',
    );
    expect(within(cardOf('Charlie Drop')).getByTestId('attention')).toHaveTextContent(
      'Dropped 20 points against the previous batch',
    );
    expect(within(cardOf('Delta Stalled')).getByTestId('attention')).toHaveTextContent(
      'The newest batch stalled',
    );
    expect(within(cardOf('Alpha Fine')).queryByTestId('attention')).toBeNull();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'name');
    expect(names()).toEqual([
      'Alpha Fine',
      'Bravo Low',
      'Charlie Drop',
      'Delta Stalled',
      'Echo Empty',
    ]);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'latest');
    expect(names()).toEqual([
      'Charlie Drop',
      'Bravo Low',
      'Alpha Fine',
      'Delta Stalled',
      'Echo Empty',
    ]);
  });

  it('asks for every card again every 30 s', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      serveAgents([agent('agent_one', 'One')]);
      let calls = 0;
      server.use(
        http.get('*/v1/batch-runs', () => {
          calls += 1;
          return HttpResponse.json(makePage([makeBatch(0)], { size: 10 }));
        }),
      );
      renderWithProviders(<AgentsBoard onOpenAgent={vi.fn()} />);
      await waitFor(() => expect(cardOf('One')).toHaveAttribute('data-state', 'ready'));
      expect(calls).toBe(1);
      await act(() => vi.advanceTimersByTimeAsync(BOARD_REFRESH_MS));
      await waitFor(() => expect(calls).toBe(2));
    } finally {
      vi.useRealTimers();
    }
  });

  describe('cards keep their places', () => {
    const rated = (ok: number) =>
      makeBatch(1, {
        successfulAttempts: ok,
        failedAttempts: 10 - ok,
        totalAttempts: 10,
        testCases: [{ ...makeBatch(0).testCases[0]!, attempt: 10 }],
      });
    const names = () =>
      within(screen.getByRole('list', { name: 'Agents' }))
        .getAllByRole('article')
        .map((card) => card.querySelector('h2')?.textContent);

    it('is shown once every card has answered, and a refresh changes cards in place', async () => {
      vi.useFakeTimers({ shouldAdvanceTime: true });
      try {
        serveAgents([agent('agent_a', 'Alpha'), agent('agent_b', 'Bravo')]);
        // Alpha answers last, and fails from its second answer on.
        const answers: Record<string, number> = {};
        server.use(
          http.get('*/v1/batch-runs', async ({ request }) => {
            const agentId = new URL(request.url).searchParams.get('agentId')!;
            answers[agentId] = (answers[agentId] ?? 0) + 1;
            if (agentId === 'agent_a' && answers[agentId] === 1) await delay(100);
            const ok = agentId === 'agent_a' ? (answers[agentId] === 1 ? 10 : 1) : 5;
            return HttpResponse.json(makePage([rated(ok)], { size: 10 }));
          }),
        );
        renderWithProviders(<AgentsBoard onOpenAgent={vi.fn()} />);
        // No card is shown before Alpha's answer: it would have gone last, then moved.
        await screen.findByRole('status');
        expect(screen.queryByRole('list', { name: 'Agents' })).toBeNull();
        await waitFor(() => expect(names()).toEqual(['Bravo', 'Alpha']));

        await act(() => vi.advanceTimersByTimeAsync(BOARD_REFRESH_MS));
        await waitFor(() =>
          expect(within(cardOf('Alpha')).getByTestId('attention')).toHaveTextContent('10%'),
        );
        expect(names()).toEqual(['Bravo', 'Alpha']); // Alpha now needs attention most, in place

        const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
        const sortBy = screen.getByRole('combobox', { name: 'Sort by' });
        await user.selectOptions(sortBy, 'name');
        await user.selectOptions(sortBy, 'health');
        expect(names()).toEqual(['Alpha', 'Bravo']); // picking the sort takes it again
      } finally {
        vi.useRealTimers();
      }
    });

    it('shows the others after a while when a card is slow; the slow one fills in last', async () => {
      vi.useFakeTimers({ shouldAdvanceTime: true });
      try {
        serveAgents([agent('agent_slow', 'Alpha Slow'), agent('agent_b', 'Bravo')]);
        let release = () => {};
        const held = new Promise<void>((resolve) => (release = resolve));
        server.use(
          http.get('*/v1/batch-runs', async ({ request }) => {
            const agentId = new URL(request.url).searchParams.get('agentId')!;
            if (agentId === 'agent_slow') await held;
            return HttpResponse.json(makePage([rated(agentId === 'agent_slow' ? 1 : 9)]));
          }),
        );
        renderWithProviders(<AgentsBoard onOpenAgent={vi.fn()} />);
        await screen.findByRole('status');
        await act(() => vi.advanceTimersByTimeAsync(SETTLE_MS));
        await waitFor(() => expect(names()).toEqual(['Bravo', 'Alpha Slow']));
        expect(cardOf('Alpha Slow')).toHaveAttribute('data-state', 'loading');

        release();
        await waitFor(() => expect(cardOf('Alpha Slow')).toHaveAttribute('data-state', 'ready'));
        expect(names()).toEqual(['Bravo', 'Alpha Slow']);
      } finally {
        vi.useRealTimers();
      }
    });
  });
});
