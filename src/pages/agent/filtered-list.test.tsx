import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import type { BatchRun } from '../../../contract/api-schemas';
import { attemptCounts, batchMatcher, type Filters } from '../../../contract/batch-filters';
import { pageInfo, pageSlice } from '../../../contract/paging';
import { readBatchRun, type ReadBatchRun } from '../../../contract/read-batch-runs';
import { POLL_MS } from '../../features/filters/api/search-queries';
import { makeBatch, makePage } from '../../test/fixtures';
import { server } from '../../test/msw-server';
import { renderWithProviders } from '../../test/render';
import type * as view from '../../lib/view/view';
import { viewHref } from '../../lib/view/view';
import { AgentPage } from './agent-page';

// The page calls viewHref in each of its renders (its link); counted to tell what re-rendered.
vi.mock('../../lib/view/view', async (importOriginal) => {
  const actual = await importOriginal<typeof view>();
  return { ...actual, viewHref: vi.fn(actual.viewHref) };
});

const AGENT = 'agent_D5D0p7TUs66TTAEAx';

/** Every third batch passed; the others failed one attempt (4 of 5). */
const batchAt = (i: number): BatchRun =>
  makeBatch(i, i % 3 === 0 ? { successfulAttempts: 5, failedAttempts: 0 } : {});

/** The answer's summary and chart over every match, as server/search/ counts them. */
function summaryOf(matches: readonly ReadBatchRun[]) {
  const summary = {
    ...{ failed: 0, passed: 0, unfinished: 0, succeeded: 0, failedAttempts: 0, finished: 0 },
    ...{ pending: 0, passRate: null as number | null },
  };
  for (const counts of matches.map(attemptCounts)) {
    if (counts.isUnfinished) {
      summary.unfinished += 1;
      summary.pending += counts.pending;
      continue;
    }
    if (counts.failed > 0) summary.failed += 1;
    else summary.passed += 1;
    summary.succeeded += counts.succeeded;
    summary.failedAttempts += counts.failed;
    summary.finished += counts.finished;
  }
  if (summary.finished > 0) summary.passRate = summary.succeeded / summary.finished;
  const per = Math.max(1, Math.ceil(matches.length / 100));
  const chart = [];
  for (let start = 0; start < matches.length; start += per) {
    const run = matches.slice(start, start + per);
    const ok = run.reduce((sum, batch) => sum + (batch.successfulAttempts ?? 0), 0);
    const all = run.reduce((sum, batch) => sum + (batch.totalAttempts ?? 0), 0);
    chart.push({
      batchId: run[0]!.batchId,
      createdDate: run[0]!.createdDate,
      fromDate: run.at(-1)!.createdDate,
      batches: run.length,
      unfinished: 0,
      succeeded: ok,
      finished: all,
      passRate: ok / all,
    });
  }
  return { summary, chart };
}

/**
 * The server's search (GET /api/agents/{id}/batch-runs) over an agent of `total` batches of
 * which the server holds the newest `held` (`fill` adds more): it answers the page of matches
 * of what it holds, with the coverage, as server/search/ does, through the same predicates.
 * Records every search asked and every /v1/batch-runs page asked.
 */
function searchedAgent(total: number, held = total) {
  const batches = Array.from({ length: total }, (_, i) => batchAt(i));
  const searches: URLSearchParams[] = [];
  const pages: number[] = [];
  const latest: number[] = [];
  const state = { held };
  server.use(
    http.get('*/api/agents/:agentId/batch-runs', ({ request }) => {
      const params = new URL(request.url).searchParams;
      searches.push(params);
      const filters: Filters = {
        outcome: (params.get('outcome') as Filters['outcome']) ?? null,
        since: params.get('since'),
        until: params.get('until'),
        q: params.get('q'),
        rate: params.get('rate') === null ? null : Number(params.get('rate')),
      };
      const matches = batches
        .slice(0, state.held)
        .map((batch) => readBatchRun(batch) as ReadBatchRun)
        .filter(batchMatcher(filters, params.get('tz') ?? undefined));
      const paging = { page: Number(params.get('page')), size: Number(params.get('size')) };
      const [from, to] = pageSlice(matches.length, paging);
      return HttpResponse.json({
        data: batches.filter((batch) =>
          matches.slice(from, to).some((m) => m.batchId === batch.batchId),
        ),
        ...pageInfo(matches.length, paging),
        ...summaryOf(matches),
        coverage: { searched: state.held, of: total, complete: state.held === total },
      });
    }),
    http.get('*/v1/batch-runs', ({ request }) => {
      const params = new URL(request.url).searchParams;
      const page = Number(params.get('page'));
      const size = Number(params.get('size'));
      pages.push(page);
      const rows = batches.slice(page * size, (page + 1) * size);
      return HttpResponse.json(makePage(rows, { page, size, totalCount: total }));
    }),
    // The headline's first page, from the same mirror (server/search/latest.ts).
    http.get('*/api/agents/:agentId/latest', ({ request }) => {
      const size = Number(new URL(request.url).searchParams.get('size'));
      latest.push(size);
      return HttpResponse.json(
        makePage(batches.slice(0, size), { page: 0, size, totalCount: total }),
      );
    }),
  );
  return { searches, pages, latest, fill: (count: number) => (state.held = count) };
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
  it('shows the server’s matches, asks again while it searches, and walks no pages', async () => {
    const agent = searchedAgent(450, 100);
    renderWithProviders(<AgentPage agentId={AGENT} />, {
      url: `/?agentId=${AGENT}&outcome=failed&size=50`,
    });
    expect(await screen.findByText(/Searched 100 of 450 batch runs · 66 matches/)).toBeVisible();
    expect(
      await screen.findByRole('table', { name: /^Matching batch runs of/ }),
    ).toBeInTheDocument();
    expect(shownIds()).toEqual(failedIds(0, 100).slice(0, 50));
    expect(screen.getByRole('navigation', { name: 'Pagination' })).toHaveTextContent(
      /Page 1 of 2\+ so far, still searching/,
    );
    expect(screen.getByRole('button', { name: 'Stop' })).toBeVisible();
    agent.fill(450);
    await screen.findByText(/Searched 450 of 450 batch runs · 300 matches/, {}, { timeout: 3000 });
    expect(screen.queryByRole('button', { name: 'Stop' })).not.toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Pagination' })).toHaveTextContent(
      /Page 1 of 6 · 300 matching batch runs/,
    );
    const first = agent.searches[0]!;
    expect(first.get('outcome')).toBe('failed');
    expect(first.get('page')).toBe('0');
    expect(first.get('size')).toBe('50');
    expect(first.get('tz')).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    // Nothing of /v1 under a filter: the headline's first page comes from the mirror too.
    expect(agent.pages).toEqual([]);
    expect(agent.latest).toEqual([50]);
    expect(await screen.findByRole('region', { name: 'Latest results' })).toBeVisible();
  });

  it('pages over the matches with the same controls, `page` being the page of matches', async () => {
    const agent = searchedAgent(250);
    const user = userEvent.setup();
    renderWithProviders(<AgentPage agentId={AGENT} />, {
      url: `/?agentId=${AGENT}&outcome=passed&size=20`,
    });
    await screen.findByText(/Searched 250 of 250 batch runs · 84 matches/);
    const previous = screen.getByRole('link', { name: 'Previous page' });
    const next = screen.getByRole('link', { name: 'Next page' });
    expect(previous).toHaveAttribute('aria-disabled', 'true');
    expect(next).not.toHaveAttribute('aria-disabled');
    const passed = Array.from({ length: 250 }, (_, i) => i).filter((i) => i % 3 === 0);
    expect(shownIds()).toEqual(passed.slice(0, 20).map((i) => batchAt(i).batchId));

    await user.click(screen.getByRole('link', { name: 'Last page' }));
    await waitFor(() => expect(window.location.search).toContain('page=5'));
    await waitFor(() =>
      expect(shownIds()).toEqual(passed.slice(80).map((i) => batchAt(i).batchId)),
    );
    expect(agent.searches.at(-1)?.get('page')).toBe('4');
    expect(screen.getByRole('link', { name: 'Next page' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    expect(screen.getByRole('link', { name: 'Previous page' })).not.toHaveAttribute(
      'aria-disabled',
    );
  });

  it('summarizes every match, not the page on screen, “so far” while the server searches', async () => {
    const agent = searchedAgent(450, 100);
    renderWithProviders(<AgentPage agentId={AGENT} />, {
      url: `/?agentId=${AGENT}&outcome=failed&size=20`,
    });
    // 66 failed batches among the 100 held, 4 of 5 attempts each.
    expect(
      await screen.findByRole('heading', {
        name: 'Matching batch runs so far: 66 batch runs · searched 100 of 450',
      }),
    ).toBeVisible();
    expect(screen.getByTestId('page-pass-rate')).toHaveTextContent('80%');
    expect(screen.getByText('of 330 attempts')).toBeVisible();
    expect(screen.getByText('Pass rate of the matches’ finished batches so far')).toBeVisible();
    expect(shownIds()).toHaveLength(20);
    // One chart slot per match: 66, not the 20 rows on screen.
    const slots = screen.getByRole('group', { name: /Batch runs on the chart/ });
    expect(within(slots).getAllByRole('button')).toHaveLength(66);

    agent.fill(450);
    expect(
      await screen.findByRole(
        'heading',
        { name: 'Matching batch runs: 300 batch runs' },
        {
          timeout: 3000,
        },
      ),
    ).toBeVisible();
    expect(screen.getByText('of 1,500 attempts')).toBeVisible();
    // 300 matches: 100 points of 3, which open no single batch.
    const caption = 'Pass rate of the matching batch runs, oldest to newest, up to 3 a point';
    expect(screen.getByText(caption, { selector: 'figcaption' })).toBeVisible();
    const table = screen.getByRole('table', { name: caption });
    expect(within(table).getAllByRole('row')).toHaveLength(101);
    expect(screen.queryByRole('group', { name: /Batch runs on the chart/ })).toBeNull();
  });

  it('Stop ends the asking again, keeping what was found', async () => {
    const agent = searchedAgent(2000, 100);
    const user = userEvent.setup();
    renderWithProviders(<AgentPage agentId={AGENT} />, {
      url: `/?agentId=${AGENT}&outcome=failed`,
    });
    await screen.findByText(/Searched 100 of 2,000 batch runs · 66 matches/);
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    await screen.findByText(/Searched 100 of 2,000 batch runs · 66 matches · stopped/);
    const asked = agent.searches.length;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS * 3));
    expect(agent.searches).toHaveLength(asked);
    expect(shownIds()).toHaveLength(20);
  });

  it('a filter change starts a new search', async () => {
    searchedAgent(2000, 100);
    const user = userEvent.setup();
    renderWithProviders(<AgentPage agentId={AGENT} />, {
      url: `/?agentId=${AGENT}&outcome=failed`,
    });
    await screen.findByText(/Searched 100 of 2,000 batch runs · 66 matches/);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Outcome' }), 'passed');
    expect(window.location.search).toContain('outcome=passed');
    await screen.findByText(/Searched 100 of 2,000 batch runs · 34 matches/);
    expect(screen.getByRole('list', { name: 'Active filters' })).toHaveTextContent('Passed');
  });

  it('says what was searched when nothing matches, and offers to widen the range', async () => {
    searchedAgent(120);
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

  it('the newest 100 matches fill in the estimate without re-rendering the page', async () => {
    searchedAgent(120);
    // The estimate's request (the newest 100 matches) is held until the page has settled.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = false;
    server.use(
      http.get('*/api/agents/:agentId/batch-runs', async ({ request }) => {
        if (new URL(request.url).searchParams.get('size') !== '100') return undefined;
        asked = true;
        await held;
        return undefined; // answered by the search above
      }),
    );
    renderWithProviders(<AgentPage agentId={AGENT} />, {
      url: `/?agentId=${AGENT}&outcome=failed`,
    });
    await screen.findByText(/Searched 120 of 120 batch runs · 80 matches/);
    await waitFor(() => expect(asked).toBe(true));
    const renders = vi.mocked(viewHref).mock.calls.length;
    release();
    expect(
      await screen.findByText(/Estimated over the newest \d+ matching finished batch/),
    ).toBeVisible();
    // A query's answer is a blocking render of whoever asked: asked by the page, it re-rendered
    // the whole page (one 14 ms task on a phone); asked by the estimate's section, only that.
    expect(vi.mocked(viewHref).mock.calls.length).toBe(renders);
  });
});
