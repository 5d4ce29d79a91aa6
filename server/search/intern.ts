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

/**
 * Rough bytes of one object of a batch apart from its interned strings: fields, numbers, ids,
 * and its copy as sent. Calibrated on the 52,340-run sandbox agent: 156 MB of heap held after
 * GC (node --expose-gc), where 64 estimated 51 MB.
 */
const OBJECT_BYTES = 200;

/**
 * Every string in a value parsed from JSON taken from the interner, in place. A read batch
 * keeps the item as the API sent it (`sent`); without this, each batch's copy kept its own
 * personas and criteria alive (the 52,340-run sandbox agent: 238 MB of heap, most of it these).
 */
/** Keys whose values differ from batch to batch: sharing them would only grow the interner. */
const UNIQUE_KEYS = new Set(['batchId', 'testCaseId', 'createdDate']);

function internSent(value: unknown, interner: Interner): void {
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const item: unknown = value[index];
      if (typeof item === 'string') value[index] = interner.intern(item);
      else internSent(item, interner);
    }
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key in record) {
      const item = record[key];
      if (typeof item !== 'string') internSent(item, interner);
      else if (!UNIQUE_KEYS.has(key)) record[key] = interner.intern(item);
    }
  }
}

/** The batch with every repeatable string taken from the interner; returns its own size. */
export function internBatch(batch: ReadBatchRun, interner: Interner): number {
  let bytes = OBJECT_BYTES * 2 + 2 * (batch.batchId.length + (batch.createdDate?.length ?? 0));
  batch.workspaceId = interner.intern(batch.workspaceId);
  internSent(batch.sent, interner);
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
