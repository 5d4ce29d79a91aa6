import { delay, http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { examplePage } from '../test/fixtures';
import { server } from '../test/msw-server';
import { ApiError, apiGet, describeSchemaIssue, parseRetryAfter } from './api-client';
import { batchRunPageSchema } from '../../contract/api-schemas';

const PATH = '/v1/batch-runs';

/** Answers every GET of PATH with `respond`, recording the requests. */
function answer(respond: (request: Request) => Response | Promise<Response>) {
  const requests: Request[] = [];
  server.use(
    http.get(`*${PATH}`, ({ request }) => {
      requests.push(request);
      return respond(request);
    }),
  );
  return requests;
}

async function failureOf(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

function withBatch(change: (batch: Record<string, unknown>) => void) {
  const body = structuredClone(examplePage) as { data: Record<string, unknown>[] };
  change(body.data[0]!);
  return body;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('apiGet: the request', () => {
  it('builds the query with URLSearchParams, leaves out undefined and asks for JSON', async () => {
    const requests = answer(() => HttpResponse.json(examplePage));
    await apiGet(PATH, batchRunPageSchema, {
      params: { agentId: 'a&b=c d', page: 0, size: 10, batch: undefined },
    });
    const url = new URL(requests[0]!.url);
    expect(url.origin).toBe(window.location.origin);
    expect([...url.searchParams]).toEqual([
      ['agentId', 'a&b=c d'],
      ['page', '0'],
      ['size', '10'],
    ]);
    expect(requests[0]!.headers.get('accept')).toBe('application/json');
    // The browser never holds the key; the server adds it.
    expect(requests[0]!.headers.get('x-api-key')).toBeNull();
  });
});

describe('apiGet: a good answer', () => {
  it('returns the documented example parsed, exactly', async () => {
    answer(() => HttpResponse.json(examplePage));
    await expect(apiGet(PATH, batchRunPageSchema)).resolves.toEqual(examplePage);
  });

  it('tolerates unknown extra fields and drops them', async () => {
    answer(() =>
      HttpResponse.json({
        ...withBatch((batch) => {
          batch.newField = { nested: [1, 'two'] };
        }),
        cursor: 'abc',
      }),
    );
    const page = await apiGet(PATH, batchRunPageSchema);
    expect(page).not.toHaveProperty('cursor');
    expect(page.data[0]).not.toHaveProperty('newField');
  });

  it('reads null or missing testCases and mockData as empty lists', async () => {
    const body = withBatch((batch) => {
      const [testCase] = batch.testCases as Record<string, unknown>[];
      testCase!.mockData = null;
      batch.testCases = [testCase, { ...testCase, testCaseId: 'tc_2', mockData: undefined }];
    });
    body.data.push({ ...body.data[0], batchId: 'batch_2', testCases: null });
    answer(() => HttpResponse.json(body));
    const page = await apiGet(PATH, batchRunPageSchema);
    expect(page.data[0]!.testCases.map((testCase) => testCase.mockData)).toEqual([[], []]);
    expect(page.data[1]!.testCases).toEqual([]);
  });
});

describe('apiGet: a wrong shape names the field', () => {
  it.each([
    [
      'a missing field',
      (batch: Record<string, unknown>) => delete batch.batchId,
      'field "data[0].batchId" is missing (expected a string)',
    ],
    [
      'a mistyped field',
      (batch: Record<string, unknown>) => (batch.createdDate = 12345),
      'field "data[0].createdDate" is the number 12345, expected a string',
    ],
    [
      'a date that is not a date',
      (batch: Record<string, unknown>) => (batch.createdDate = 'yesterday'),
      'field "data[0].createdDate" is not an ISO 8601 date-time',
    ],
    [
      'a negative count',
      (batch: Record<string, unknown>) => (batch.failedAttempts = -1),
      'field "data[0].failedAttempts" is below 0',
    ],
    [
      'a fractional count',
      (batch: Record<string, unknown>) => (batch.totalAttempts = 2.5),
      'field "data[0].totalAttempts" is the number 2.5, expected a whole number',
    ],
    [
      'a null where an object belongs',
      (batch: Record<string, unknown>) => (batch.agent = null),
      'field "data[0].agent" is null, expected an object',
    ],
    [
      'a deep field',
      (batch: Record<string, unknown>) =>
        ((batch.testCases as { mockData: unknown[] }[])[0]!.mockData = [{ variableName: 'x' }]),
      'field "data[0].testCases[0].mockData[0].value" is missing (expected a string)',
    ],
  ])('%s', async (_, change, words) => {
    answer(() => HttpResponse.json(withBatch(change) as never));
    const error = await failureOf(apiGet(PATH, batchRunPageSchema));
    expect(error.kind).toBe('schema');
    expect(error.status).toBe(200);
    expect(error.message).toBe(`Unexpected response: ${words}.`);
  });

  it('says what the body is when it is not an object at all', async () => {
    answer(() => HttpResponse.json(null));
    expect((await failureOf(apiGet(PATH, batchRunPageSchema))).message).toBe(
      'Unexpected response: the body is null, expected an object.',
    );
  });

  it('says the body is not JSON when it cannot be read', async () => {
    answer(
      () => new HttpResponse('{"data": [', { headers: { 'Content-Type': 'application/json' } }),
    );
    const error = await failureOf(apiGet(PATH, batchRunPageSchema));
    expect(error).toMatchObject({ kind: 'schema', status: 200, path: PATH });
    expect(error.message).toBe('The API answered with something that is not JSON.');
  });

  it('describes an issue without the body too', () => {
    const result = z.object({ a: z.string() }).safeParse({});
    expect(result.success).toBe(false);
    expect(describeSchemaIssue(result.error!)).toBe(
      'Unexpected response: field "a" is not a string.',
    );
  });
});

describe('apiGet: errors from the server', () => {
  it('reads the documented error body', async () => {
    answer(() =>
      HttpResponse.json(
        {
          error: 'Bad Request',
          message: 'Invalid request parameters',
          path: '/v1/batch-runs',
          status: 400,
          timestamp: '2026-04-17T08:21:07.338Z',
        },
        { status: 400 },
      ),
    );
    const error = await failureOf(apiGet(PATH, batchRunPageSchema));
    expect(error).toMatchObject({
      kind: 'http',
      status: 400,
      message: 'Invalid request parameters',
      path: '/v1/batch-runs',
      retryAfter: undefined,
    });
  });

  it.each([
    ['an HTML page', '<html><body>Bad gateway</body></html>', 'text/html'],
    ['an empty body', '', 'text/plain'],
    ['JSON of another shape', '{"message":42}', 'application/json'],
  ])('falls back to the status line for %s', async (_, body, type) => {
    answer(
      () =>
        new HttpResponse(body, {
          status: 502,
          statusText: 'Bad Gateway',
          headers: { 'Content-Type': type },
        }),
    );
    const error = await failureOf(apiGet(PATH, batchRunPageSchema));
    expect(error).toMatchObject({ kind: 'http', status: 502, message: '502 Bad Gateway' });
  });

  it('carries Retry-After seconds on a 429 and a 503', async () => {
    answer(() => HttpResponse.json({}, { status: 429, headers: { 'Retry-After': '7' } }));
    expect(await failureOf(apiGet(PATH, batchRunPageSchema))).toMatchObject({
      status: 429,
      retryAfter: 7,
    });
    answer(() => new HttpResponse(null, { status: 503, headers: { 'Retry-After': '1' } }));
    expect(await failureOf(apiGet(PATH, batchRunPageSchema))).toMatchObject({
      status: 503,
      retryAfter: 1,
    });
  });

  it('fails with a network error when the server cannot be reached', async () => {
    answer(() => HttpResponse.error());
    const error = await failureOf(apiGet(PATH, batchRunPageSchema));
    expect(error).toMatchObject({ kind: 'network', status: undefined });
  });
});

describe('apiGet: timeout and cancellation', () => {
  it('gives up on a slow answer with a timeout error', async () => {
    answer(async () => {
      await delay(2_000);
      return HttpResponse.json(examplePage);
    });
    const error = await failureOf(apiGet(PATH, batchRunPageSchema, { timeoutMs: 50 }));
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe('The API took too long to answer.');
  });

  it('lets the caller cancel: the abort is passed on, not dressed as an API error', async () => {
    answer(async () => {
      await delay(2_000);
      return HttpResponse.json(examplePage);
    });
    const controller = new AbortController();
    const pending = apiGet(PATH, batchRunPageSchema, { signal: controller.signal });
    controller.abort();
    const error: unknown = await pending.catch((caught: unknown) => caught);
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as Error).name).toBe('AbortError');
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-04-17T08:21:07.000Z');

  it.each([
    ['1', 1],
    ['0', 0],
    [' 120 ', 120],
    ['Fri, 17 Apr 2026 08:21:10 GMT', 3],
    ['Fri, 17 Apr 2026 08:00:00 GMT', 0], // in the past: now
  ])('reads %j as %d seconds', (header, seconds) => {
    expect(parseRetryAfter(header, now)).toBe(seconds);
  });

  it.each([null, '', '-1', '1.5', '0x10', '1e3', 'soon', 'Friday at noon'])(
    'ignores %j',
    (header) => {
      expect(parseRetryAfter(header, now)).toBeUndefined();
    },
  );
});

describe('a 401 from the dashboard’s sign-in', () => {
  it('asks for a sign-in, and says whether a session was sent (invalid_token)', async () => {
    const realm = 'OpenIDConnect realm="sigmamind-dashboard"';
    for (const [challenge, hadSession] of [
      [realm, false],
      [`${realm}, error="invalid_token"`, true],
    ] as const) {
      answer(() =>
        HttpResponse.json(
          { status: 401, message: 'Sign in' },
          { status: 401, headers: { 'WWW-Authenticate': challenge } },
        ),
      );
      const error = await failureOf(apiGet(PATH, batchRunPageSchema));
      expect(error).toMatchObject({ sessionEnded: true, hadSession });
    }
  });
});
