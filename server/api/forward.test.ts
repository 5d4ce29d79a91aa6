// @vitest-environment node
import { request } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiConfig } from '../config.ts';
import { createApiHandler } from './forward.ts';
import { apiMiddleware } from './middleware.ts';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { listen, rawRequest, type Listening } from './testing/http.ts';
import {
  closedPort,
  startUpstreamStub,
  STUB_PAGE,
  type UpstreamStub,
} from './testing/upstream-stub.ts';

const CANARY = 'canary-key-in-forward-test-7d3f';
const TIMEOUT_MS = 300;
const MAX_BYTES = 100_000;

let stub: UpstreamStub;
let server: Listening;
const logLines: string[] = [];

function config(overrides: Partial<ApiConfig> = {}): ApiConfig {
  return {
    apiKey: CANARY,
    apiUrl: stub.url,
    upstreamTimeoutMs: TIMEOUT_MS,
    maxUpstreamBytes: MAX_BYTES,
    maxUpstreamConcurrency: 32,
    ...overrides,
  };
}

/** The forwarder mounted the way the servers mount it, listening on a real socket. */
async function serveForwarder(apiConfig: ApiConfig): Promise<Listening> {
  const app = new Hono<AppEnv>();
  app.use(apiMiddleware(createApiHandler(apiConfig, { log: (line) => logLines.push(line) })));
  return listen(app.fetch);
}

function forwarded() {
  return stub.requests;
}

beforeAll(async () => {
  stub = await startUpstreamStub();
  server = await serveForwarder(config());
});

afterAll(async () => {
  await server.close();
  await stub.close();
});

beforeEach(() => {
  stub.requests.length = 0;
  stub.abandoned.length = 0;
  stub.agentsBody = JSON.stringify(STUB_PAGE);
});

describe('what reaches the upstream', () => {
  it('adds the key and drops the browser’s credentials and other headers', async () => {
    const res = await rawRequest(server.url, '/v1/batch-runs?agentId=a1', {
      headers: {
        'X-API-Key': 'browser-supplied-key',
        Cookie: 'session=abc',
        Authorization: 'Bearer browser',
        'X-Forwarded-For': '10.0.0.1',
        Accept: 'application/json',
        'Accept-Language': 'de-DE',
        'If-None-Match': '"v1"',
      },
    });
    expect(res.status).toBe(200);
    const [received] = forwarded();
    expect(received?.headers['x-api-key']).toBe(CANARY);
    expect(received?.headers.cookie).toBeUndefined();
    expect(received?.headers.authorization).toBeUndefined();
    expect(received?.headers['x-forwarded-for']).toBeUndefined();
    expect(received?.headers.accept).toBe('application/json');
    expect(received?.headers['accept-language']).toBe('de-DE');
    expect(received?.headers['if-none-match']).toBe('"v1"');
  });

  it('passes query values with &, #, CR/LF and unicode through encoded and intact', async () => {
    for (const agentId of ['a&b=c', 'x#y', 'a\r\nX-Injected: 1', '\u202Eévil 😡\u200B']) {
      stub.requests.length = 0;
      const target = `/v1/batch-runs?${new URLSearchParams({ agentId, page: '2' }).toString()}`;
      const res = await rawRequest(server.url, target);
      expect(res.status).toBe(200);

      const [received] = forwarded();
      const search = received?.url.split('?')[1] ?? '';
      expect(Object.fromEntries(new URLSearchParams(search))).toEqual({ agentId, page: '2' });
      expect(received?.url).not.toMatch(/[\r\n#]/);
      expect(received?.headers['x-injected']).toBeUndefined();
    }
  });

  it('forwards only the documented query parameters of each route', async () => {
    await rawRequest(server.url, '/v1/batch-runs?agentId=a1&page=1&size=5&expand=secrets&x=1');
    await rawRequest(server.url, '/v1/batch-runs/batch_1?agentId=a1&page=3');
    await rawRequest(server.url, '/v1/agents?page=0&size=100&include=settings');
    expect(forwarded().map((r) => r.url)).toEqual([
      '/v1/batch-runs?agentId=a1&page=1&size=5',
      '/v1/batch-runs/batch_1?agentId=a1',
      '/v1/agents?page=0&size=100',
    ]);
  });

  it('sends a repeated parameter once, with its first value', async () => {
    await rawRequest(server.url, '/v1/batch-runs?agentId=a1&agentId=a2&page=1&page=9&size=5');
    expect(forwarded().map((r) => r.url)).toEqual(['/v1/batch-runs?agentId=a1&page=1&size=5']);
  });

  it.each([
    '/v1/admin/api-keys',
    '/v1/test-runs/job_1?batchId=b&agentId=a',
    '/v1/agents/agent_1',
    '/v1/batch-runs/batch_1/cancel',
    '/v1/workspaces',
  ])('answers %s with 404 without contacting the upstream', async (target) => {
    const res = await rawRequest(server.url, target);
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).toMatchObject({ error: 'Not Found', status: 404 });
    expect(forwarded()).toHaveLength(0);
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'])(
    'refuses %s with 405 and Allow: GET, without forwarding',
    async (method) => {
      const res = await rawRequest(server.url, '/v1/batch-runs?agentId=a1', { method });
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('GET');
      if (method !== 'HEAD') {
        expect(JSON.parse(res.body)).toMatchObject({
          error: 'Method Not Allowed',
          status: 405,
          path: '/v1/batch-runs',
        });
      }
      expect(forwarded()).toHaveLength(0);
    },
  );

  it.each([
    '/v1/../etc/passwd',
    '/v1/%2e%2e/x',
    '/v1/%2E%2E/%2E%2E/etc/passwd',
    '/v1//batch-runs',
    '/v1/batch-runs%2F..%2F',
    '/v1/batch-runs%2f..%2fagents',
    '/v1/batch-runs%5c..%5cagents',
    '/v1/batch-runs%00',
    '/v1/./batch-runs',
    '/v1/batch-runs/',
    '/v1',
    '/v1/batch%20runs',
    '/x/../v1/batch-runs',
  ])('refuses the path trick %s with 400 and never forwards it', async (target) => {
    const res = await rawRequest(server.url, target);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ error: 'Bad Request', status: 400 });
    expect(forwarded()).toHaveLength(0);
  });

  // @hono/node-server answers these with a bare 400 before any app code runs; still never forwarded.
  it.each(['/v1\\batch-runs', '/v1/batch-runs\\..\\agents'])(
    'refuses the backslash path %s with 400',
    async (target) => {
      const res = await rawRequest(server.url, target);
      expect(res.status).toBe(400);
      expect(forwarded()).toHaveLength(0);
    },
  );
});

describe('what comes back', () => {
  it('passes status, body, Content-Type and Retry-After, and nothing else of the upstream’s', async () => {
    const res = await rawRequest(server.url, '/v1/batch-runs?agentId=a1');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual(STUB_PAGE);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['retry-after']).toBe('7');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(res.headers['x-internal-trace']).toBeUndefined();
    expect(res.headers.etag).toBeUndefined();
  });

  it.each([400, 401, 404, 429, 500, 503])(
    'passes an upstream %i through with its body',
    async (status) => {
      const res = await rawRequest(server.url, `/v1/batch-runs?agentId=status-${status}`);
      expect(res.status).toBe(status);
      expect(JSON.parse(res.body)).toMatchObject({ status, path: '/v1/batch-runs' });
      expect(res.headers['cache-control']).toBe('no-store');
    },
  );

  it('serves non-JSON upstream bodies as text/plain so they never render as HTML', async () => {
    const res = await rawRequest(server.url, '/v1/batch-runs?agentId=html');
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
  });

  it('does not follow an upstream redirect (it would carry the key along)', async () => {
    const res = await rawRequest(server.url, '/v1/batch-runs?agentId=redirect');
    expect(res.status).toBe(502);
    expect(res.headers.location).toBeUndefined();
    expect(forwarded()).toHaveLength(1);
  });

  it('withholds an upstream answer that echoes the key', async () => {
    const res = await rawRequest(server.url, '/v1/batch-runs?agentId=echo-key');
    expect(res.status).toBe(502);
    expect(res.body).not.toContain(CANARY);
  });

  it('withholds an answer that echoes the key JSON-escaped (\\/ or \\u0063)', async () => {
    const slashKey = 'canary/key/with/slashes';
    const forwarder = await serveForwarder(config({ apiKey: slashKey }));
    try {
      const res = await rawRequest(forwarder.url, '/v1/batch-runs?agentId=echo-key-escaped');
      expect(res.status).toBe(502);
      expect(JSON.parse(res.body)).toMatchObject({ status: 502 });
    } finally {
      await forwarder.close();
    }
  });

  it.each([999, 600])(
    'turns an upstream status %i into a 502 in the documented shape',
    async (status) => {
      const res = await rawRequest(server.url, `/v1/batch-runs?agentId=status-${status}`);
      expect(res.status).toBe(502);
      expect(JSON.parse(res.body)).toMatchObject({ error: 'Bad Gateway', status: 502 });
    },
  );
});

describe('upstream failures', () => {
  it('answers 502 in the documented shape when the upstream is unreachable', async () => {
    const offline = await serveForwarder(
      config({ apiUrl: `http://127.0.0.1:${await closedPort()}` }),
    );
    try {
      const res = await rawRequest(offline.url, '/v1/batch-runs?agentId=a1');
      expect(res.status).toBe(502);
      const body = JSON.parse(res.body) as Record<string, unknown>;
      expect(body).toMatchObject({
        error: 'Bad Gateway',
        message: 'Could not reach the SigmaMind API',
        path: '/v1/batch-runs',
        status: 502,
      });
      expect(body.timestamp).toMatch(/^\d{4}-\d\d-\d\dT/);
    } finally {
      await offline.close();
    }
  });

  it('answers 504 once the upstream is slower than the timeout', async () => {
    const started = performance.now();
    const res = await rawRequest(server.url, '/v1/batch-runs?agentId=slow');
    const elapsed = performance.now() - started;
    expect(res.status).toBe(504);
    expect(JSON.parse(res.body)).toMatchObject({ error: 'Gateway Timeout', status: 504 });
    // It waited for the timeout (the stub would answer 200 after STUB_SLOW_MS).
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
  });

  it.each(['/v1/batch-runs?agentId=huge', '/v1/batch-runs?agentId=huge-declared'])(
    'answers 502 “too large” for %s and stops reading',
    async (path) => {
      const res = await rawRequest(server.url, path);
      expect(res.status).toBe(502);
      expect((JSON.parse(res.body) as { message: string }).message).toMatch(/too large/);
    },
  );

  it('never puts the key in a response header, body or log line', async () => {
    const targets = [
      '/v1/batch-runs?agentId=a1',
      '/v1/batch-runs?agentId=status-500',
      '/v1/batch-runs?agentId=slow',
      '/v1/batch-runs?agentId=huge',
      '/v1/batch-runs?agentId=echo-key',
      '/v1/batch-runs?agentId=redirect',
      '/v1/%2e%2e/x',
    ];
    for (const target of targets) {
      const res = await rawRequest(server.url, target);
      expect(JSON.stringify(res.headers)).not.toContain(CANARY);
      expect(res.body).not.toContain(CANARY);
    }
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join('\n')).not.toContain(CANARY);
  });
});

describe('sandbox mode', () => {
  it('answers the documented example agent with 200 through the same forwarding path', async () => {
    const handler = createApiHandler(config({ apiKey: null }));
    const res = await handler(
      new Request('http://localhost/v1/batch-runs?agentId=agent_D5D0p7TUs66TTAEAx', {
        headers: { 'X-API-Key': 'ignored-browser-key' },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as { data: { batchId: string }[] };
    expect(body.data.length).toBeGreaterThan(0);
    expect(forwarded()).toHaveLength(0);
  });

  it('removes agent secrets such as webhook secrets before they reach the browser', async () => {
    const handler = createApiHandler(config({ apiKey: null }));
    const res = await handler(new Request('http://localhost/v1/agents?page=0&size=100'));
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('agentName');
    expect(text).not.toMatch(/secret|whsec_/i);
  });
});

describe('the agents list', () => {
  const agentsPage = (agents: unknown[]) => ({ ...STUB_PAGE, data: agents, totalCount: 1 });
  const secretAgent = {
    agentId: 'agent_1',
    agentName: 'Support line',
    status: 'Live',
    webhookUrl: 'https://hooks.example/x?sig=signed-webhook-signature',
    headers: { Authorization: 'Bearer agent-header-token' },
    settings: { voice: 'alloy', callbackAuth: 'basic dXNlcjpwYXNz' },
    agentName2: 'not documented',
  };

  it('is rebuilt from agentId, agentName and status plus the page fields', async () => {
    stub.agentsBody = JSON.stringify(agentsPage([secretAgent]));
    const res = await rawRequest(server.url, '/v1/agents?page=0&size=100');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({
      ...agentsPage([{ agentId: 'agent_1', agentName: 'Support line', status: 'Live' }]),
    });
    expect(res.body).not.toMatch(/signed-webhook|agent-header-token|dXNlcjpwYXNz|alloy/);
  });

  it('reads a body that starts with a UTF-8 byte order mark, and still strips it', async () => {
    stub.agentsBody = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(JSON.stringify(agentsPage([secretAgent]))),
    ]);
    const res = await rawRequest(server.url, '/v1/agents');
    expect(res.status).toBe(200);
    expect(res.body).not.toMatch(/signed-webhook|agent-header-token/);
    expect((JSON.parse(res.body) as { data: unknown[] }).data).toEqual([
      { agentId: 'agent_1', agentName: 'Support line', status: 'Live' },
    ]);
  });

  it.each([
    ['not JSON', '<html>oops</html>'],
    ['truncated JSON', '{"data":[{"agentId":"a","webhookSecret":"whsec_'],
    ['data that is not a list', JSON.stringify({ ...STUB_PAGE, data: { secret: 'x' } })],
  ])('fails closed with 502 on a 2xx body that is %s', async (_, body) => {
    stub.agentsBody = body;
    const res = await rawRequest(server.url, '/v1/agents');
    expect(res.status).toBe(502);
    expect(res.body).not.toMatch(/whsec_|oops|secret/);
  });
});

describe('load and hang-ups', () => {
  it('cancels the upstream call when the client hangs up', async () => {
    const patient = await serveForwarder(config({ upstreamTimeoutMs: 10_000 }));
    try {
      const { hostname, port } = new URL(patient.url);
      const client = request({ hostname, port, path: '/v1/batch-runs?agentId=slow' });
      client.on('error', () => {});
      client.end();
      await vi.waitFor(() => expect(forwarded()).toHaveLength(1));
      client.destroy();
      // The stub counts a request as abandoned when its connection closes before it answered
      // (STUB_SLOW_MS): the forwarder hung up on it, well before its own 10 s timeout.
      await vi.waitFor(() => expect(stub.abandoned).toContain('/v1/batch-runs?agentId=slow'), {
        timeout: 5_000,
      });
    } finally {
      await patient.close();
    }
  });

  it('answers 503 with Retry-After once the concurrency cap is reached, without forwarding', async () => {
    const capped = await serveForwarder(
      config({ upstreamTimeoutMs: 10_000, maxUpstreamConcurrency: 2 }),
    );
    try {
      const open = [1, 2].map(() => rawRequest(capped.url, '/v1/batch-runs?agentId=slow'));
      await vi.waitFor(() => expect(forwarded()).toHaveLength(2));
      const refused = await rawRequest(capped.url, '/v1/batch-runs?agentId=a1');
      expect(refused.status).toBe(503);
      expect(refused.headers['retry-after']).toBe('1');
      expect(JSON.parse(refused.body)).toMatchObject({ error: 'Service Unavailable' });
      expect(forwarded()).toHaveLength(2);
      expect((await Promise.all(open)).map((r) => r.status)).toEqual([200, 200]);
      // Once they are done, there is room again.
      expect((await rawRequest(capped.url, '/v1/batch-runs?agentId=a1')).status).toBe(200);
    } finally {
      await capped.close();
    }
  });
});

describe('a request cancelled before it is sent', () => {
  it('answers without reaching the upstream and leaves no rejection unhandled', async () => {
    // A server render cancels what it no longer waits for, sometimes before the forwarder
    // has sent it; the upstream fetch then rejects too, and nothing may leave that unhandled.
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const app = new Hono<AppEnv>();
      app.use(apiMiddleware(createApiHandler(config(), { log: (line) => logLines.push(line) })));
      const response = await app.fetch(
        new Request('http://127.0.0.1/v1/batch-runs?agentId=a1', { signal: AbortSignal.abort() }),
      );
      expect(response.status).toBe(499);
      // Let the upstream fetch settle, and Node report it if nobody handled it.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).toEqual([]);
      expect(forwarded()).toHaveLength(0);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});
