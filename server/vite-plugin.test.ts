// @vitest-environment node
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Connect, ViteDevServer } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rawRequest } from './api/testing/http.ts';
import { startUpstreamStub, type UpstreamStub } from './api/testing/upstream-stub.ts';
import { sigmamindApi } from './vite-plugin.ts';

const CANARY = 'canary-key-in-vite-plugin-test';
const ENV_NAMES = ['SIGMAMIND_API_KEY', 'SIGMAMIND_API_URL'] as const;

let stub: UpstreamStub;
let devServer: ReturnType<typeof createServer>;
let url: string;
const savedEnv = ENV_NAMES.map((name) => process.env[name]);

/** Runs the plugin's configureServer against a bare connect stand-in: Vite's own handling is `next`. */
function mountPlugin(): Connect.NextHandleFunction {
  const mounted: Connect.NextHandleFunction[] = [];
  const fakeServer = {
    config: { server: { host: undefined } },
    middlewares: { use: (fn: Connect.NextHandleFunction) => mounted.push(fn) },
  };
  const hook = sigmamindApi().configureServer;
  if (typeof hook !== 'function') throw new Error('configureServer should be a function');
  void hook.call({} as never, fakeServer as unknown as ViteDevServer);
  const [middleware] = mounted;
  if (!middleware) throw new Error('the plugin mounted no middleware');
  return middleware;
}

beforeAll(async () => {
  stub = await startUpstreamStub();
  process.env.SIGMAMIND_API_KEY = CANARY;
  process.env.SIGMAMIND_API_URL = stub.url;
  const middleware = mountPlugin();
  devServer = createServer((req: IncomingMessage, res: ServerResponse) =>
    middleware(req, res, () => res.end('handled by vite')),
  );
  await new Promise<void>((resolve) => devServer.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(devServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  ENV_NAMES.forEach((name, i) => {
    const value = savedEnv[i];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  });
  await new Promise((resolve) => devServer.close(resolve));
  await stub.close();
});

it('forwards /v1 with the key from the environment', async () => {
  const res = await rawRequest(url, '/v1/batch-runs?agentId=a1', {
    headers: { 'X-API-Key': 'from-browser' },
  });
  expect(res.status).toBe(200);
  expect(res.headers['cache-control']).toBe('no-store');
  expect(stub.requests.at(-1)?.headers['x-api-key']).toBe(CANARY);
  expect(stub.requests.at(-1)?.url).toBe('/v1/batch-runs?agentId=a1');
});

it('judges the raw path, before Vite could normalise it', async () => {
  const before = stub.requests.length;
  const res = await rawRequest(url, '/v1/../etc/passwd');
  expect(res.status).toBe(400);
  expect(stub.requests.length).toBe(before);
});

it('leaves everything else to Vite', async () => {
  for (const target of ['/', '/src/main.tsx', '/v1abc']) {
    expect((await rawRequest(url, target)).body).toBe('handled by vite');
  }
});
