// @vitest-environment node
/**
 * What an operator relies on: the access log, the probes, the Host check on the whole app,
 * refusing to start on unsafe settings, and a graceful SIGTERM.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, startUpstreamStub, type UpstreamStub } from './api/testing/upstream-stub.ts';
import { listen, rawRequest } from './api/testing/http.ts';
import type { ForwardTarget } from './api/targets.ts';
import { createServerApp } from './app.ts';
import { loadConfig } from './config.ts';
import { SECURITY_HEADERS } from './security-headers.ts';

const KEY = 'canary-key-in-operations-test-9e41';
const TSX = join(process.cwd(), 'node_modules/tsx/dist/cli.mjs');

let upstream: UpstreamStub;
let distDir: string;

beforeAll(async () => {
  upstream = await startUpstreamStub();
  distDir = await mkdtemp(join(tmpdir(), 'dist-'));
  await writeFile(join(distDir, 'index.html'), '<!doctype html><title>t</title>');
});

afterAll(async () => {
  await upstream.close();
  await rm(distDir, { recursive: true, force: true });
});

function captureLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: pino({ level: 'info' }, stream) };
}

describe('the access log', () => {
  it('writes one JSON line per request with its fields, and never the key, cookies or tokens', async () => {
    const { lines, logger } = captureLogger();
    const app = createServerApp(
      loadConfig({ SIGMAMIND_API_KEY: KEY, SIGMAMIND_API_URL: upstream.url }, 'serve'),
      { logger, distDir },
    );
    const response = await app.fetch(
      new Request('http://127.0.0.1/v1/batch-runs?agentId=a1&token=query-secret', {
        headers: {
          'X-Request-Id': 'req-42',
          Cookie: 'sm_session=cookie-secret',
          Authorization: 'Bearer bearer-secret',
          'X-API-Key': 'browser-key-secret',
        },
      }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('req-42');
    const access = lines.filter((line) => 'status' in line);
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({
      requestId: 'req-42',
      user: null,
      method: 'GET',
      path: '/v1/batch-runs',
      status: 200,
    });
    expect(access[0]?.ms).toEqual(expect.any(Number));
    expect(access[0]?.upstreamMs).toEqual(expect.any(Number));
    expect(JSON.stringify(lines)).not.toMatch(
      new RegExp(`${KEY}|cookie-secret|bearer-secret|browser-key-secret|query-secret`),
    );
  });
});

describe('the client address in the access log', () => {
  async function loggedClient(env: Record<string, string>, forwardedFor?: string) {
    const { lines, logger } = captureLogger();
    const app = createServerApp(loadConfig({ SANDBOX: '1', ...env }, 'serve'), { logger });
    const server = await listen(app.fetch);
    try {
      await rawRequest(server.url, '/healthz', {
        headers: forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {},
      });
    } finally {
      await server.close();
    }
    return lines.find((line) => line.path === '/healthz')?.client;
  }

  it('is the socket address without TRUST_PROXY, even when X-Forwarded-For says otherwise', async () => {
    expect(await loggedClient({})).toBe('127.0.0.1');
    expect(await loggedClient({}, '203.0.113.9')).toBe('127.0.0.1');
  });

  it('comes from X-Forwarded-For as far as TRUST_PROXY says', async () => {
    expect(await loggedClient({ TRUST_PROXY: '1' }, '6.6.6.6, 203.0.113.9')).toBe('203.0.113.9');
    expect(await loggedClient({ TRUST_PROXY: '127.0.0.1/8' }, '203.0.113.9')).toBe('203.0.113.9');
    expect(await loggedClient({ TRUST_PROXY: '10.0.0.0/8' }, '203.0.113.9')).toBe('127.0.0.1');
  });
});

describe('probes', () => {
  function countingTarget(status: number): ForwardTarget & { calls: number } {
    const target = {
      calls: 0,
      baseUrl: 'http://upstream.invalid',
      apiKey: KEY,
      send: async () => {
        target.calls += 1;
        await new Promise((resolve) => setTimeout(resolve, 50));
        return new Response('{}', { status });
      },
    };
    return target;
  }

  it('/statusz asks the upstream once for any number of probes, caches it, and carries no data', async () => {
    const target = countingTarget(200);
    const app = createServerApp(loadConfig({ SIGMAMIND_API_KEY: KEY, LOG_LEVEL: 'silent' }), {
      target,
    });
    const probes = await Promise.all(
      Array.from({ length: 20 }, async () => app.fetch(new Request('http://127.0.0.1/statusz'))),
    );
    expect(probes.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(target.calls).toBe(1);
    const body = (await (await app.fetch(new Request('http://127.0.0.1/statusz'))).json()) as {
      api: { ok: boolean; checkedAt: string };
    };
    expect(target.calls).toBe(1); // cached
    expect(Object.keys(body)).toEqual(['api']);
    expect(body.api.ok).toBe(true);
    expect(Number.isNaN(Date.parse(body.api.checkedAt))).toBe(false);
  });

  it('an API that refuses the key shows in /statusz and never takes the replica out', async () => {
    const target = countingTarget(401);
    const app = createServerApp(loadConfig({ SIGMAMIND_API_KEY: KEY, LOG_LEVEL: 'silent' }), {
      target,
      distDir,
    });
    const status = await app.fetch(new Request('http://127.0.0.1/statusz'));
    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({
      api: { ok: false, reason: 'the API answered 401' },
    });
    const ready = await app.fetch(new Request('http://127.0.0.1/readyz'));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true });
    expect((await app.fetch(new Request('http://127.0.0.1/healthz'))).status).toBe(200);
  });

  it('/statusz reports the identity provider, unreachable or not', async () => {
    const app = createServerApp(
      loadConfig(
        {
          SANDBOX: '1',
          LOG_LEVEL: 'silent',
          AUTH_OIDC_ISSUER: `http://127.0.0.1:${await closedPort()}`,
          AUTH_OIDC_CLIENT_ID: 'dashboard',
          AUTH_OIDC_CLIENT_SECRET: 'secret',
          PUBLIC_URL: 'http://127.0.0.1:4173',
          SESSION_SECRET: 'x'.repeat(32),
          ALLOWED_EMAIL_DOMAINS: 'example.com',
        },
        'serve',
      ),
      { distDir },
    );
    const body: unknown = await (await app.fetch(new Request('http://127.0.0.1/statusz'))).json();
    expect(body).toMatchObject({
      api: { ok: true },
      identityProvider: { ok: false, reason: 'the identity provider could not be reached' },
    });
    expect((await app.fetch(new Request('http://127.0.0.1/readyz'))).status).toBe(200);
  });

  it('/readyz answers 503 once the process is draining, and without a build', async () => {
    const lifecycle = { draining: false };
    const config = loadConfig({ SANDBOX: '1', LOG_LEVEL: 'silent' }, 'serve');
    const app = createServerApp(config, { distDir, lifecycle });
    expect((await app.fetch(new Request('http://127.0.0.1/readyz'))).status).toBe(200);
    lifecycle.draining = true;
    const draining = await app.fetch(new Request('http://127.0.0.1/readyz'));
    expect(draining.status).toBe(503);
    expect(await draining.json()).toEqual({ ready: false, reason: 'draining: shutting down' });
    const noBuild = createServerApp(config, { distDir: join(distDir, 'missing') });
    expect((await noBuild.fetch(new Request('http://127.0.0.1/readyz'))).status).toBe(503);
  });
});

describe('the Host check', () => {
  it('answers a forged Host (DNS rebinding) with 421 and security headers, probes still', async () => {
    const app = createServerApp(loadConfig({ SANDBOX: '1', LOG_LEVEL: 'silent' }, 'serve'), {
      distDir,
    });
    const forged = { Host: 'evil.example:4173', Accept: 'application/json' };
    const api = await app.fetch(new Request('http://127.0.0.1/v1/agents', { headers: forged }));
    expect(api.status).toBe(421);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(api.headers.get(name)).toBe(value);
    }
    const page = await app.fetch(new Request('http://127.0.0.1/', { headers: forged }));
    expect(page.status).toBe(421);
    const health = await app.fetch(new Request('http://127.0.0.1/healthz', { headers: forged }));
    expect(health.status).toBe(200);
    const local = await app.fetch(
      new Request('http://127.0.0.1/v1/agents', { headers: { Host: 'localhost:4173' } }),
    );
    expect(local.status).toBe(200);
  });

  it('logs the Host received and what would be accepted', async () => {
    const { lines, logger } = captureLogger();
    const app = createServerApp(
      loadConfig(
        {
          SANDBOX: '1',
          PUBLIC_URL: 'https://dash.example.com:8443',
          ALLOWED_HOSTS: 'dash.internal',
        },
        'serve',
      ),
      { logger, distDir },
    );
    const refused = await app.fetch(
      new Request('http://127.0.0.1/', { headers: { Host: 'dash.example.com' } }),
    );
    expect(refused.status).toBe(421);
    expect(lines.map((line) => line.msg)).toContain(
      '421 for Host "dash.example.com": accepted are loopback names (localhost, 127.0.0.0/8, [::1]) on any port, dash.example.com:8443, dash.internal on any port. Behind a proxy, pass the Host the browser sent with its port (nginx: proxy_set_header Host $http_host), or add the name to PUBLIC_URL or ALLOWED_HOSTS',
    );
  });
});

function startServe(env: Record<string, string>) {
  const child = spawn(process.execPath, [TSX, 'server/serve.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      DIST_DIR: distDir,
      DRAIN_DELAY_MS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

describe('tsx server/serve.ts (the source, as tests and benches run it)', () => {
  it('refuses to start without SIGMAMIND_API_KEY or SANDBOX=1, saying what to set', async () => {
    const { child, output } = startServe({ PORT: '0' });
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(1);
    expect(output()).toMatch(
      /Refusing to start:\n {2}- Neither SIGMAMIND_API_KEY nor SANDBOX=1 is set: set SIGMAMIND_API_KEY/,
    );
  });

  it('on SIGTERM stops accepting, finishes the request in flight and exits 0', async () => {
    const port = await closedPort();
    const { child, output } = startServe({
      PORT: String(port),
      SIGMAMIND_API_KEY: KEY,
      SIGMAMIND_API_URL: upstream.url,
    });
    try {
      await expect.poll(output, { timeout: 20_000 }).toContain('Serving');
      const base = `http://127.0.0.1:${port}`;
      const inFlight = rawRequest(base, '/v1/batch-runs?agentId=slow');
      await expect.poll(() => upstream.requests.some((r) => r.url.includes('slow'))).toBe(true);
      child.kill('SIGTERM');
      await expect.poll(output).toContain('SIGTERM');
      await expect(rawRequest(base, '/healthz')).rejects.toThrow(/ECONNREFUSED/);
      expect((await inFlight).status).toBe(200);
      const [code] = (await once(child, 'exit')) as [number];
      expect(code).toBe(0);
      expect(output()).not.toContain(KEY);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
