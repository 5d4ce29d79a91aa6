import { render, screen, within } from '@testing-library/react';
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
  it('says it covers the visible page and adds its attempts up', () => {
    render(<PageSummary batches={batches} totalCount={125} />);
    expect(
      screen.getByRole('heading', { name: 'This page: 3 batch runs of 125 · 2 unfinished' }),
    ).toBeInTheDocument();
    // 5 of 7 finished attempts succeeded: 71 %.
    expect(screen.getByTestId('page-pass-rate')).toHaveTextContent('71%');
    expect(screen.getByText('of 7 finished attempts')).toBeInTheDocument();
    const counts = Object.fromEntries(
      screen.getAllByRole('term').map((term) => [term.textContent, term.nextSibling?.textContent]),
    );
    expect(counts).toEqual({ Succeeded: '5', Failed: '2', Pending: '5' });
  });

  it('gives screen readers the chart as a table, oldest first', () => {
    render(<PageSummary batches={batches} totalCount={3} />);
    const table = screen.getByRole('table', { name: /Pass rate of each batch run/ });
    const rows = within(table).getAllByRole('row').slice(1);
    // makeBatch dates batch n n hours before batch 0.
    expect(rows.map((row) => within(row).getAllByRole('cell')[1]?.textContent)).toEqual([
      'none finished',
      '50%',
      '80%',
    ]);
    expect(rows.map((row) => within(row).getAllByRole('cell')[2]?.textContent)).toEqual([
      '0 of 0 succeeded, unfinished',
      '1 of 2 succeeded, unfinished',
      '4 of 5 succeeded',
    ]);
    expect(screen.getByText('1 batch with no finished attempts is not plotted')).toBeVisible();
  });

  it('plots one point per rated batch, each with a title', () => {
    const { container } = render(<PageSummary batches={batches} totalCount={3} />);
    const titles = [...container.querySelectorAll('svg g > title')].map((t) => t.textContent);
    expect(titles).toHaveLength(2);
    expect(titles[0]).toContain('batch_test0001: 50% (1 of 2 attempts succeeded, unfinished)');
    expect(titles[1]).toContain('batch_test0000: 80% (4 of 5 attempts succeeded)');
  });

  it('shows no pass rate when nothing has finished', () => {
    render(<PageSummary batches={[batches[2]!]} totalCount={1} />);
    expect(screen.getByTestId('page-pass-rate')).toHaveTextContent('—');
    expect(screen.getByText('No finished attempts to plot yet')).toBeInTheDocument();
  });

  it('holds its place with a placeholder while loading', () => {
    const { container } = render(<PageSummary batches={undefined} totalCount={undefined} />);
    expect(container.firstElementChild).toHaveAttribute('aria-hidden', 'true');
    expect(screen.queryByRole('heading')).toBeNull();
  });
});
