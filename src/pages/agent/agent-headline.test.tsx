import { act, configure, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BatchRun } from '../../../contract/api-schemas';
import { SLOW_REFRESH_MS } from '../../features/batch-runs/live-refresh';
import { exampleBatch, makeBatch, makePage } from '../../test/fixtures';
import { server } from '../../test/msw-server';
import { renderWithProviders } from '../../test/render';
import { AgentPage } from './agent-page';

configure({ asyncUtilTimeout: 5_000 });

const AGENT = 'agent_D5D0p7TUs66TTAEAx';
const testCase = exampleBatch.testCases[0]!;

/** A batch `minutesAgo` old whose one test case asks for `attempts`, `[ok, failed]` done. */
function batch(index: number, minutesAgo: number, [ok, failed]: [number, number], attempts = 5) {
  return makeBatch(index, {
    createdDate: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    successfulAttempts: ok,
    failedAttempts: failed,
    totalAttempts: ok + failed,
    testCases: [{ ...testCase, attempt: attempts }],
  });
}

function serveRows(rows: () => BatchRun[]) {
  const calls: URL[] = [];
  server.use(
    http.get('*/v1/batch-runs', ({ request }) => {
      const url = new URL(request.url);
      calls.push(url);
      const page = Number(url.searchParams.get('page'));
      const size = Number(url.searchParams.get('size'));
      const all = rows();
      return HttpResponse.json(
        makePage(all.slice(page * size, page * size + size), {
          page,
          size,
          totalCount: all.length,
        }),
      );
    }),
  );
  return calls;
}

describe('the agent headline', () => {
  it('shows the newest finished batch and its change, the running one as progress only', async () => {
    serveRows(() => [
      batch(0, 1, [1, 0], 22), // running: 1 of 22 done, every one passed so far
      batch(1, 60, [3, 2]), // newest finished: 60 %
      batch(2, 120, [9, 1], 10), // previous finished: 90 %
    ]);
    renderWithProviders(<AgentPage agentId={AGENT} />, { url: `/?agentId=${AGENT}` });

    const latest = await screen.findByTestId('latest-finished');
    expect(latest).toHaveTextContent('60%');
    expect(latest).toHaveTextContent('3 of 5 attempts succeeded, 2 failed');
    expect(latest).toHaveTextContent('▼ −30 points');
    expect(within(latest).getByRole('link', { name: 'Open this batch' })).toHaveAttribute(
      'href',
      `/?agentId=${AGENT}&batch=batch_test0001`,
    );

    const running = screen.getByTestId('running-batch');
    expect(running).toHaveTextContent('1 of 22 attempts done');
    expect(running).not.toHaveTextContent('%');
    expect(within(running).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '1');

    const attention = screen.getByText('Needs attention').parentElement!;
    expect(attention).toHaveTextContent('Latest finished batch passed 60%, below 80%');
    expect(attention).toHaveTextContent('Dropped 30 points against the previous batch');
    // The running batch is nowhere a pass rate: not in the headline, not on the chart.
    const row = document.querySelector('tr[data-batch-id="batch_test0000"]')!;
    expect(row).toHaveTextContent('1 of 22 done');
    expect(row).not.toHaveTextContent('%');
    expect(screen.getByText('1 unfinished batch is not plotted')).toBeInTheDocument();
  });

  it('flags a stalled batch and says nothing is wrong when the newest batches are fine', async () => {
    // The newest batch started 7 hours ago and never finished; an older stalled one is history.
    serveRows(() => [batch(0, 7 * 60, [1, 0]), batch(1, 8 * 60, [5, 0]), batch(2, 9 * 60, [1, 0])]);
    const first = renderWithProviders(<AgentPage agentId={AGENT} />, {
      url: `/?agentId=${AGENT}`,
    });
    expect(
      await screen.findByText('The newest batch stalled: started hours ago and never finished'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('latest-finished')).toHaveTextContent('100%');
    first.unmount();

    serveRows(() => [batch(0, 30, [5, 0]), batch(1, 60, [4, 1])]);
    renderWithProviders(<AgentPage agentId={AGENT} />, { url: `/?agentId=${AGENT}` });
    expect(await screen.findByText('No problem in the newest batch runs.')).toBeInTheDocument();
    expect(screen.getByTestId('latest-finished')).toHaveTextContent('▲ +20 points');
  });
});

describe('the slow cycle', { timeout: 30_000 }, () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('finds a batch that started while nothing was running, without a reload', async () => {
    const rows = [batch(1, 60, [5, 0]), batch(2, 120, [5, 0])];
    serveRows(() => rows);
    renderWithProviders(<AgentPage agentId={AGENT} />, { url: `/?agentId=${AGENT}` });
    expect(await screen.findByText('batch_test0001')).toBeInTheDocument();

    rows.unshift(batch(0, 0, [0, 0]));
    await act(() => vi.advanceTimersByTimeAsync(SLOW_REFRESH_MS));
    expect(await screen.findByText('batch_test0000')).toBeInTheDocument();
    expect(screen.getByTestId('running-batch')).toHaveTextContent('0 of 5 attempts done');
  });

  it('tells a reader on another page that a new batch run started', async () => {
    const rows = Array.from({ length: 25 }, (_, index) =>
      batch(index + 1, 60 * (index + 1), [5, 0]),
    );
    const calls = serveRows(() => rows);
    renderWithProviders(<AgentPage agentId={AGENT} />, { url: `/?agentId=${AGENT}&page=2` });
    expect(await screen.findByText('batch_test0021')).toBeInTheDocument();
    await waitFor(() =>
      expect(calls.some((url) => url.searchParams.get('page') === '0')).toBe(true),
    );

    rows.unshift(batch(0, 0, [0, 0]));
    await act(() => vi.advanceTimersByTimeAsync(SLOW_REFRESH_MS));
    expect(await screen.findByText('A new batch run since you left page 1.')).toBeInTheDocument();
    screen.getByRole('button', { name: 'Go to page 1' }).click();
    expect(await screen.findByText('batch_test0000')).toBeInTheDocument();
  });
});
