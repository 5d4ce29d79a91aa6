/**
 * A fake SigmaMind API for the end-to-end tests (started by playwright.config.ts with PORT and
 * EXPECTED_KEY). It answers per agent as scenarios.ts describes (hostile content, errors,
 * retries, slowness, broken bodies) and records every API request it receives, so specs can
 * check what the production server forwarded. Counters live in memory: fine for a fake.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { serve } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import {
  AGENT_IDS,
  BATCHES,
  FAKE_AGENTS,
  HUGE_BODY_BYTES,
  MALFORMED_JSON_BODY,
  RATE_LIMITED_FAILURES,
  RETRY_AFTER_SECONDS,
  SLOW_DELAY_MS,
  UNAVAILABLE_FAILURES,
  isFakeAgentId,
  pageOf,
  oddRows,
  PAGE_FAULTS,
  type FakeAgentId,
  type RecordedRequest,
} from './scenarios';

const MAX_RECORDED = 10_000;

const port = Number(process.env.PORT);
const expectedKey = process.env.EXPECTED_KEY ?? '';
if (!Number.isInteger(port) || port <= 0 || !expectedKey) {
  console.error('fake-upstream: set PORT and EXPECTED_KEY');
  process.exit(1);
}

const recorded: RecordedRequest[] = [];
/** Requests per agent (and Accept-Language) so far, for the fail-then-succeed scenarios. */
const attempts = new Map<string, number>();

/** The API's one documented error body. */
function errorBody(
  path: string,
  status: ContentfulStatusCode,
  error: string,
  message: string,
  headers: Record<string, string> = {},
) {
  const body = { error, message, path, status, timestamp: new Date().toISOString() };
  return Response.json(body, { status, headers });
}

function record(request: Request): RecordedRequest['apiKey'] {
  const key = request.headers.get('X-API-Key');
  const apiKey = key === null ? 'missing' : key === expectedKey ? 'valid' : 'invalid';
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    if (name !== 'x-api-key') headers[name] = value;
  });
  const url = new URL(request.url);
  if (recorded.length < MAX_RECORDED) {
    recorded.push({
      method: request.method,
      path: url.pathname,
      query: [...url.searchParams],
      headers,
      apiKey,
      receivedAt: new Date().toISOString(),
    });
  }
  return apiKey;
}

/** page/size as the API documents them, or undefined when they break its rules. */
function paging(c: Context): { page: number; size: number } | undefined {
  const page = c.req.query('page') ?? '0';
  const size = c.req.query('size') ?? '10';
  if (!/^\d{1,9}$/.test(page) || !/^\d{1,4}$/.test(size) || Number(size) < 1) return undefined;
  return { page: Number(page), size: Number(size) };
}

/** A syntactically valid page that is larger than HUGE_BODY_BYTES, streamed without a length. */
function hugeBody(): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const chunk = encoder.encode('x'.repeat(64 * 1024));
  let sent = 0;
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode('{"data":[{"batchId":"batch_huge","padding":"'));
    },
    pull(controller) {
      if (sent > HUGE_BODY_BYTES) {
        controller.enqueue(
          encoder.encode(
            '"}],"page":0,"size":10,"totalCount":1,"totalPages":1,"hasNext":false,"hasPrevious":false}',
          ),
        );
        controller.close();
        return;
      }
      controller.enqueue(chunk);
      sent += chunk.byteLength;
    },
  });
}

/** Applies the agent's failure scenario, or answers with `success` when it has none (left). */
async function scenario(
  c: Context,
  agentId: FakeAgentId,
  success: () => Response,
): Promise<Response> {
  // Counted per agent and Accept-Language (which the server forwards): a spec that sends its
  // own Accept-Language gets its own fail-then-succeed run while others visit the same agent.
  const counter = `${agentId} ${c.req.header('accept-language') ?? ''}`;
  const seen = attempts.get(counter) ?? 0;
  attempts.set(counter, seen + 1);
  const retryAfter = { 'Retry-After': String(RETRY_AFTER_SECONDS) };

  switch (agentId) {
    case AGENT_IDS.serverError:
      return errorBody(
        c.req.path,
        500,
        'Internal Server Error',
        'Something went wrong on our side',
      );
    case AGENT_IDS.badRequest:
      return errorBody(c.req.path, 400, 'Bad Request', 'Invalid request parameters');
    case AGENT_IDS.unavailable:
      if (seen < UNAVAILABLE_FAILURES) {
        const message = 'Temporarily unavailable, try again shortly';
        return errorBody(c.req.path, 503, 'Service Unavailable', message, retryAfter);
      }
      return success();
    case AGENT_IDS.rateLimited:
      if (seen < RATE_LIMITED_FAILURES) {
        return errorBody(c.req.path, 429, 'Too Many Requests', 'Rate limit exceeded', retryAfter);
      }
      return success();
    case AGENT_IDS.slow:
      await sleep(SLOW_DELAY_MS);
      return success();
    case AGENT_IDS.malformedJson:
      return c.body(MALFORMED_JSON_BODY, 200, { 'Content-Type': 'application/json' });
    case AGENT_IDS.huge:
      return c.body(hugeBody(), 200, { 'Content-Type': 'application/json' });
    default:
      return success();
  }
}

const app = new Hono();

app.get('/health', (c) => c.text('ok'));
app.get('/__requests', (c) => c.json(recorded));
app.post('/__reset', (c) => {
  recorded.length = 0;
  attempts.clear();
  return c.body(null, 204);
});

app.use('*', async (c, next) => {
  if (record(c.req.raw) === 'valid') return next();
  return errorBody(c.req.path, 401, 'Unauthorized', 'Invalid or missing API key');
});

app.get('/v1/agents', (c) => {
  const paged = paging(c);
  if (!paged) return errorBody(c.req.path, 400, 'Bad Request', 'Invalid request parameters');
  return c.json(pageOf(FAKE_AGENTS, paged.page, paged.size));
});

app.get('/v1/batch-runs', async (c) => {
  const agentId = c.req.query('agentId');
  const paged = paging(c);
  if (!agentId || !paged)
    return errorBody(c.req.path, 400, 'Bad Request', 'Invalid request parameters');
  if (!isFakeAgentId(agentId)) return errorBody(c.req.path, 404, 'Not Found', 'Agent not found');
  return scenario(c, agentId, () =>
    c.json({
      ...pageOf<unknown>(
        agentId === AGENT_IDS.oddRows ? oddRows() : BATCHES[agentId],
        paged.page,
        paged.size,
      ),
      ...PAGE_FAULTS[agentId],
    }),
  );
});

app.get('/v1/batch-runs/:batchId', async (c) => {
  const agentId = c.req.query('agentId');
  if (!agentId) return errorBody(c.req.path, 400, 'Bad Request', 'Invalid request parameters');
  if (!isFakeAgentId(agentId)) return errorBody(c.req.path, 404, 'Not Found', 'Agent not found');
  return scenario(c, agentId, () => {
    const batches = agentId === AGENT_IDS.oddRows ? oddRows() : BATCHES[agentId];
    const found = batches.find((b) => b.batchId === c.req.param('batchId'));
    return found ? c.json(found) : errorBody(c.req.path, 404, 'Not Found', 'Batch run not found');
  });
});

app.notFound((c) => errorBody(c.req.path, 404, 'Not Found', 'No such endpoint'));

const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, (info) => {
  console.log(`fake-upstream: http://127.0.0.1:${info.port}/ (expects the canary key)`);
});
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => server.close(() => process.exit(0)));
}
