/**
 * The response schemas are the dashboard's edge: whatever the API sends, parsing must not
 * throw, a success must hold what the rest of the code assumes, and a failure must name the
 * field. The property tests (fast-check) feed them malformed payloads of every kind.
 */
import fc from 'fast-check';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { examplePage } from '../test/fixtures';
import { server } from '../test/msw-server';
import { ApiError, apiGet, describeSchemaIssue } from './api-client';
import {
  agentPageSchema,
  apiErrorBodySchema,
  batchRunPageSchema,
  batchRunSchema,
  type BatchRun,
  type BatchRunPage,
} from '../../contract/api-schemas';
import { describeAttempts, formatPassRate, summarizeAttempts } from './attempts';

const RUNS = 200;
/** Property tests run hundreds of cases on a shared 2-core machine. */
const SLOW = 60_000;

// ---- arbitraries -------------------------------------------------------------------------

/** Text as test-case authors might write it, hostile included. */
const text = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }), weight: 8 },
  {
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '<script>window.__pwned=1</script>',
      '<img src=x onerror="window.__pwned=1">',
      'javascript:alert(1)',
      'Invoice \u202Egnp.exe\u202C',
      'Zero\u200Bwidth\uFEFF',
      '😡🔥 👨‍👩‍👧‍👦 🇺🇦',
      '__proto__',
      'constructor',
    ),
    weight: 4,
  },
  { arbitrary: fc.constant('W'.repeat(20_000)), weight: 1 },
);
const count = fc.oneof(fc.nat({ max: 20 }), fc.maxSafeNat());
const isoDate = fc
  .date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z') })
  .filter((date) => !Number.isNaN(date.getTime()))
  .map((date) => date.toISOString());
/** Fields nobody asked for: the API may add some at any time. */
const extras = fc.dictionary(
  fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('__proto__', 'constructor', 'toString')),
  fc.jsonValue({ maxDepth: 2 }),
  { maxKeys: 3 },
);

const agentRef = fc.record({ name: text, agentId: text, status: text });
const mockData = fc.record({ variableName: text, value: text });
const testCase = fc.record(
  {
    testCaseId: text,
    label: text,
    agent: agentRef,
    workspaceId: text,
    llmModel: text,
    mockData: fc.oneof(fc.array(mockData, { maxLength: 3 }), fc.constant(null)),
    userPrompt: text,
    attempt: count,
    successCriteria: text,
  },
  {
    requiredKeys: [
      'testCaseId',
      'label',
      'agent',
      'workspaceId',
      'llmModel',
      'userPrompt',
      'attempt',
      'successCriteria',
    ],
  },
);
const batchRun = fc.record(
  {
    batchId: text,
    workspaceId: text,
    agent: agentRef,
    createdDate: isoDate,
    testCases: fc.oneof(fc.array(testCase, { maxLength: 3 }), fc.constant(null)),
    successfulAttempts: count,
    failedAttempts: count,
    totalAttempts: count,
  },
  // testCases may be missing; with the others missing the batch is rejected (checked below).
  {
    requiredKeys: [
      'batchId',
      'workspaceId',
      'agent',
      'createdDate',
      'successfulAttempts',
      'failedAttempts',
      'totalAttempts',
    ],
  },
);
const wellFormedPage = fc.record({
  data: fc.array(batchRun, { maxLength: 4 }),
  page: count,
  size: count,
  totalCount: count,
  totalPages: count,
  hasNext: fc.boolean(),
  hasPrevious: fc.boolean(),
});

/** Adds extra fields to every object in a JSON tree. */
function withExtras(value: unknown, pick: () => Record<string, unknown>): unknown {
  if (Array.isArray(value)) return value.map((item) => withExtras(item, pick));
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = withExtras(item, pick);
  for (const [key, item] of Object.entries(pick())) {
    if (!(key in copy)) Object.defineProperty(copy, key, { value: item, enumerable: true });
  }
  return copy;
}

/** Every path to a value in a JSON tree. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const keys: (string | number)[] = Array.isArray(value)
    ? value.map((_, i) => i)
    : Object.keys(value);
  return [
    prefix,
    ...keys.flatMap((key) =>
      pathsOf((value as Record<string | number, unknown>)[key], [...prefix, key]),
    ),
  ];
}

type Mutation =
  | { kind: 'delete'; path: (string | number)[] }
  | { kind: 'replace'; path: (string | number)[]; value: unknown };

/** Deletes or replaces the value at one path (a deep copy; the root is replaced by `value`). */
function mutate(root: unknown, mutation: Mutation): unknown {
  const copy: unknown = structuredClone(root);
  if (mutation.path.length === 0) return mutation.kind === 'replace' ? mutation.value : undefined;
  let parent = copy as Record<string | number, unknown>;
  for (const key of mutation.path.slice(0, -1)) {
    parent = parent[key] as Record<string | number, unknown>;
  }
  const last = mutation.path[mutation.path.length - 1]!;
  if (mutation.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else {
    parent[last] = mutation.value;
  }
  return copy;
}

/** A well-formed page with one thing broken: a field deleted or replaced by any JSON. */
const brokenPage = wellFormedPage.chain((page) =>
  fc
    .record({
      path: fc.constantFrom(...pathsOf(page)),
      kind: fc.constantFrom('delete', 'replace'),
      value: fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.constantFrom(null, '', -1, 1.5, 1e308, '2026-13-45T99:99:99Z', [], {}),
      ),
    })
    .map(({ path, kind, value }) => {
      const mutation: Mutation = kind === 'delete' ? { kind, path } : { kind, path, value };
      return { page, mutation, broken: mutate(page, mutation) };
    }),
);

// ---- invariants ----------------------------------------------------------------------------

const BATCH_KEYS = Object.keys(batchRunSchema.def.shape).sort();
const PAGE_KEYS = Object.keys(batchRunPageSchema.def.shape).sort();

function expectCount(value: unknown) {
  expect(Number.isSafeInteger(value) && (value as number) >= 0).toBe(true);
}

/** What the rest of the dashboard assumes of a parsed page. */
function expectPageInvariants(page: BatchRunPage) {
  expect(Object.keys(page).sort()).toEqual(PAGE_KEYS);
  expect(Object.getPrototypeOf(page)).toBe(Object.prototype);
  for (const key of ['page', 'size', 'totalCount', 'totalPages'] as const) expectCount(page[key]);
  expect(typeof page.hasNext).toBe('boolean');
  expect(typeof page.hasPrevious).toBe('boolean');
  for (const batch of page.data) expectBatchInvariants(batch);
}

function expectBatchInvariants(batch: BatchRun) {
  expect(Object.keys(batch).sort()).toEqual(BATCH_KEYS);
  expect(Number.isNaN(Date.parse(batch.createdDate))).toBe(false);
  for (const key of ['successfulAttempts', 'failedAttempts', 'totalAttempts'] as const) {
    expectCount(batch[key]);
  }
  expect(Array.isArray(batch.testCases)).toBe(true);
  for (const testCase of batch.testCases) {
    expect(typeof testCase.label).toBe('string');
    expect(Array.isArray(testCase.mockData)).toBe(true);
    for (const variable of testCase.mockData) expect(typeof variable.value).toBe('string');
    expectCount(testCase.attempt);
  }
  // The bar's arithmetic holds for whatever counts came: shown as given, flagged, bounded.
  const summary = summarizeAttempts(batch);
  expect(summary.succeeded).toBe(batch.successfulAttempts);
  expect(summary.finished).toBe(batch.totalAttempts);
  expect(summary.pending).toBeGreaterThanOrEqual(0);
  if (summary.passRate !== null) {
    expect(summary.passRate).toBeGreaterThanOrEqual(0);
    expect(summary.passRate).toBeLessThanOrEqual(1);
  }
  const adds = batch.successfulAttempts + batch.failedAttempts === batch.totalAttempts;
  const withinExpected = summary.finished <= summary.expected;
  expect(summary.inconsistencies.length === 0).toBe(adds && withinExpected);
  expect(describeAttempts(summary)).not.toBe('');
  expect(formatPassRate(summary)).toMatch(/^(—|\d{1,3}%)$/);
}

/** The field a mutation touched, as describeSchemaIssue writes paths: `data[0].agent.name`. */
function fieldName(path: (string | number)[]): string {
  return path.reduce<string>(
    (acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${key}` : key),
    '',
  );
}

// ---- examples ------------------------------------------------------------------------------

describe('batchRunPageSchema: examples', () => {
  it('reads the documented example exactly', () => {
    const result = batchRunPageSchema.safeParse(examplePage);
    expect(result.success).toBe(true);
    expect(result.data).toEqual(examplePage);
    expectPageInvariants(result.data!);
  });

  it('drops extra fields, __proto__ included, without polluting anything', () => {
    const body: unknown = JSON.parse(
      JSON.stringify(examplePage).replace(
        '"batchId"',
        '"__proto__":{"polluted":true},"unknownFlag":1,"batchId"',
      ),
    );
    const result = batchRunPageSchema.safeParse(body);
    expect(result.success).toBe(true);
    expectPageInvariants(result.data!);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads empty optional parts sensibly: no mock data, empty label, no test cases', () => {
    const [batch] = structuredClone(examplePage).data as Record<string, unknown>[];
    const [testCase] = batch!.testCases as Record<string, unknown>[];
    const variants = [
      { ...batch, testCases: [] },
      { ...batch, testCases: null },
      { ...batch, testCases: undefined },
      { ...batch, testCases: [{ ...testCase, label: '', mockData: [] }] },
      { ...batch, testCases: [{ ...testCase, mockData: null }] },
      { ...batch, testCases: [{ ...testCase, mockData: undefined }] },
    ];
    for (const variant of variants) {
      const result = batchRunSchema.safeParse(variant);
      expect(result.success).toBe(true);
      expectBatchInvariants(result.data!);
    }
  });

  it('accepts counts that disagree (they are flagged, not refused)', () => {
    const [batch] = examplePage.data;
    const result = batchRunSchema.safeParse({
      ...batch,
      successfulAttempts: 3,
      failedAttempts: 1,
      totalAttempts: 7,
    });
    expect(result.success).toBe(true);
    expect(summarizeAttempts(result.data!).inconsistencies).toHaveLength(2);
  });

  it.each([
    ['a page number past int64 precision', { page: 2 ** 60 }],
    ['an infinite count (JSON 1e400)', { totalCount: Number.POSITIVE_INFINITY }],
    ['hasNext as a string', { hasNext: 'true' }],
    ['data as an object', { data: {} }],
  ])('refuses %s', (_, change) => {
    expect(batchRunPageSchema.safeParse({ ...examplePage, ...change }).success).toBe(false);
  });

  it('reads an agents page without its secret settings', () => {
    const result = agentPageSchema.safeParse({
      ...examplePage,
      data: [{ agentId: 'a_1', agentName: 'A', settings: { webhookSecret: 'whsec_x' } }],
    });
    expect(result.data?.data[0]).toEqual({ agentId: 'a_1', agentName: 'A' });
  });
});

// ---- properties ----------------------------------------------------------------------------

describe('batchRunPageSchema: properties', () => {
  it(
    'never throws on any JSON, and a success holds the invariants',
    () => {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => {
          const result = batchRunPageSchema.safeParse(value);
          if (result.success) expectPageInvariants(result.data);
          else expect(describeSchemaIssue(result.error, value)).toMatch(/^Unexpected response: /);
          expect(apiErrorBodySchema.safeParse(value).success).toBeTypeOf('boolean');
        }),
        { numRuns: RUNS },
      );
    },
    SLOW,
  );

  it(
    'accepts every well-formed page, whatever its text and extra fields',
    () => {
      fc.assert(
        fc.property(wellFormedPage, fc.array(extras, { minLength: 1 }), (page, extraSets) => {
          let i = 0;
          const body = withExtras(page, () => extraSets[i++ % extraSets.length]!);
          const result = batchRunPageSchema.safeParse(JSON.parse(JSON.stringify(body)));
          expect(result.success).toBe(true);
          expectPageInvariants(result.data!);
        }),
        { numRuns: RUNS },
      );
    },
    SLOW,
  );

  it(
    'with one field deleted or replaced: never throws; a failure names a field',
    () => {
      fc.assert(
        fc.property(brokenPage, ({ broken, mutation }) => {
          const body: unknown = broken === undefined ? undefined : structuredClone(broken);
          const result = batchRunPageSchema.safeParse(body);
          if (result.success) {
            expectPageInvariants(result.data);
            return;
          }
          const message = describeSchemaIssue(result.error, body);
          expect(message).toMatch(/^Unexpected response: (field "[^"]+"|the body) \S/);
          // The field named is the one broken, or lies under it (a replaced object's insides).
          const named = /field "([^"]+)"/.exec(message)?.[1] ?? '';
          const broke = fieldName(mutation.path);
          if (mutation.kind === 'replace') expect(named.startsWith(broke)).toBe(true);
        }),
        { numRuns: RUNS },
      );
    },
    SLOW,
  );

  it(
    'a deleted required field is named as missing',
    () => {
      const required = fc.constantFrom<(string | number)[][]>(
        ['page'],
        ['hasNext'],
        ['data', 0, 'batchId'],
        ['data', 0, 'createdDate'],
        ['data', 0, 'agent', 'status'],
        ['data', 0, 'totalAttempts'],
      );
      fc.assert(
        fc.property(wellFormedPage, required, (page, path) => {
          fc.pre(page.data.length > 0);
          const body = mutate(page, { kind: 'delete', path });
          const result = batchRunPageSchema.safeParse(body);
          expect(result.success).toBe(false);
          expect(describeSchemaIssue(result.error!, body)).toContain(
            `field "${fieldName(path)}" is missing`,
          );
        }),
        { numRuns: 100 },
      );
    },
    SLOW,
  );
});

describe('apiGet over any body: resolves to a valid page or rejects with a schema ApiError', () => {
  const body = fc.oneof(
    fc.jsonValue().map((value) => JSON.stringify(value)),
    wellFormedPage.map((value) => JSON.stringify(value)),
    brokenPage.map(({ broken }) => JSON.stringify(broken) ?? ''),
    fc.string(), // mostly not JSON at all
    fc.constantFrom('', '{"data": [', 'null', '<html>502</html>', '\u0000', '{"a":1}{"b":2}'),
  );

  it(
    'never escapes with anything else',
    async () => {
      let current = '';
      server.use(
        http.get(
          '*/v1/batch-runs',
          () => new HttpResponse(current, { headers: { 'Content-Type': 'application/json' } }),
        ),
      );
      await fc.assert(
        fc.asyncProperty(body, async (text) => {
          current = text;
          try {
            expectPageInvariants(await apiGet('/v1/batch-runs', batchRunPageSchema));
          } catch (error) {
            expect(error).toBeInstanceOf(ApiError);
            expect((error as ApiError).kind).toBe('schema');
            expect((error as ApiError).message).not.toBe('');
          }
        }),
        { numRuns: Math.min(RUNS, 200) },
      );
    },
    SLOW,
  );
});
