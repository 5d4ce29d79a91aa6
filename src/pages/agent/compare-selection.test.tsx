import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { BatchRun } from '../../../contract/api-schemas';
import { server } from '../../test/msw-server';
import { exampleBatch, makeBatch, makePage } from '../../test/fixtures';
import { renderWithProviders } from '../../test/render';
import { AgentPage } from './agent-page';

const AGENT = 'agent_D5D0p7TUs66TTAEAx';
const testCase = exampleBatch.testCases[0]!;
const batches: BatchRun[] = [
  makeBatch(0, { testCases: [{ ...testCase, llmModel: 'gpt-4o' }] }),
  makeBatch(1, {
    testCases: [testCase, { ...testCase, testCaseId: 'tc_gone', label: 'Gone' }],
    successfulAttempts: 1,
    failedAttempts: 4,
  }),
  makeBatch(2),
];

function serveAgent() {
  server.use(
    http.get('*/v1/batch-runs', () => HttpResponse.json(makePage(batches))),
    http.get('*/v1/batch-runs/:batchId', ({ params }) => {
      const batch = batches.find((candidate) => candidate.batchId === params.batchId);
      return batch
        ? HttpResponse.json(batch)
        : HttpResponse.json(
            { message: `Batch run ${String(params.batchId)} not found` },
            { status: 404 },
          );
    }),
  );
}

const checkbox = (id: string) =>
  screen.getByRole('checkbox', { name: `Select batch ${id} for comparison` });

describe('comparing two batches from the table', () => {
  it(
    'picks two rows, disables the rest, and opens the comparison in the URL',
    { timeout: 20_000 },
    async () => {
      serveAgent();
      const user = userEvent.setup();
      renderWithProviders(<AgentPage agentId={AGENT} />, { url: `/?agentId=${AGENT}` });
      await screen.findAllByRole('checkbox', { name: /for comparison/ });

      await user.click(checkbox('batch_test0000'));
      expect(screen.getByRole('button', { name: 'Compare 2 batches' })).toBeDisabled();
      await user.click(checkbox('batch_test0001'));
      expect(checkbox('batch_test0002')).toBeDisabled();
      expect(checkbox('batch_test0000')).toBeEnabled();

      await user.click(screen.getByRole('button', { name: 'Compare 2 batches' }));
      expect(window.location.search).toBe(
        `?agentId=${AGENT}&compare=batch_test0000,batch_test0001`,
      );
      expect(await screen.findByText('+60 points')).toBeInTheDocument(); // 20% → 80%
      const changed = screen.getByRole('region', { name: 'Changed (1)' });
      expect(within(changed).getByRole('deletion')).toHaveTextContent(testCase.llmModel);
      expect(within(changed).getByRole('insertion')).toHaveTextContent('gpt-4o');
      expect(
        screen.getByRole('region', { name: 'Removed since the older batch (1)' }),
      ).toHaveTextContent('Gone');

      await user.click(screen.getByRole('button', { name: 'Close comparison' }));
      expect(window.location.search).toBe(`?agentId=${AGENT}`);
      expect(
        await screen.findByRole('checkbox', { name: /batch_test0001 for comparison/ }),
      ).toBeChecked();
    },
  );

  it('says which batch of a link does not exist, with a way back', async () => {
    serveAgent();
    const user = userEvent.setup();
    renderWithProviders(<AgentPage agentId={AGENT} />, {
      url: `/?agentId=${AGENT}&compare=batch_test0000,batch_missing`,
    });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Batch run not found');
    expect(alert).toHaveTextContent(`batch_missing is not a batch run of agent ${AGENT}`);
    // One Close, in the notice; not a second one in the heading.
    expect(screen.getAllByRole('button', { name: 'Close comparison' })).toHaveLength(1);
    await user.click(within(alert).getByRole('button', { name: 'Close comparison' }));
    await waitFor(() => expect(window.location.search).toBe(`?agentId=${AGENT}`));
  });
});
