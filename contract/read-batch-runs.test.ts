/**
 * The lenient readers: each repair once, then the property of the issue — in a valid page of
 * 20 batch runs, delete, null or retype any one field anywhere in one item: the other 19 read
 * unchanged, the odd one reads with its repairs named or is counted as unreadable, and
 * nothing throws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import example from './list-batch-runs.example.json';
import { batchRunPageSchema, batchRunSchema } from './api-schemas';
import {
  batchRunPageReader,
  readBatchRun,
  readDateTime,
  type ReadBatchRun,
} from './read-batch-runs';
import { agentPageReader } from './read-agents';

const batch = example.data[0]!;
const testCase = batch.testCases[0]!;

/** A read batch without what the reading adds, to compare with the strict schema's. */
function withoutReading(read: ReadBatchRun): Omit<ReadBatchRun, 'repairs' | 'sent'> {
  const copy = { ...read };
  delete copy.repairs;
  delete copy.sent;
  return copy;
}

function read(item: unknown): ReadBatchRun {
  const result = readBatchRun(item);
  if ('reason' in result) throw new Error(`unreadable: ${result.reason}`);
  return result;
}

describe('readBatchRun: one repair each', () => {
  it('reads the documented example exactly as the strict schema does, with no repairs', () => {
    const { repairs, sent, ...rest } = read(batch);
    expect(repairs).toEqual([]);
    expect(sent).toBe(batch);
    expect(rest).toEqual(batchRunSchema.parse(batch));
  });

  it.each([
    ['missing', { ...batch, batchId: undefined }, '`batchId` is missing'],
    ['null', { ...batch, batchId: null }, '`batchId` is null'],
    ['empty', { ...batch, batchId: '' }, '`batchId` is empty'],
    ['a number', { ...batch, batchId: 7 }, '`batchId` is not a string'],
  ])('a batchId %s makes the item unreadable, kept as sent', (_, item, reason) => {
    expect(readBatchRun(item)).toEqual({ reason, sent: item });
  });

  it('a null or missing string reads as null and is named', () => {
    const read1 = read({
      ...batch,
      workspaceId: undefined,
      agent: { ...batch.agent, status: null },
    });
    expect(read1.workspaceId).toBeNull();
    expect(read1.agent.status).toBeNull();
    expect(read1.repairs).toEqual(['workspaceId', 'agent.status']);
  });

  it('counts missing or not numbers read as null; numeric strings are accepted (and named)', () => {
    const result = read({ ...batch, successfulAttempts: '4', failedAttempts: 'one' });
    expect(result.successfulAttempts).toBe(4);
    expect(result.failedAttempts).toBeNull();
    expect(result.totalAttempts).toBe(batch.totalAttempts);
    expect(result.repairs).toEqual(['successfulAttempts', 'failedAttempts']);
  });

  it('a date-time without an offset is read as UTC and named', () => {
    const result = read({ ...batch, createdDate: '2026-03-26T10:52:45.565' });
    expect(result.createdDate).toBe('2026-03-26T10:52:45.565');
    expect(readDateTime(result.createdDate)).toEqual({
      ms: Date.UTC(2026, 2, 26, 10, 52, 45, 565),
      assumedUtc: true,
    });
    expect(result.repairs).toEqual(['createdDate']);
  });

  it('a date-time that does not parse is kept as sent', () => {
    const result = read({ ...batch, createdDate: 'last Tuesday' });
    expect(result.createdDate).toBe('last Tuesday');
    expect(readDateTime(result.createdDate)).toEqual({ ms: null, assumedUtc: false });
    expect(result.repairs).toEqual(['createdDate']);
  });

  it('mock values of any JSON type read as JSON text', () => {
    const values = [42, true, { city: 'Springfield' }, [1, 2]];
    const result = read({
      ...batch,
      testCases: [
        {
          ...testCase,
          mockData: values.map((value, index) => ({ variableName: `v${index}`, value })),
        },
      ],
    });
    expect(result.testCases[0]!.mockData.map((variable) => variable.value)).toEqual([
      '42',
      'true',
      '{"city":"Springfield"}',
      '[1,2]',
    ]);
    expect(result.repairs).toEqual(values.map((_, i) => `testCases[0].mockData[${i}].value`));
  });

  it('testCases: null reads as none, with nothing to repair (the API may send it)', () => {
    const result = read({ ...batch, testCases: null });
    expect(result.testCases).toEqual([]);
    expect(result.repairs).toEqual([]);
  });

  it('testCases of another type read as none and are named; so is a test case that is not an object', () => {
    expect(read({ ...batch, testCases: 'none' }).repairs).toEqual(['testCases']);
    const result = read({ ...batch, testCases: [7, testCase] });
    expect(result.testCases).toHaveLength(1);
    expect(result.repairs).toEqual(['testCases[0]']);
  });

  it('unknown fields are ignored', () => {
    const result = read({ ...batch, surprise: { deep: true } });
    expect(result.repairs).toEqual([]);
    expect(result).not.toHaveProperty('surprise');
  });

  it('an agent that is not an object reads as blanks, named once', () => {
    const result = read({ ...batch, agent: null });
    expect(result.agent).toEqual({ name: null, agentId: null, status: null });
    expect(result.repairs).toEqual(['agent']);
  });
});

describe('page readers', () => {
  it('keep the envelope strict', () => {
    expect(batchRunPageReader.safeParse({ ...example, hasNext: 'yes' }).success).toBe(false);
    expect(batchRunPageReader.safeParse({ ...example, data: {} }).success).toBe(false);
  });

  it('list an agent without agentName by its id, and leave out one without agentId', () => {
    const page = agentPageReader.parse({
      ...example,
      data: [{ agentId: 'a_1', agentName: null, settings: { webhookSecret: 'x' } }, { name: 'b' }],
    });
    expect(page.data).toEqual([{ agentId: 'a_1', agentName: null, repairs: ['agentName'] }]);
    expect(page.unreadable).toEqual([{ reason: '`agentId` is missing', sent: { name: 'b' } }]);
  });
});

// ---- the property -------------------------------------------------------------------------

const text = fc.string({ maxLength: 12 });
const agentRef = fc.record({ name: text, agentId: text, status: text });
const validTestCase = fc.record({
  testCaseId: text,
  label: text,
  agent: agentRef,
  workspaceId: text,
  llmModel: text,
  mockData: fc.array(fc.record({ variableName: text, value: text }), { maxLength: 2 }),
  userPrompt: text,
  attempt: fc.nat({ max: 9 }),
  successCriteria: text,
});
const validBatch = (index: number) =>
  fc.record({
    batchId: fc.constant(`batch_${index}`),
    workspaceId: text,
    agent: agentRef,
    createdDate: fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z') })
      .filter((date) => !Number.isNaN(date.getTime()))
      .map((date) => date.toISOString()),
    testCases: fc.array(validTestCase, { maxLength: 2 }),
    successfulAttempts: fc.nat({ max: 20 }),
    failedAttempts: fc.nat({ max: 20 }),
    totalAttempts: fc.nat({ max: 40 }),
  });
const validPage = fc
  .tuple(...Array.from({ length: 20 }, (_, index) => validBatch(index)))
  .map((data) => ({
    data,
    page: 0,
    size: 20,
    totalCount: 20,
    totalPages: 1,
    hasNext: false,
    hasPrevious: false,
  }));

/** Every path inside a JSON value, the value's own root (`[]`) included. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [
    prefix,
    ...keys.flatMap((key) =>
      pathsOf((value as Record<string | number, unknown>)[key], [...prefix, key]),
    ),
  ];
}

const odd = fc.constantFrom(null, 0, 42, -1, 1.5, '', 'x', '12', true, [], {}, { a: 1 });

describe('batchRunPageReader: one odd field in one row of twenty', () => {
  it('reads the other 19 unchanged, and the odd one marked or counted unreadable', () => {
    fc.assert(
      fc.property(
        validPage,
        fc.nat({ max: 19 }),
        fc.nat(),
        fc.oneof(
          fc.constant({ kind: 'delete' as const }),
          odd.map((value) => ({ kind: 'set' as const, value })),
        ),
        (page, row, pick, change) => {
          const strict = batchRunPageSchema.parse(page);
          const item: unknown = structuredClone(page.data[row]);
          const paths = pathsOf(item).filter((path) => path.length > 0);
          const path = paths[pick % paths.length]!;
          let parent = item as Record<string | number, unknown>;
          for (const key of path.slice(0, -1)) parent = parent[key] as typeof parent;
          const last = path.at(-1)!;
          if (change.kind === 'delete') {
            if (Array.isArray(parent)) parent.splice(last as number, 1);
            else delete parent[last];
          } else parent[last] = change.value;
          const body = { ...page, data: page.data.map((b, i) => (i === row ? item : b)) };

          const result = batchRunPageReader.safeParse(body);
          expect(result.success).toBe(true);
          const { data, unreadable } = result.data!;
          // The other 19, unchanged (order is kept; an unreadable item is left out).
          const oddRead = unreadable.length === 0 ? data[row] : undefined;
          const others = data.filter((b) => b !== oddRead);
          expect(others).toHaveLength(19);
          for (const read of others) {
            expect(read.repairs).toEqual([]);
            expect(withoutReading(read)).toEqual(
              strict.data.find((b) => b.batchId === read.batchId),
            );
          }
          // The odd one: unreadable, or read with its repairs named.
          if (!oddRead) {
            expect(unreadable).toEqual([
              { reason: expect.stringContaining('batchId') as string, sent: item },
            ]);
            return;
          }
          const strictOdd = batchRunSchema.safeParse(item);
          const { repairs } = oddRead;
          const rest = withoutReading(oddRead);
          if (strictOdd.success && strictOdd.data.batchId !== '') {
            // A change the contract allows (a list item deleted, a string for a string).
            expect(repairs).toEqual([]);
            expect(rest).toEqual(strictOdd.data);
          } else {
            expect(repairs!.length).toBeGreaterThan(0);
          }
          // What a repair names is where the change was (or a field under it).
          const field = path.reduce<string>(
            (acc, key) =>
              typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${key}` : key,
            '',
          );
          for (const repaired of repairs!)
            expect(field.startsWith(repaired) || repaired.startsWith(field)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);
});
