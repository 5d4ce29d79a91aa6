/**
 * Repeated strings stored once: personas, criteria and mock data are shared by thousands of
 * batches, and each page read from JSON would otherwise hold its own copy of every one.
 */
import type { ReadBatchRun } from '../../contract/read-batch-runs.ts';

export class Interner {
  private readonly strings = new Map<string, string>();
  /** Bytes (UTF-16) of the distinct strings held. */
  bytes = 0;

  intern<S extends string | null>(value: S): S {
    if (value === null) return value;
    const held = this.strings.get(value);
    if (held !== undefined) return held as S;
    this.strings.set(value, value);
    this.bytes += 2 * value.length + 40;
    return value;
  }

  get size(): number {
    return this.strings.size;
  }
}

/** Rough bytes of one batch apart from its interned strings: objects, numbers, ids. */
const OBJECT_BYTES = 64;

/** The batch with every repeatable string taken from the interner; returns its own size. */
export function internBatch(batch: ReadBatchRun, interner: Interner): number {
  let bytes = OBJECT_BYTES * 2 + 2 * (batch.batchId.length + (batch.createdDate?.length ?? 0));
  batch.workspaceId = interner.intern(batch.workspaceId);
  for (const testCase of batch.testCases) {
    bytes += OBJECT_BYTES * 2;
    testCase.label = interner.intern(testCase.label);
    testCase.userPrompt = interner.intern(testCase.userPrompt);
    testCase.successCriteria = interner.intern(testCase.successCriteria);
    testCase.llmModel = interner.intern(testCase.llmModel);
    const agent = testCase.agent as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(agent)) {
      if (typeof value === 'string') agent[key] = interner.intern(value);
    }
    for (const mock of testCase.mockData) {
      bytes += OBJECT_BYTES;
      mock.variableName = interner.intern(mock.variableName);
      mock.value = interner.intern(mock.value);
    }
  }
  return bytes;
}
