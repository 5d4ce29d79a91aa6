/**
 * What the fake SigmaMind upstream serves, agent by agent. Specs import these values to
 * know what the page should (or must never) show; fake-upstream.ts serves them.
 */

export const AGENT_IDS = {
  ok: 'agent_ok',
  empty: 'agent_empty',
  hostile: 'agent_hostile',
  serverError: 'agent_500',
  badRequest: 'agent_400',
  unavailable: 'agent_503_retry_after',
  rateLimited: 'agent_429',
  slow: 'agent_slow',
  malformedJson: 'agent_malformed_json',
  wrongShape: 'agent_wrong_shape',
  huge: 'agent_huge',
  oddRows: 'agent_odd_rows',
  dollar: 'agent_dollar',
} as const;

export type FakeAgentId = (typeof AGENT_IDS)[keyof typeof AGENT_IDS];

/** A webhook secret in the agents' settings: the dashboard must never show or log it. */
export const AGENT_WEBHOOK_SECRET = 'whsec_fake_3b9d1e77_must_never_render';

/** How many 503s (each with `Retry-After: 1`) agent_503_retry_after answers before succeeding. */
export const UNAVAILABLE_FAILURES = 2;
/** How many 429s (each with `Retry-After: 1`) agent_429 answers before succeeding. */
export const RATE_LIMITED_FAILURES = 1;
export const RETRY_AFTER_SECONDS = 1;
/** agent_slow answers after this long: more than the e2e server's UPSTREAM_TIMEOUT_MS (3000). */
export const SLOW_DELAY_MS = 5_000;
/** agent_huge's body size: more than the e2e server's MAX_UPSTREAM_BYTES (1 MiB). */
export const HUGE_BODY_BYTES = 2 * 1024 * 1024;
export const MALFORMED_JSON_BODY = '{"data": [';

/** Strings that must be shown as text (or not at all), never interpreted. */
export const HOSTILE = {
  scriptTag: '<script>window.__pwned=1</script>',
  imgOnError: '<img src=x onerror="window.__pwned=1">',
  svgOnLoad: '<svg onload="window.__pwned=1"></svg>',
  javascriptUrl: 'javascript:alert(1)',
  /** U+202E RIGHT-TO-LEFT OVERRIDE makes "…exe.gnp" read as "…png.exe". */
  rtlOverride: 'Invoice \u202Egnp.exe\u202C follow-up',
  zeroWidth: 'Zero\u200Bwidth\u200Cjoin\u200Der\uFEFF test',
  emoji: 'Angry customer 😡🔥 · 👩🏽‍💻 · 👨‍👩‍👧‍👦 · 🇺🇦',
  /** 20 kB with no break opportunity: layouts must wrap or clip it. */
  longWord: 'W'.repeat(20_000),
  /** 20 kB of prose. */
  longText: 'The caller keeps talking without pausing. '.repeat(477),
  /**
   * String.prototype.replace's replacement patterns. React escapes `"` to `&quot;`, so the
   * name's `"$"` reaches the server's HTML as `&quot;$&quot;`, which holds `$&`.
   */
  dollarName: 'Read the fee as "$" then $<amount>',
  dollarPersona: "Quote $& and $' and $` and $$ and $1 back to the agent.",
} as const;

export interface FakeAgentRef {
  name: string;
  agentId: string;
  status: string;
}

export interface FakeTestCase {
  testCaseId: string;
  label: string;
  agent: FakeAgentRef;
  workspaceId: string;
  llmModel: string;
  mockData: { variableName: string; value: string }[] | null;
  userPrompt: string;
  attempt: number;
  successCriteria: string;
  [extra: string]: unknown;
}

export interface FakeBatchRun {
  batchId: string;
  workspaceId: string;
  agent: FakeAgentRef;
  createdDate: string;
  testCases: FakeTestCase[];
  successfulAttempts: number;
  failedAttempts: number;
  totalAttempts: number;
  [extra: string]: unknown;
}

export interface FakeAgent {
  agentId: FakeAgentId;
  /** Left out for agent_odd_rows: the board lists it by its id. */
  agentName?: string;
  status: string;
  /** Settings the dashboard does not need; one of them is secret. */
  settings: { webhookSecret: string; voice: string; language: string };
}

/** One request as the fake upstream saw it; the key's value is replaced by a verdict. */
export interface RecordedRequest {
  method: string;
  path: string;
  /** In order, duplicates kept. */
  query: [string, string][];
  /** Lower-cased names; `x-api-key` is left out. */
  headers: Record<string, string>;
  apiKey: 'valid' | 'invalid' | 'missing';
  receivedAt: string;
}

const WORKSPACE_ID = 'org_FakeUpstream0001';
const MODELS = ['gpt-4o-mini', 'claude-sonnet-4-5', 'gemini-2.5-flash'] as const;

const AGENT_NAMES: Record<FakeAgentId, string> = {
  agent_ok: 'Support Agent',
  agent_empty: 'Brand-new Agent',
  agent_hostile: `Hostile ${HOSTILE.imgOnError} Agent`,
  agent_500: 'Always 500',
  agent_400: 'Always 400',
  agent_503_retry_after: 'Unavailable Twice',
  agent_429: 'Rate Limited Once',
  agent_slow: 'Too Slow',
  agent_malformed_json: 'Malformed JSON',
  agent_wrong_shape: 'Wrong Shape',
  agent_huge: 'Huge Response',
  agent_odd_rows: 'Odd Rows',
  agent_dollar: HOSTILE.dollarName,
};

export const FAKE_AGENTS: FakeAgent[] = Object.values(AGENT_IDS).map((agentId) => ({
  agentId,
  ...(agentId !== AGENT_IDS.oddRows && { agentName: AGENT_NAMES[agentId] }),
  status: agentId === AGENT_IDS.ok ? 'Live' : 'Testing',
  settings: { webhookSecret: AGENT_WEBHOOK_SECRET, voice: 'alloy', language: 'en-US' },
}));

export function agentRef(agentId: FakeAgentId): FakeAgentRef {
  return {
    name: AGENT_NAMES[agentId],
    agentId,
    status: agentId === AGENT_IDS.ok ? 'Live' : 'Testing',
  };
}

function testCase(
  agentId: FakeAgentId,
  id: string,
  fields: Partial<FakeTestCase> & { label: string },
): FakeTestCase {
  return {
    testCaseId: `tc_${id}`,
    agent: agentRef(agentId),
    workspaceId: WORKSPACE_ID,
    llmModel: MODELS[0],
    mockData: [{ variableName: 'customer_name', value: 'Jane Roe' }],
    userPrompt: 'You are a customer with a billing question.',
    attempt: 2,
    successCriteria: 'The agent answers the billing question and confirms the next step.',
    ...fields,
  };
}

function batch(
  agentId: FakeAgentId,
  id: string,
  createdDate: string,
  testCases: FakeTestCase[],
  counts: { successfulAttempts: number; failedAttempts: number; totalAttempts: number },
): FakeBatchRun {
  return {
    batchId: `batch_${id}`,
    workspaceId: WORKSPACE_ID,
    agent: agentRef(agentId),
    createdDate,
    testCases,
    ...counts,
  };
}

const OK_LABELS = [
  'Angry Customer - Cancellation Flow',
  'Billing Question - Double Charge',
  'Appointment Reschedule',
  'Order Status - Delayed Parcel',
] as const;

/** Newest first, as the API lists them: 12 batches, so size 10 gives two pages. */
function normalBatches(agentId: FakeAgentId, count: number): FakeBatchRun[] {
  return Array.from({ length: count }, (_, i) => {
    const cases = [0, 1].map((j) => {
      const n = (i + j) % OK_LABELS.length;
      return testCase(agentId, `${agentId.slice(6)}_${i}_${j}`, {
        label: OK_LABELS[n] ?? 'Test case',
        llmModel: MODELS[(i + j) % MODELS.length] ?? MODELS[0],
        attempt: 2 + j,
      });
    });
    const expected = cases.reduce((sum, c) => sum + c.attempt, 0);
    // Every fourth batch is still running, so pending attempts appear too.
    const totalAttempts = i % 4 === 1 ? expected - 2 : expected;
    const failedAttempts = i % 3;
    const day = String(28 - i).padStart(2, '0');
    return batch(
      agentId,
      `${agentId.slice(6)}${String(i).padStart(2, '0')}`,
      `2026-03-${day}T10:${String(10 + i)}:45.565Z`,
      cases,
      {
        successfulAttempts: totalAttempts - failedAttempts,
        failedAttempts,
        totalAttempts,
      },
    );
  });
}

const EXTRA_FIELDS: Record<string, unknown> = JSON.parse(
  '{"__proto__":{"polluted":true},"unknownFlag":true,"nested":{"deep":[1,"two",null]}}',
) as Record<string, unknown>;

function hostileBatches(): FakeBatchRun[] {
  const id = AGENT_IDS.hostile;
  return [
    batch(
      id,
      'hostile_markup',
      '2026-04-10T09:00:00.000Z',
      [
        testCase(id, 'markup_1', {
          label: HOSTILE.scriptTag,
          userPrompt: HOSTILE.imgOnError,
          successCriteria: HOSTILE.javascriptUrl,
          llmModel: HOSTILE.svgOnLoad,
          mockData: [
            { variableName: '<b>customer_name</b>', value: HOSTILE.imgOnError },
            { variableName: 'profile_url', value: HOSTILE.javascriptUrl },
          ],
          attempt: 3,
        }),
      ],
      { successfulAttempts: 2, failedAttempts: 1, totalAttempts: 3 },
    ),
    batch(
      id,
      'hostile_unicode',
      '2026-04-09T09:00:00.000Z',
      [
        testCase(id, 'unicode_1', { label: HOSTILE.rtlOverride, userPrompt: HOSTILE.zeroWidth }),
        testCase(id, 'unicode_2', {
          label: HOSTILE.emoji,
          mockData: [{ variableName: 'name', value: HOSTILE.rtlOverride }],
          successCriteria: HOSTILE.emoji,
        }),
      ],
      { successfulAttempts: 4, failedAttempts: 0, totalAttempts: 4 },
    ),
    batch(
      id,
      'hostile_long',
      '2026-04-08T09:00:00.000Z',
      [
        testCase(id, 'long_1', {
          label: HOSTILE.longWord,
          userPrompt: HOSTILE.longText,
          successCriteria: HOSTILE.longText,
          mockData: [{ variableName: 'note', value: HOSTILE.longWord }],
        }),
      ],
      { successfulAttempts: 1, failedAttempts: 1, totalAttempts: 2 },
    ),
    // successful + failed != total, and total is more than the 5 attempts the cases ask for.
    batch(
      id,
      'hostile_counts',
      '2026-04-07T09:00:00.000Z',
      [testCase(id, 'counts_1', { label: 'Counts that do not add up', attempt: 5 })],
      { successfulAttempts: 3, failedAttempts: 1, totalAttempts: 7 },
    ),
    batch(id, 'hostile_no_cases', '2026-04-06T09:00:00.000Z', [], {
      successfulAttempts: 0,
      failedAttempts: 0,
      totalAttempts: 0,
    }),
    {
      ...batch(
        id,
        'hostile_blank',
        '2026-04-05T09:00:00.000Z',
        [
          {
            ...testCase(id, 'blank_1', { label: '', mockData: null, attempt: 1 }),
            ...EXTRA_FIELDS,
          },
        ],
        { successfulAttempts: 0, failedAttempts: 1, totalAttempts: 1 },
      ),
      ...EXTRA_FIELDS,
    },
  ];
}

/**
 * Fields of the page wrapper an agent breaks: agent_wrong_shape's envelope is unusable (a
 * batch run with an odd field is read row by row instead, see agent_odd_rows).
 */
export const PAGE_FAULTS: Partial<Record<FakeAgentId, Record<string, unknown>>> = {
  agent_wrong_shape: { totalPages: 'one' },
};

/** The batches each agent lists when it answers successfully. */
export const BATCHES: Record<FakeAgentId, FakeBatchRun[]> = {
  agent_ok: normalBatches(AGENT_IDS.ok, 12),
  agent_empty: [],
  agent_hostile: hostileBatches(),
  agent_500: [],
  agent_400: [],
  agent_503_retry_after: normalBatches(AGENT_IDS.unavailable, 3),
  agent_429: normalBatches(AGENT_IDS.rateLimited, 3),
  agent_slow: normalBatches(AGENT_IDS.slow, 1),
  agent_malformed_json: [],
  agent_wrong_shape: normalBatches(AGENT_IDS.wrongShape, 2),
  agent_huge: [],
  agent_odd_rows: [],
  agent_dollar: [
    batch(
      AGENT_IDS.dollar,
      'dollar_patterns',
      '2026-04-10T09:00:00.000Z',
      [
        testCase(AGENT_IDS.dollar, 'dollar_1', {
          label: `Fee ${HOSTILE.dollarName}`,
          userPrompt: HOSTILE.dollarPersona,
          successCriteria: HOSTILE.dollarPersona,
          mockData: [{ variableName: '$&', value: "$' $` $$" }],
        }),
      ],
      { successfulAttempts: 1, failedAttempts: 1, totalAttempts: 2 },
    ),
  ],
};

/**
 * agent_odd_rows' one page: a good row, then one row per way a real backend may differ from
 * the documented example, then a row without `batchId` (which cannot be a row). Served
 * instead of BATCHES for that agent; the readable odd rows' ids say what is odd about them.
 */
export function oddRows(): Record<string, unknown>[] {
  const [good, base] = normalBatches(AGENT_IDS.oddRows, 2) as [FakeBatchRun, FakeBatchRun];
  const odd = (id: string, change: Record<string, unknown>) => ({
    ...structuredClone(base),
    batchId: `batch_odd_${id}`,
    ...change,
  });
  const withoutWorkspace: Record<string, unknown> = structuredClone(base);
  delete withoutWorkspace.workspaceId;
  const [firstCase] = base.testCases as [FakeTestCase];
  return [
    good,
    odd('null_string', { agent: { ...base.agent, status: null } }),
    odd('null_case_field', { testCases: [{ ...firstCase, userPrompt: null }] }),
    { ...withoutWorkspace, batchId: 'batch_odd_missing_string' },
    odd('null_counts', { successfulAttempts: null }),
    odd('text_counts', { successfulAttempts: '3', failedAttempts: 'two' }),
    odd('numeric_strings', {
      successfulAttempts: '3',
      failedAttempts: '2',
      totalAttempts: '5',
    }),
    odd('local_date', { createdDate: '2026-03-26T10:52:45.565' }),
    odd('bad_date', { createdDate: 'yesterday-ish' }),
    odd('mock_types', {
      testCases: [
        {
          ...firstCase,
          mockData: [
            { variableName: 'age', value: 42 },
            { variableName: 'vip', value: true },
            { variableName: 'address', value: { city: 'Springfield' } },
          ],
        },
      ],
    }),
    odd('null_cases', {
      testCases: null,
      successfulAttempts: 0,
      failedAttempts: 0,
      totalAttempts: 0,
    }),
    odd('unknown_fields', { priority: 'high', tags: ['x'] }),
    { ...structuredClone(base), batchId: undefined, note: 'no id' },
  ];
}

/** The mock values of batch_odd_mock_types as the page and the exports show them. */
export const ODD_MOCK_TEXT = ['42', 'true', '{"city":"Springfield"}'] as const;

export function isFakeAgentId(value: string | undefined): value is FakeAgentId {
  return value !== undefined && Object.hasOwn(BATCHES, value);
}

/** The API's page wrapper around one zero-based page. */
export function pageOf<T>(items: T[], page: number, size: number) {
  const totalPages = Math.ceil(items.length / size);
  return {
    data: items.slice(page * size, (page + 1) * size),
    page,
    size,
    totalCount: items.length,
    totalPages,
    hasNext: page + 1 < totalPages,
    hasPrevious: page > 0,
  };
}
