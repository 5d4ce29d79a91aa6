import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { exampleBatch, makeBatch } from '../../test/fixtures';
import { PageSummary } from './page-summary';

const testCase = exampleBatch.testCases[0]!;

const batches = [
  // 4 of 5, finished
  makeBatch(0),
  // 1 of 2 finished, 2 pending
  makeBatch(1, {
    successfulAttempts: 1,
    failedAttempts: 1,
    totalAttempts: 2,
    testCases: [{ ...testCase, attempt: 4 }],
  }),
  // nothing finished yet, 3 pending
  makeBatch(2, {
    successfulAttempts: 0,
    failedAttempts: 0,
    totalAttempts: 0,
    testCases: [{ ...testCase, attempt: 3 }],
  }),
];

describe('PageSummary', () => {
  it('says it covers the visible page and rates only its finished batches', () => {
    render(<PageSummary page={1} batches={batches} totalCount={125} />);
    expect(
      screen.getByRole('heading', { name: 'Page 1 summary: 3 batch runs of 125 · 2 unfinished' }),
    ).toBeInTheDocument();
    // Only the finished batch is rated: 4 of 5; the unfinished ones count as pending.
    expect(screen.getByTestId('page-pass-rate')).toHaveTextContent('80%');
    expect(screen.getByText('of 5 attempts')).toBeInTheDocument();
    const counts = Object.fromEntries(
      screen.getAllByRole('term').map((term) => [term.textContent, term.nextSibling?.textContent]),
    );
    expect(counts).toEqual({ Succeeded: '4', Failed: '1', Pending: '5' });
  });

  it('gives screen readers the chart as a table, oldest first', () => {
    render(<PageSummary page={1} batches={batches} totalCount={3} />);
    const table = screen.getByRole('table', { name: /Pass rate of each batch run/ });
    const rows = within(table).getAllByRole('row').slice(1);
    // makeBatch dates batch n n hours before batch 0.
    expect(rows.map((row) => within(row).getAllByRole('cell')[1]?.textContent)).toEqual([
      'none finished',
      'none finished',
      '80%',
    ]);
    expect(rows.map((row) => within(row).getAllByRole('cell')[2]?.textContent)).toEqual([
      '0 of 0 succeeded, unfinished',
      '1 of 2 succeeded, unfinished',
      '4 of 5 succeeded',
    ]);
    expect(screen.getByText('2 unfinished batches are not plotted')).toBeVisible();
  });

  it('plots finished batches only, never a running batch as a rate', () => {
    const { container } = render(<PageSummary page={1} batches={batches} totalCount={3} />);
    const titles = [...container.querySelectorAll('svg g > title')].map((t) => t.textContent);
    expect(titles).toEqual([expect.stringContaining('batch_test0000: 80% (4 of 5 attempts')]);
  });

  it('gives each batch a slot in list order that opens it on click or Enter', async () => {
    const opened: string[] = [];
    const user = userEvent.setup();
    render(
      <PageSummary
        page={1}
        batches={batches}
        totalCount={3}
        onOpenBatch={(id) => opened.push(id)}
      />,
    );
    const slots = within(
      screen.getByRole('group', { name: /Batch runs on the chart/ }),
    ).getAllByRole('button');
    // Oldest (the last row) on the left.
    expect(slots.map((slot) => slot.getAttribute('aria-label'))).toEqual([
      expect.stringMatching(/^Open batch_test0002, .*: unfinished$/),
      expect.stringMatching(/^Open batch_test0001, .*: unfinished$/),
      expect.stringMatching(/^Open batch_test0000, .*: 80%$/),
    ]);
    await user.click(slots[2]!);
    slots[2]!.focus();
    await user.keyboard('{ArrowLeft}');
    expect(slots[1]).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(opened).toEqual(['batch_test0000', 'batch_test0001']);
  });

  it('shows no pass rate when nothing has finished', () => {
    render(<PageSummary page={1} batches={[batches[2]!]} totalCount={1} />);
    expect(screen.getByTestId('page-pass-rate')).toHaveTextContent('—');
    expect(screen.getByText('No finished batch to plot yet')).toBeInTheDocument();
  });

  it('holds its place with a placeholder while loading', () => {
    const { container } = render(
      <PageSummary page={1} batches={undefined} totalCount={undefined} />,
    );
    expect(container.firstElementChild).toHaveAttribute('aria-hidden', 'true');
    expect(screen.queryByRole('heading')).toBeNull();
  });
});

describe('PageSummary with a batch whose counts were not given', () => {
  it('notes that it is left out of the figures and does not plot it', () => {
    render(
      <PageSummary
        batches={[makeBatch(0), { ...makeBatch(1), totalAttempts: null }]}
        totalCount={2}
        page={1}
      />,
    );
    expect(
      screen.getByText('1 batch run without counts is left out of these figures.'),
    ).toBeVisible();
    expect(screen.getByText('1 batch without counts is not plotted')).toBeVisible();
  });
});
