import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ReadBatchRun, ReadTestCase } from '../../../contract/read-batch-runs';
import { LikelyFailing } from './likely-failing';

function testCase(id: string, label: string): ReadTestCase {
  return {
    testCaseId: id,
    label,
    agent: { name: 'A', agentId: 'agent_A', status: 'Live' },
    workspaceId: 'org',
    llmModel: 'gpt-4o',
    mockData: [],
    userPrompt: 'p',
    attempt: 10,
    successCriteria: 'c',
  };
}

/** Fourteen finished batches over every pair and single of three test cases. */
function batchesOf(prefix: string): ReadBatchRun[] {
  const cases = ['a', 'b', 'c'].map((id) => testCase(`${prefix}-${id}`, `${prefix} case ${id}`));
  const rates = [0.9, 0.3, 0.6];
  const subsets = [[0], [1], [2], [0, 1], [0, 2], [1, 2], [0, 1, 2]];
  return subsets.flatMap((subset, s) =>
    [0, 1].map((copy) => {
      const succeeded = Math.round(subset.reduce((sum, i) => sum + 10 * (rates[i] ?? 0), 0));
      const total = subset.length * 10;
      return {
        batchId: `${prefix}_${s}_${copy}`,
        workspaceId: 'org',
        agent: { name: 'A', agentId: 'agent_A', status: 'Live' },
        createdDate: new Date(Date.UTC(2026, 0, 1) - (s * 2 + copy) * 60_000).toISOString(),
        testCases: subset.map((i) => cases[i]!),
        successfulAttempts: succeeded,
        failedAttempts: total - succeeded,
        totalAttempts: total,
      };
    }),
  );
}

/** The section over the agent's batches of `prefix` (not filtered, no history buttons). */
const estimateOf = (prefix: string, version: number) => (
  <LikelyFailing
    batches={batchesOf(prefix)}
    version={version}
    filtered={false}
    historyAction={() => null}
  />
);
const section = () => screen.getByRole('region', { name: 'Likely failing test cases' });

describe('LikelyFailing', () => {
  it('holds its room while estimating, then lists the lowest rate first', async () => {
    render(estimateOf('x', 1));
    expect(within(section()).getByText('Estimating…')).toBeInTheDocument();
    const rows = await within(section()).findAllByTestId('estimate-row');
    expect(rows[0]).toHaveTextContent('x case b');
    expect(within(section()).queryByText('Estimating…')).not.toBeInTheDocument();
  });

  it("never shows one set of batches' estimate for another while the new one runs", async () => {
    const view = render(estimateOf('x', 1));
    await within(section()).findAllByTestId('estimate-row');
    view.rerender(estimateOf('y', 2));
    expect(within(section()).queryByText(/x case/)).not.toBeInTheDocument();
    expect(within(section()).getByText('Estimating…')).toBeInTheDocument();
    const rows = await within(section()).findAllByTestId('estimate-row');
    expect(rows[0]).toHaveTextContent('y case b');
  });
});
