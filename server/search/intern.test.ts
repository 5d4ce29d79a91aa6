import { describe, expect, it } from 'vitest';
import { readBatchRun, type ReadBatchRun } from '../../contract/read-batch-runs.ts';
import { batch, PERSONA } from './fake-api.ts';
import { internBatch, Interner } from './intern.ts';

/** Marks what it hands out, so the test sees which strings were taken from it. */
class Marking extends Interner {
  override intern<S extends string | null>(value: S): S {
    return (value === null ? value : `${value}#`) as S;
  }
}

describe('internBatch', () => {
  it('takes the repeatable strings of the batch as sent from the interner, not its ids', () => {
    const read = readBatchRun(JSON.parse(JSON.stringify(batch(7))) as unknown) as ReadBatchRun;
    internBatch(read, new Marking());
    const sent = read.sent as {
      batchId: string;
      createdDate: string;
      testCases: { testCaseId: string; userPrompt: string; mockData: { value: string }[] }[];
    };
    expect(read.testCases[0]!.userPrompt).toBe(`${PERSONA}#`);
    expect(sent.testCases[0]!.userPrompt).toBe(`${PERSONA}#`);
    expect(sent.testCases[0]!.mockData[0]!.value).toBe('Ana#');
    expect(sent.batchId).toBe('b7');
    expect(sent.testCases[0]!.testCaseId).toBe('tc7');
    expect(sent.createdDate).toBe(batch(7).createdDate);
  });
});
