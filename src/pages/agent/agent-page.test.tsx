import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../test/msw-server';
import { exampleBatch, examplePage, makeBatch, makePage } from '../../test/fixtures';
import { createTestQueryClient, renderWithProviders } from '../../test/render';
import { batchRunsQueries } from '../../features/batch-runs/api/batch-runs-queries';
import { AgentPage } from './agent-page';

const AGENT = 'agent_D5D0p7TUs66TTAEAx';

function serve(handler: (url: URL) => Response | Promise<Response>) {
  const calls: URL[] = [];
  server.use(
    http.get('*/v1/batch-runs', ({ request }) => {
      const url = new URL(request.url);
      calls.push(url);
      return handler(url);
    }),
  );
  return calls;
}

function pagedAgent(total: number) {
  return serve((url) => {
    const page = Number(url.searchParams.get('page'));
    const size = Number(url.searchParams.get('size'));
    const rows = Array.from({ length: Math.max(0, Math.min(size, total - page * size)) }, (_, i) =>
      makeBatch(page * size + i),
    );
    return HttpResponse.json(makePage(rows, { page, size, totalCount: total }));
  });
}

describe('BatchRunsView', () => {
  it('renders the documented example with every field somewhere', async () => {
    serve(() => HttpResponse.json(examplePage));
    const user = userEvent.setup();
    renderWithProviders(<AgentPage agentId={AGENT} />, { url: `/?agentId=${AGENT}` });

    expect(await screen.findByText(exampleBatch.batchId)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: /New AI Agent/ })).toBeInTheDocument();
    expect(
      screen.getByRole('img', { name: '4 of 5 attempts succeeded, 1 failed' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Live')).toBeInTheDocument();
    expect(screen.getByText('Page 1 of 7')).toBeInTheDocument();
    expect(screen.getByText(/125 batch runs/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Next page' })).not.toHaveAttribute('aria-disabled');
    expect(screen.getByRole('link', { name: 'Previous page' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );

    await user.click(
      screen.getByRole('button', { name: `Show test cases of batch ${exampleBatch.batchId}` }),
    );
    const panel = document.getElementById(`panel-${exampleBatch.batchId}`)!;
    const testCase = exampleBatch.testCases[0]!;
    for (const text of [
      testCase.label,
      testCase.testCaseId,
      testCase.llmModel,
      testCase.userPrompt,
      testCase.successCriteria,
    ]) {
      expect(within(panel).getByText(text)).toBeInTheDocument();
    }
    for (const variable of testCase.mockData) {
      expect(within(panel).getByText(variable.variableName)).toBeInTheDocument();
      expect(within(panel).getByText(variable.value)).toBeInTheDocument();
    }
    expect(window.location.search).toContain(`batch=${exampleBatch.batchId}`);
  });

  it('asks the API for the zero-based page of the 1-based URL page', async () => {
    const calls = pagedAgent(125);
    renderWithProviders(<AgentPage agentId={AGENT} />, { url: `/?agentId=${AGENT}&page=3` });
    expect(await screen.findByText('Page 3 of 7')).toBeInTheDocument();
    expect(calls[0]?.searchParams.get('page')).toBe('2');
    expect(calls[0]?.searchParams.get('size')).toBe('20');
  });

  it('pages forward and back following hasNext and hasPrevious', async () => {
    pagedAgent(45);
    const user = userEvent.setup();
    renderWithProviders(<AgentPage agentId={AGENT} />, { url: `/?agentId=${AGENT}` });
    await screen.findByText('Page 1 of 3');
    await user.click(screen.getByRole('link', { name: 'Next page' }));
    await screen.findByText('Page 2 of 3');
    await waitFor(() =>
      expect(screen.getByRole('link', { name: 'Next page' })).not.toHaveAttribute('aria-disabled'),
    );
    await user.click(screen.getByRole('link', { name: 'Next page' }));
    await screen.findByText('batch_test0040');
    expect(screen.getByRole('link', { name: 'Next page' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    expect(window.location.search).toContain('page=3');
    await user.click(screen.getByRole('link', { name: 'First page' }));
    await screen.findByText('batch_test0000');
    expect(window.location.search).not.toContain('page=');
  });

  it('goes to a typed page, repairing bad input, and pages from below the table', async () => {
    pagedAgent(52_340);
    const user = userEvent.setup();
    renderWithProviders(<AgentPage agentId={AGENT} />, { url: `/?agentId=${AGENT}` });
    await screen.findByText('Page 1 of 2,617');
    const box = screen.getByRole('textbox', { name: 'Go to page' });

    await user.clear(box);
    await user.type(box, '1300{Enter}');
    await screen.findByText('Page 1,300 of 2,617');
    expect(window.location.search).toContain('page=1300');
    expect(await screen.findByText('batch_test25980')).toBeInTheDocument();

    // Past the end: the last page. Not a number: the current page stays.
    await user.clear(screen.getByRole('textbox', { name: 'Go to page' }));
    await user.type(screen.getByRole('textbox', { name: 'Go to page' }), '99999{Enter}');
    await screen.findByText('Page 2,617 of 2,617');
    await user.clear(screen.getByRole('textbox', { name: 'Go to page' }));
    await user.type(screen.getByRole('textbox', { name: 'Go to page' }), 'abc');
    await user.click(screen.getByRole('button', { name: 'Go' }));
    expect(screen.getByRole('textbox', { name: 'Go to page' })).toHaveValue('2617');
    expect(screen.getByText('Page 2,617 of 2,617')).toBeInTheDocument();

    // Below the table: where we are, in batch runs, and a step to newer ones.
    const below = screen.getByRole('navigation', { name: 'Pagination below the table' });
    expect(below).toHaveTextContent('Batch runs 52,321–52,340 of 52,340');
    await user.click(within(below).getByRole('link', { name: '← Newer batch runs' }));
    await screen.findByText('Page 2,616 of 2,617');
  });

  it('changing the page size returns to page 1', async () => {
    const calls = pagedAgent(125);
    const user = userEvent.setup();
    renderWithProviders(<AgentPage agentId={AGENT} />, { url: `/?agentId=${AGENT}&page=2` });
    await screen.findByText('Page 2 of 7');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Rows per page' }), '50');
    await screen.findByText('Page 1 of 3');
    expect(calls.at(-1)?.searchParams.get('size')).toBe('50');
    expect(window.location.search).toBe(`?agentId=${AGENT}&size=50`);
  });

  it('says when the agent has no batch runs, by its name', async () => {
    const empty = 'agent_E2zJt6HqMx9UbPk4w';
    serve(() => HttpResponse.json(makePage([], { totalCount: 0 })));
    renderWithProviders(<AgentPage agentId={empty} />, { url: `/?agentId=${empty}` });
    expect(await screen.findByRole('heading', { name: 'No batch runs yet' })).toBeInTheDocument();
    expect(
      await screen.findByRole('heading', { level: 1, name: /Table Reservations v2/ }),
    ).toBeInTheDocument();
    expect(screen.getByText(/has not run any batch/)).toHaveTextContent(
      'Table Reservations v2 has not run any batch',
    );
    expect(screen.getByRole('button', { name: 'Export' })).toBeDisabled();
  });

  it('says once that an agent the workspace does not list is not found', async () => {
    serve(() => HttpResponse.json(makePage([], { totalCount: 0 })));
    renderWithProviders(<AgentPage agentId="agent_unknown1" />, {
      url: '/?agentId=agent_unknown1',
    });
    expect(await screen.findByRole('heading', { name: 'Agent not found' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'No batch runs yet' })).toBeNull();
    expect(screen.getByText(/is not one of this workspace’s agents/)).toBeInTheDocument();
  });

  it('says a page is past the end and links to the last page', async () => {
    pagedAgent(125);
    const user = userEvent.setup();
    renderWithProviders(<AgentPage agentId={AGENT} />, { url: `/?agentId=${AGENT}&page=99` });
    expect(
      await screen.findByRole('heading', { name: 'Page 99 is past the end' }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: /last page \(page 7\)/ }));
    await screen.findByText('Page 7 of 7');
    expect(screen.getByText('batch_test0120')).toBeInTheDocument();
  });

  it('steps back from past the end to the last page that exists', async () => {
    pagedAgent(125);
    const user = userEvent.setup();
    renderWithProviders(<AgentPage agentId={AGENT} />, { url: `/?agentId=${AGENT}&page=99` });
    await screen.findByRole('heading', { name: 'Page 99 is past the end' });
    expect(screen.getByRole('link', { name: 'Last page' })).not.toHaveAttribute('aria-disabled');
    await user.click(screen.getByRole('link', { name: 'Previous page' }));
    await screen.findByText('Page 7 of 7');
    expect(window.location.search).toContain('page=7');
  });

  it.each([
    [401, { message: 'Invalid API key' }, /SIGMAMIND_API_KEY/],
    [
      400,
      { error: 'Bad Request', message: 'size must be at most 100', status: 400 },
      /size must be at most 100/,
    ],
    [404, { message: 'No such agent' }, /No such agent/],
  ])('explains a %i with what to do next', async (status, body, text) => {
    serve(() => HttpResponse.json(body, { status }));
    renderWithProviders(<AgentPage agentId={AGENT} />, { url: `/?agentId=${AGENT}` });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(text);
    expect(within(alert).queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('offers Retry after a server error and recovers', async () => {
    let fail = true;
    serve(() =>
      fail ? new HttpResponse('upstream down', { status: 503 }) : HttpResponse.json(examplePage),
    );
    const user = userEvent.setup();
    renderWithProviders(<AgentPage agentId={AGENT} />, { url: `/?agentId=${AGENT}` });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('503');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText(exampleBatch.batchId)).toBeInTheDocument();
  });

  it('offers Retry when the network fails', async () => {
    serve(() => HttpResponse.error());
    renderWithProviders(<AgentPage agentId={AGENT} />, { url: `/?agentId=${AGENT}` });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not reach the server');
    expect(within(alert).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('names the field when the page envelope fails the schema', async () => {
    serve(() => HttpResponse.json({ ...examplePage, totalPages: 'one' }));
    renderWithProviders(<AgentPage agentId={AGENT} />, { url: `/?agentId=${AGENT}` });
    expect(await screen.findByRole('alert')).toHaveTextContent('totalPages');
  });

  it('shows a batch run with an odd field as a row, marked, instead of an error', async () => {
    serve(() =>
      HttpResponse.json({ ...examplePage, data: [{ ...exampleBatch, createdDate: 12345 }] }),
    );
    renderWithProviders(<AgentPage agentId={AGENT} />, { url: `/?agentId=${AGENT}` });
    expect(
      await screen.findByRole('img', { name: 'Incomplete answer, read with repairs: createdDate' }),
    ).toBeInTheDocument();
    expect(screen.getByText(exampleBatch.batchId)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a skeleton while loading', async () => {
    serve(async () => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      return HttpResponse.json(examplePage);
    });
    renderWithProviders(<AgentPage agentId={AGENT} />, { url: `/?agentId=${AGENT}` });
    expect(screen.getByText('Loading batch runs…')).toBeInTheDocument();
    expect(await screen.findByText(exampleBatch.batchId)).toBeInTheDocument();
  });

  it('expands and collapses every row', async () => {
    pagedAgent(3);
    const user = userEvent.setup();
    renderWithProviders(<AgentPage agentId={AGENT} />, { url: `/?agentId=${AGENT}` });
    await screen.findByText('batch_test0002');
    await user.click(screen.getByRole('button', { name: 'Expand all' }));
    expect(screen.getAllByRole('button', { name: /^Hide test cases/ })).toHaveLength(3);
    expect(window.location.search).not.toContain('batch=');
    await user.click(screen.getByRole('button', { name: 'Collapse all' }));
    expect(screen.queryAllByRole('button', { name: /^Hide test cases/ })).toHaveLength(0);
  });

  it('"Expand all" on a long page fills every panel with its test cases, a few at a time', async () => {
    pagedAgent(30);
    const user = userEvent.setup();
    renderWithProviders(<AgentPage agentId={AGENT} />, { url: `/?agentId=${AGENT}&size=50` });
    await screen.findByText('batch_test0029');
    await user.click(screen.getByRole('button', { name: 'Expand all' }));
    expect(screen.getAllByRole('button', { name: /^Hide test cases/ })).toHaveLength(30);
    const panels = () => [...document.querySelectorAll<HTMLElement>('tr[id^="panel-"]')];
    expect(panels()).toHaveLength(30);
    const cases = exampleBatch.testCases.length;
    // Three chunks of renders in jsdom, on a shared machine: more than waitFor's default second.
    await waitFor(
      () => {
        for (const panel of panels()) {
          expect(within(panel).getAllByRole('heading', { level: 3 })).toHaveLength(cases);
        }
      },
      { timeout: 10_000 },
    );
  });

  it('opens the batch named in the URL', async () => {
    pagedAgent(3);
    renderWithProviders(<AgentPage agentId={AGENT} />, {
      url: `/?agentId=${AGENT}&batch=batch_test0001`,
    });
    expect(
      await screen.findByRole('button', { name: 'Hide test cases of batch batch_test0001' }),
    ).toHaveAttribute('aria-expanded', 'true');
  });

  it('does not ask again on mount when the start-up prefetch of the link already failed', async () => {
    const calls = serve(() =>
      HttpResponse.json({ message: 'agentId is invalid' }, { status: 400 }),
    );
    const queryClient = createTestQueryClient();
    await queryClient.prefetchQuery(batchRunsQueries.list({ agentId: AGENT, page: 1, size: 20 }));
    renderWithProviders(<AgentPage agentId={AGENT} />, {
      url: `/?agentId=${AGENT}`,
      queryClient,
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('agentId is invalid');
    expect(calls).toHaveLength(1);
  });
});
