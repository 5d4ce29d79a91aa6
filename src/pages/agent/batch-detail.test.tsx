import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../test/msw-server';
import { exampleBatch, makeBatch, makePage } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';
import { AgentPage } from './agent-page';

const AGENT = 'agent_D5D0p7TUs66TTAEAx';
const FAR = makeBatch(57, { successfulAttempts: 3, failedAttempts: 2, totalAttempts: 5 });

function serve() {
  server.use(
    http.get('*/v1/batch-runs', () =>
      HttpResponse.json(makePage([exampleBatch, makeBatch(1)], { totalCount: 125 })),
    ),
    http.get('*/v1/batch-runs/:batchId', ({ params, request }) => {
      const agentId = new URL(request.url).searchParams.get('agentId');
      if (params.batchId === FAR.batchId && agentId === AGENT) return HttpResponse.json(FAR);
      return HttpResponse.json(
        {
          error: 'Not Found',
          message: `Batch run ${String(params.batchId)} not found`,
          status: 404,
        },
        { status: 404 },
      );
    }),
  );
}

describe('a linked batch that is not on the page', () => {
  it('opens on its own, with its fields, bar and test cases, and a way back', async () => {
    serve();
    const user = userEvent.setup();
    renderWithProviders(<AgentPage agentId={AGENT} />, {
      url: `/?agentId=${AGENT}&batch=${FAR.batchId}`,
    });
    expect(
      await screen.findByRole(
        'heading',
        { name: `Batch ${FAR.batchId} of New AI Agent`, level: 1 },
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    expect(
      await screen.findByRole('img', { name: '3 of 5 attempts succeeded, 2 failed' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: exampleBatch.testCases[0]!.label }),
    ).toBeInTheDocument();
    expect(document.title).toBe(`Batch ${FAR.batchId} · New AI Agent · Batch runs`);

    await user.click(screen.getByRole('link', { name: 'Back to all batch runs of New AI Agent' }));
    await waitFor(() => expect(window.location.search).toBe(`?agentId=${AGENT}`));
    expect(await screen.findByText(exampleBatch.batchId)).toBeInTheDocument();
  });

  it('says clearly when the batch does not exist', async () => {
    serve();
    renderWithProviders(<AgentPage agentId={AGENT} />, {
      url: `/?agentId=${AGENT}&batch=batch_nope`,
    });
    const alert = await screen.findByRole('alert', {}, { timeout: 5000 });
    expect(alert).toHaveTextContent('Batch run not found');
    expect(alert).toHaveTextContent(`Agent ${AGENT} has no batch run batch_nope.`);
    expect(
      screen.getByRole('link', { name: 'Back to all batch runs of New AI Agent' }),
    ).toHaveAttribute('href', `/?agentId=${AGENT}`);
  });

  it('stays in the table when the batch is on this page', async () => {
    serve();
    renderWithProviders(<AgentPage agentId={AGENT} />, {
      url: `/?agentId=${AGENT}&batch=${exampleBatch.batchId}`,
    });
    expect(
      await screen.findByRole(
        'button',
        { name: `Hide test cases of batch ${exampleBatch.batchId}` },
        { timeout: 5000 },
      ),
    ).toHaveAttribute('aria-expanded', 'true');
    expect(screen.queryByRole('link', { name: /Back to all batch runs/ })).not.toBeInTheDocument();
  });
});
