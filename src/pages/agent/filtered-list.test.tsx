import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { BatchRun } from '../../../contract/api-schemas';
import { makeBatch, makePage } from '../../test/fixtures';
import { server } from '../../test/msw-server';
import { renderWithProviders } from '../../test/render';
import { AgentPage } from './agent-page';

const AGENT = 'agent_D5D0p7TUs66TTAEAx';

/** Every third batch passed; the others failed one attempt (4 of 5). */
const batchAt = (i: number): BatchRun =>
  makeBatch(i, i % 3 === 0 ? { successfulAttempts: 5, failedAttempts: 0 } : {});

/**
 * An agent of `total` batches whose pages (zero-based, as the API numbers them) answer when
 * released; page 0 answers at once. Records what was asked and which requests were aborted.
 */
function gatedAgent(total: number, { open = false } = {}) {
  const waiting = new Map<number, () => void>();
  const asked: number[] = [];
  const aborted: number[] = [];
  server.use(
    http.get('*/v1/batch-runs', async ({ request }) => {
      const url = new URL(request.url);
      const page = Number(url.searchParams.get('page'));
      const size = Number(url.searchParams.get('size'));
      asked.push(page);
      request.signal.addEventListener('abort', () => aborted.push(page));
      if (!open && page > 0) await new Promise<void>((resolve) => waiting.set(page, resolve));
      const rows = Array.from(
        { length: Math.max(0, Math.min(size, total - page * size)) },
        (_, i) => batchAt(page * size + i),
      );
      return HttpResponse.json(makePage(rows, { page, size, totalCount: total }));
    }),
  );
  const release = (page: number) => {
    waiting.get(page)?.();
    waiting.delete(page);
  };
  return { asked, aborted, release, releaseAll: () => [...waiting.keys()].forEach(release) };
}

const failedIds = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => from + i)
    .filter((i) => i % 3 !== 0)
    .map((i) => batchAt(i).batchId);

function shownIds() {
  const table = screen.getByRole('table', { name: /^Matching batch runs of/ });
  return within(table)
    .getAllByRole('row')
    .map((row) => /batch_test\d{4}/.exec(row.textContent ?? '')?.[0])
    .filter(Boolean);
}

describe('the list under a filter', () => {
  it('shows matches as pages arrive, in list order, with progress and a growing page count', async () => {
    const agent = gatedAgent(450);
    renderWithProviders(<AgentPage agentId={AGENT} />, {
      url: `/?agentId=${AGENT}&outcome=failed&size=50`,
    });
    const status = await screen.findByText(/Searched 100 of 450 batch runs · 66 match/);
    expect(status).toBeInTheDocument();
    expect(
      await screen.findByRole('table', { name: /^Matching batch runs of/ }),
    ).toBeInTheDocument();
    expect(shownIds()).toEqual(failedIds(0, 75).slice(0, 50));
    expect(screen.getByRole('navigation', { name: 'Pagination' })).toHaveTextContent(
      /Page 1 of 2\+ so far, still searching/,
    );
    expect(
      screen.getByRole('heading', { name: /^Matching batch runs: 50 batch runs of 66/ }),
    ).toBeInTheDocument();
    agent.releaseAll();
    await screen.findByText(/Searched 450 of 450 batch runs · 300 match/);
    expect(screen.queryByRole('button', { name: 'Stop' })).not.toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Pagination' })).toHaveTextContent(
      /Page 1 of 6 · 300 matching batch runs/,
    );
    // Pages of 100: the list's own query is the walk's first page, asked once.
    expect(agent.asked.filter((page) => page === 0)).toHaveLength(1);
  });

  it('pages over the matches with the same controls, `page` being the page of matches', async () => {
    gatedAgent(250, { open: true });
    const user = userEvent.setup();
    renderWithProviders(<AgentPage agentId={AGENT} />, {
      url: `/?agentId=${AGENT}&outcome=passed&size=20`,
    });
    await screen.findByText(/Searched 250 of 250 batch runs · 84 match/);
    const previous = screen.getByRole('link', { name: 'Previous page' });
    const next = screen.getByRole('link', { name: 'Next page' });
    expect(previous).toHaveAttribute('aria-disabled', 'true');
    expect(next).not.toHaveAttribute('aria-disabled');
    const passed = Array.from({ length: 250 }, (_, i) => i).filter((i) => i % 3 === 0);
    expect(shownIds()).toEqual(passed.slice(0, 20).map((i) => batchAt(i).batchId));

    await user.click(screen.getByRole('link', { name: 'Last page' }));
    await waitFor(() => expect(window.location.search).toContain('page=5'));
    expect(shownIds()).toEqual(passed.slice(80).map((i) => batchAt(i).batchId));
    expect(screen.getByRole('link', { name: 'Next page' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    expect(screen.getByRole('link', { name: 'Previous page' })).not.toHaveAttribute(
      'aria-disabled',
    );
  });

  it('Stop ends the search, keeps what it found and asks nothing more', async () => {
    const agent = gatedAgent(2000);
    const user = userEvent.setup();
    renderWithProviders(<AgentPage agentId={AGENT} />, {
      url: `/?agentId=${AGENT}&outcome=failed`,
    });
    await screen.findByText(/Searched 100 of 2,000 batch runs · 66 match/);
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    await screen.findByText(/Searched 100 of 2,000 batch runs · 66 match · stopped/);
    const asked = agent.asked.length;
    agent.releaseAll();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(agent.asked).toHaveLength(asked);
    expect(shownIds()).toHaveLength(20);
  });

  it('a filter change cancels the search before it and starts over', async () => {
    const agent = gatedAgent(2000);
    const user = userEvent.setup();
    renderWithProviders(<AgentPage agentId={AGENT} />, {
      url: `/?agentId=${AGENT}&outcome=failed`,
    });
    await screen.findByText(/Searched 100 of 2,000 batch runs · 66 match/);
    const inFlight = agent.asked.filter((page) => page > 0);
    expect(inFlight.length).toBeGreaterThan(0);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Outcome' }), 'passed');
    await waitFor(() => expect(agent.aborted.sort()).toEqual(inFlight.sort()));
    expect(window.location.search).toContain('outcome=passed');
    await screen.findByText(/Searched 100 of 2,000 batch runs · 34 match/);
    expect(screen.getByRole('list', { name: 'Active filters' })).toHaveTextContent('Passed');
  });

  it('says what was searched when nothing matches, and offers to widen the range', async () => {
    gatedAgent(120, { open: true });
    const user = userEvent.setup();
    renderWithProviders(<AgentPage agentId={AGENT} />, {
      url: `/?agentId=${AGENT}&q=no%20such%20text&since=2026-03-01`,
    });
    expect(await screen.findByRole('heading', { name: 'No matching batch runs' })).toBeVisible();
    expect(
      screen.getByText(
        /None of the 120 batch runs searched match: From 2026-03-01, Text “no such text”/,
      ),
    ).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Search all dates' }));
    await waitFor(() => expect(window.location.search).not.toContain('since'));
  });
});
