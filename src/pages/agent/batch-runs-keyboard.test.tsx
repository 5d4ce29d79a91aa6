import { configure, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { makeBatch, makePage } from '../../test/fixtures';
import { server } from '../../test/msw-server';
import { renderWithProviders } from '../../test/render';
import { AgentPage } from './agent-page';

// Generous waits: the shared CI machine is often busy.
configure({ asyncUtilTimeout: 5_000 });

const AGENT = 'agent_D5D0p7TUs66TTAEAx';

function serveAgent(total: number) {
  server.use(
    http.get('*/v1/batch-runs', ({ request }) => {
      const url = new URL(request.url);
      const page = Number(url.searchParams.get('page'));
      const size = Number(url.searchParams.get('size'));
      const rows = Array.from(
        { length: Math.max(0, Math.min(size, total - page * size)) },
        (_, i) => makeBatch(page * size + i),
      );
      return HttpResponse.json(makePage(rows, { page, size, totalCount: total }));
    }),
  );
}

const expander = (batchId: string) =>
  screen.getByRole('button', { name: new RegExp(`test cases of batch ${batchId}$`) });
const findRow = (batchId: string) =>
  screen.findByRole('button', { name: new RegExp(`test cases of batch ${batchId}$`) });

describe('BatchRunsView keyboard shortcuts', { timeout: 30_000 }, () => {
  it('moves between rows with j/k and the arrows, and opens a row with Enter or Space', async () => {
    serveAgent(3);
    const user = userEvent.setup();
    renderWithProviders(<AgentPage agentId={AGENT} />, { url: `/?agentId=${AGENT}` });
    await findRow('batch_test0002');

    await user.keyboard('j');
    expect(expander('batch_test0000')).toHaveFocus();
    await user.keyboard('j');
    expect(expander('batch_test0001')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(expander('batch_test0002')).toHaveFocus();
    await user.keyboard('j'); // stays on the last row
    expect(expander('batch_test0002')).toHaveFocus();
    await user.keyboard('k{ArrowUp}');
    expect(expander('batch_test0000')).toHaveFocus();

    await user.keyboard('{Enter}');
    expect(expander('batch_test0000')).toHaveAttribute('aria-expanded', 'true');
    await user.keyboard(' ');
    expect(expander('batch_test0000')).toHaveAttribute('aria-expanded', 'false');
  });

  it('leaves the arrows alone outside the table', async () => {
    serveAgent(3);
    const user = userEvent.setup();
    renderWithProviders(<AgentPage agentId={AGENT} />, { url: `/?agentId=${AGENT}` });
    await findRow('batch_test0002');
    await user.keyboard('{ArrowDown}');
    expect(document.body).toHaveFocus();
  });

  it('pages with ] and [, following hasNext and hasPrevious', async () => {
    serveAgent(45);
    const user = userEvent.setup();
    renderWithProviders(<AgentPage agentId={AGENT} />, { url: `/?agentId=${AGENT}` });
    await screen.findByText('Page 1 of 3');
    await user.keyboard('[[');
    expect(screen.getByText('Page 1 of 3')).toBeInTheDocument();
    await user.keyboard(']');
    await findRow('batch_test0020');
    expect(window.location.search).toContain('page=2');
    await waitFor(() =>
      expect(screen.getByRole('link', { name: 'Next page' })).not.toHaveAttribute('aria-disabled'),
    );
    await user.keyboard(']');
    await findRow('batch_test0040');
    await user.keyboard(']'); // no page 4
    expect(screen.getByText('Page 3 of 3')).toBeInTheDocument();
    await user.keyboard('[[');
    await findRow('batch_test0020');
  });

  it('does not page while typing in the page-size select', async () => {
    serveAgent(45);
    const user = userEvent.setup();
    renderWithProviders(<AgentPage agentId={AGENT} />, { url: `/?agentId=${AGENT}` });
    await screen.findByText('Page 1 of 3');
    screen.getByRole('combobox', { name: 'Rows per page' }).focus();
    await user.keyboard(']');
    expect(window.location.search).not.toContain('page=');
  });

  it('lists the shortcuts on ? and gives focus back on close', async () => {
    serveAgent(3);
    const user = userEvent.setup();
    renderWithProviders(<AgentPage agentId={AGENT} />, { url: `/?agentId=${AGENT}` });
    await findRow('batch_test0002');
    await user.keyboard('j');
    await user.keyboard('?');
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog).toHaveTextContent('Next page');
    // Keys do nothing behind the open dialog.
    await user.keyboard('j');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(expander('batch_test0000')).toHaveFocus();
  });
});
