import { focusManager } from '@tanstack/react-query';
import { act, configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeBatch, makePage } from '../../test/fixtures';
import { server } from '../../test/msw-server';
import { renderWithProviders } from '../../test/render';
import { AgentPage } from './agent-page';
import { LIVE_REFRESH_MS } from '../../features/batch-runs/live-refresh';

// Generous waits: the shared CI machine is often busy.
configure({ asyncUtilTimeout: 5_000 });

const AGENT = 'agent_Lq8vRk2NwB4ZpTe9c';
const LIVE_TEXT = /Live — refreshing every 3 s/;

/**
 * A page whose newest batch (5 attempts) has `progress.finished` done; every request of the
 * list after the first finishes one more (the likely-failing estimate's one page of 100 is
 * answered without counting). Older batches are finished, or stalled (unfinished for a month).
 */
function serveLiveAgent({ stalled = false } = {}) {
  const progress = { finished: 2, requests: 0 };
  server.use(
    http.get('*/v1/batch-runs', ({ request }) => {
      if (new URL(request.url).searchParams.get('size') !== '100') {
        progress.requests += 1;
        if (progress.requests > 1) progress.finished = Math.min(5, progress.finished + 1);
      }
      const running = makeBatch(0, {
        createdDate: new Date(Date.now() - 60_000).toISOString(),
        successfulAttempts: progress.finished,
        failedAttempts: 0,
        totalAttempts: progress.finished,
      });
      const old = makeBatch(1, {
        successfulAttempts: stalled ? 1 : 4,
        failedAttempts: stalled ? 0 : 1,
        totalAttempts: stalled ? 1 : 5,
      });
      return HttpResponse.json(makePage([running, old]));
    }),
  );
  return progress;
}

function attemptsOf(batchId: string) {
  const row = document.querySelector(`tr[data-batch-id="${batchId}"]`) as HTMLElement;
  return within(row).getAllByRole('cell').at(-1)?.textContent;
}

/** Lets the interval fire and the answer arrive. */
async function tick(ms = LIVE_REFRESH_MS) {
  await act(() => vi.advanceTimersByTimeAsync(ms));
}

describe('BatchRunsView while a batch is running', { timeout: 30_000 }, () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });
  afterEach(() => {
    focusManager.setFocused(undefined);
    vi.useRealTimers();
  });

  it('refreshes every 3 s and stops once every batch has finished', async () => {
    const progress = serveLiveAgent();
    renderWithProviders(<AgentPage agentId={AGENT} />, { url: `/?agentId=${AGENT}` });
    expect(await screen.findByText(LIVE_TEXT)).toBeInTheDocument();
    expect(screen.queryByText('Updating…')).toBeNull();
    expect(attemptsOf('batch_test0000')).toContain('2 / 5');
    expect(screen.getByText('running')).toBeInTheDocument();

    for (const finished of [3, 4, 5]) {
      await tick();
      await waitFor(() => expect(attemptsOf('batch_test0000')).toContain(`${finished} / 5`));
    }
    await waitFor(() => expect(screen.queryByText(LIVE_TEXT)).toBeNull());
    expect(screen.queryByText('running')).toBeNull();
    const requests = progress.requests;
    await tick(LIVE_REFRESH_MS * 5);
    expect(progress.requests).toBe(requests);
  });

  it('keeps opened rows open and shows no "Updating…" while refreshing', async () => {
    const progress = serveLiveAgent();
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
    renderWithProviders(<AgentPage agentId={AGENT} />, { url: `/?agentId=${AGENT}` });
    await screen.findByText(LIVE_TEXT);
    await user.click(
      screen.getByRole('button', { name: 'Show test cases of batch batch_test0001' }),
    );
    const rowBefore = document.querySelector('tr[data-batch-id="batch_test0000"]');

    await act(() => vi.advanceTimersByTimeAsync(LIVE_REFRESH_MS));
    // The request is in flight: the quiet hint stays quiet.
    expect(screen.queryByText('Updating…')).toBeNull();
    await waitFor(() => expect(progress.requests).toBe(2));
    await waitFor(() => expect(attemptsOf('batch_test0000')).toContain('3 / 5'));

    expect(
      screen.getByRole('button', { name: 'Hide test cases of batch batch_test0001' }),
    ).toHaveAttribute('aria-expanded', 'true');
    // Same row element: React updated it in place rather than rebuilding the table.
    expect(document.querySelector('tr[data-batch-id="batch_test0000"]')).toBe(rowBefore);
  });

  it('pauses while the tab is hidden', async () => {
    const progress = serveLiveAgent();
    renderWithProviders(<AgentPage agentId={AGENT} />, { url: `/?agentId=${AGENT}` });
    await screen.findByText(LIVE_TEXT);
    act(() => focusManager.setFocused(false));
    await tick(LIVE_REFRESH_MS * 3);
    expect(progress.requests).toBe(1);
    act(() => focusManager.setFocused(true));
    await tick();
    await waitFor(() => expect(progress.requests).toBeGreaterThan(1));
  });

  it('does not keep refreshing for a batch that stalled long ago', async () => {
    const progress = serveLiveAgent({ stalled: true });
    renderWithProviders(<AgentPage agentId={AGENT} />, { url: `/?agentId=${AGENT}` });
    await screen.findByText(LIVE_TEXT);
    for (let step = 0; step < 3; step += 1) await tick();
    await waitFor(() => expect(screen.queryByText(LIVE_TEXT)).toBeNull());
    // The stalled batch still says it is unfinished, without the "running" badge.
    expect(screen.getByText('unfinished')).toBeInTheDocument();
    expect(screen.queryByText('running')).toBeNull();
    const requests = progress.requests;
    await tick(LIVE_REFRESH_MS * 5);
    expect(progress.requests).toBe(requests);
  });
});
