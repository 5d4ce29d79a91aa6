import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { pageInfo, pageSlice } from '../../../contract/paging';
import { readBatchRun, type ReadBatchRun } from '../../../contract/read-batch-runs';
import { testCaseRuns } from '../../../contract/test-case-runs';
import { exampleBatch, makeBatch } from '../../test/fixtures';
import { server } from '../../test/msw-server';
import { renderWithProviders } from '../../test/render';
import { HISTORY_POLL_MS } from './api/history-api';
import { TestCaseHistory } from './test-case-history';

const AGENT = 'agent_D5D0p7TUs66TTAEAx';

const testCase = exampleBatch.testCases[0]!;
const TC = testCase.testCaseId;
const other = { ...testCase, testCaseId: 'tc_other' };

/** 400 batches; every fourth ran the test case (100 in all). */
const batches = Array.from(
  { length: 400 },
  (_, i) =>
    readBatchRun(makeBatch(i, { testCases: [i % 4 === 0 ? testCase : other] })) as ReadBatchRun,
);

/**
 * The server's history over a mirror holding the newest `held` batches: the runs of what it
 * holds, as server/search/history.ts answers them. Records the sizes asked.
 */
function historyServer(held: number) {
  const state = { held, sizes: [] as number[] };
  server.use(
    http.get('*/api/agents/:agentId/test-cases/:testCaseId/runs', ({ request, params }) => {
      const query = new URL(request.url).searchParams;
      const paging = { page: Number(query.get('page')), size: Number(query.get('size')) };
      state.sizes.push(paging.size);
      const runs = testCaseRuns(batches.slice(0, state.held), String(params.testCaseId));
      const [from, to] = pageSlice(runs.length, paging);
      return HttpResponse.json({
        data: runs.slice(from, to),
        ...pageInfo(runs.length, paging),
        coverage: { searched: state.held, of: 400, complete: state.held === 400 },
      });
    }),
  );
  return state;
}

function show(onOpenBatch = vi.fn()) {
  renderWithProviders(
    <TestCaseHistory
      agentId={AGENT}
      testCaseId={TC}
      label="Angry Customer"
      onOpenBatch={onOpenBatch}
      onClose={() => {}}
    />,
  );
  return screen.getByRole('dialog', { name: /History of “Angry Customer”/ });
}

const links = (dialog: HTMLElement) =>
  within(within(dialog).getByRole('table')).getAllByRole('link');

describe('TestCaseHistory', () => {
  it('lists what the server found so far, asks again until it has read every batch', async () => {
    const api = historyServer(100);
    const dialog = show();
    expect(await within(dialog).findByText('Searched 100 of 400 batch runs')).toBeVisible();
    expect(
      within(dialog).getByRole('table', { name: '25 batch runs ran this test case so far' }),
    ).toBeVisible();
    expect(within(dialog).getByRole('button', { name: 'Stop' })).toBeVisible();
    api.held = 400;
    await within(dialog).findByText(
      'Every batch run of the agent was searched.',
      {},
      {
        timeout: 3000,
      },
    );
    expect(
      within(dialog).getByRole('table', {
        name: '100 batch runs ran this test case · the newest 50 listed',
      }),
    ).toBeVisible();
    expect(links(dialog).map((link) => link.textContent)).toEqual(
      batches
        .filter((_, i) => i % 4 === 0)
        .slice(0, 50)
        .map((batch) => batch.batchId),
    );
    expect(within(dialog).queryByRole('button', { name: 'Stop' })).toBeNull();
  });

  it('shows more on request, up to every run found', async () => {
    const api = historyServer(400);
    const user = userEvent.setup();
    const dialog = show();
    await within(dialog).findByText('Every batch run of the agent was searched.');
    await user.click(within(dialog).getByRole('button', { name: 'Show 50 more' }));
    await waitFor(() => expect(links(dialog)).toHaveLength(100));
    expect(api.sizes.at(-1)).toBe(100);
    expect(
      within(dialog).getByRole('table', { name: '100 batch runs ran this test case' }),
    ).toBeVisible();
    expect(within(dialog).queryByRole('button', { name: /more/ })).toBeNull();
  });

  it('Stop ends the asking again and keeps what was found', async () => {
    const api = historyServer(40);
    const user = userEvent.setup();
    const dialog = show();
    await within(dialog).findByText('Searched 40 of 400 batch runs');
    await user.click(within(dialog).getByRole('button', { name: 'Stop' }));
    expect(
      within(dialog).getByText('Stopped: batch runs older than the newest 40 were not searched.'),
    ).toBeVisible();
    const asked = api.sizes.length;
    await new Promise((resolve) => setTimeout(resolve, HISTORY_POLL_MS * 3));
    expect(api.sizes).toHaveLength(asked);
    expect(links(dialog)).toHaveLength(10);
    api.held = 400;
    await user.click(within(dialog).getByRole('button', { name: 'Continue searching' }));
    await within(dialog).findByText(
      'Every batch run of the agent was searched.',
      {},
      {
        timeout: 3000,
      },
    );
  });
});
