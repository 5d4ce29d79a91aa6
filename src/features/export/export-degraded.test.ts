/** Exports of batch runs read with repairs write what the API sent, not what the page shows. */
import { describe, expect, it } from 'vitest';
import { readBatchRun, type ReadBatchRun } from '../../../contract/read-batch-runs';
import { exampleBatch } from '../../test/fixtures';
import { parseCsv } from '../../test/parse-csv';
import { toCsv, type CSV_COLUMNS } from './to-csv';
import { toJson } from './to-json';

const testCase = exampleBatch.testCases[0]!;
const sent = {
  ...exampleBatch,
  workspaceId: null,
  createdDate: '2026-03-26T10:52:45.565',
  successfulAttempts: null,
  agent: { ...exampleBatch.agent, name: null },
  testCases: [
    {
      ...testCase,
      label: null,
      mockData: [
        { variableName: 'n', value: 42 },
        { variableName: 'o', value: { city: 'Springfield' } },
      ],
    },
  ],
};
const read = readBatchRun(sent) as ReadBatchRun;

describe('exports of a repaired batch run', () => {
  it('CSV: blanks for missing values, the original date string, JSON text for mock values', () => {
    const [header, row] = parseCsv(toCsv([read]).slice(1));
    const cell = (name: (typeof CSV_COLUMNS)[number]) => row![header!.indexOf(name)];
    expect(cell('createdDate')).toBe('2026-03-26T10:52:45.565');
    expect(cell('agentName')).toBe('');
    expect(cell('successfulAttempts')).toBe('');
    expect(cell('passRate')).toBe('');
    expect(cell('label')).toBe('');
    expect(cell('mockData')).toBe('n=42; o={"city":"Springfield"}');
  });

  it('JSON: the item exactly as sent', () => {
    expect(JSON.parse(toJson([read]))).toEqual([sent]);
  });
});
