/**
 * Answers that arrive out of order: a late answer for a page the user has left must never
 * replace the page the user is on now.
 */
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { makeBatch, makePage } from '../../test/fixtures';
import { server } from '../../test/msw-server';
import { renderWithProviders } from '../../test/render';
import { AgentPage } from './agent-page';

const AGENT = 'agent_D5D0p7TUs66TTAEAx';
const TOTAL = 125;
const SIZE = 10;

function pageBody(page: number) {
  const rows = Array.from({ length: SIZE }, (_, i) => makeBatch(page * SIZE + i));
  return makePage(rows, { page, size: SIZE, totalCount: TOTAL });
}

/** Every zero-based page answers at once, except `slowPage`, which waits for `release()`. */
function serveWithSlowPage(slowPage: number) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const asked: number[] = [];
  let slowAnswered = false;
  server.use(
    http.get('*/v1/batch-runs', async ({ request }) => {
      const page = Number(new URL(request.url).searchParams.get('page'));
      asked.push(page);
      if (page === slowPage) {
        await released;
        slowAnswered = true;
      }
      return HttpResponse.json(pageBody(page));
    }),
  );
  return { asked, release, slowAnswered: () => slowAnswered };
}

/** What the browser's Forward button (or a pasted link in the same tab) does to the URL. */
function goTo(search: string) {
  act(() => {
    window.history.pushState(null, '', search);
    window.dispatchEvent(new PopStateEvent('popstate'));
  });
}

const firstBatchOf = (page: number) => makeBatch(page * SIZE).batchId;

/** The batch ids of the table's rows, in order. */
function shownBatchIds(): string[] {
  return [...document.querySelectorAll<HTMLElement>('tbody tr[data-batch-id]')].map(
    (row) => row.dataset.batchId ?? '',
  );
}

async function waitForRowsOf(page: number) {
  await waitFor(() => expect(shownBatchIds()[0]).toBe(firstBatchOf(page)));
}

describe('BatchRunsView: out-of-order answers', () => {
  it(
    'slow page 2, fast page 3: page 3 is shown, and stays when page 2 arrives late',
    { timeout: 60_000 },
    async () => {
      const slow = serveWithSlowPage(1); // the API's page 1 is the UI's page 2
      const user = userEvent.setup();
      renderWithProviders(<AgentPage agentId={AGENT} />, {
        url: `/?agentId=${AGENT}&size=${SIZE}`,
      });
      await waitForRowsOf(0);

      await user.click(screen.getByRole('link', { name: 'Next page' }));
      expect(window.location.search).toContain('page=2');
      // Page 2 has not come: page 1 stays on screen, and Next waits for it.
      expect(shownBatchIds()[0]).toBe(firstBatchOf(0));
      expect(screen.getByRole('link', { name: 'Next page' })).toHaveAttribute(
        'aria-disabled',
        'true',
      );

      goTo(`/?agentId=${AGENT}&size=${SIZE}&page=3`);
      await waitForRowsOf(2);
      expect(screen.getByText('Page 3 of 13')).toBeInTheDocument();

      slow.release();
      await waitFor(() => expect(slow.slowAnswered()).toBe(true));
      // Give the late answer every chance to render, then check it did not.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(shownBatchIds()).toEqual(pageBody(2).data.map((batch) => batch.batchId));
      expect(screen.getByText('Page 3 of 13')).toBeInTheDocument();
      expect(window.location.search).toContain('page=3');
      expect(slow.asked).toContain(1);
      expect(slow.asked).toContain(2);
    },
  );
});
