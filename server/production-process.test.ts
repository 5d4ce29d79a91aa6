// @vitest-environment node
/**
 * The production process as a process manager runs it: `node dist-server/server/serve.js`
 * (compiled by the global setup, as `npm run build` does), and `npm run serve`, which execs it.
 * SIGTERM to either pid drains: /readyz answers 503 while the port still serves, the request
 * in flight finishes, the port closes and frees, and the exit code is 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from './api/testing/http.ts';
import { closedPort, startUpstreamStub, type UpstreamStub } from './api/testing/upstream-stub.ts';
import { REPO_ROOT, SERVE_JS } from './testing/compiled-server.ts';
import { portIsFree } from './testing/processes.ts';

const KEY = 'canary-key-in-process-test-51c2';
let upstream: UpstreamStub;
let distDir: string;
const started: ChildProcess[] = [];

beforeAll(async () => {
  upstream = await startUpstreamStub();
  distDir = await mkdtemp(join(tmpdir(), 'dist-'));
  await writeFile(join(distDir, 'index.html'), '<!doctype html><title>t</title>');
});

afterAll(async () => {
  for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
  await upstream.close();
  await rm(distDir, { recursive: true, force: true });
});

function run(command: string, args: string[], env: Record<string, string>) {
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      HOST: '127.0.0.1',
      DIST_DIR: distDir,
      SIGMAMIND_API_KEY: KEY,
      SIGMAMIND_API_URL: upstream.url,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
  return { child, output: () => output, exited };
}

/** The pid the server prints in its start line. */
async function printedPid(output: () => string): Promise<number> {
  await expect.poll(output, { timeout: 30_000 }).toMatch(/Serving .* \(pid \d+\)/);
  return Number(/\(pid (\d+)\)/.exec(output())?.[1]);
}

/** SIGTERM to `pid` while a slow request is in flight; checks the drain from outside. */
async function drain(pid: number, port: number, output: () => string) {
  const base = `http://127.0.0.1:${port}`;
  expect((await rawRequest(base, '/readyz')).status).toBe(200);
  const inFlight = rawRequest(base, '/v1/batch-runs?agentId=slow');
  await expect.poll(() => upstream.requests.some((r) => r.url.includes('slow'))).toBe(true);
  process.kill(pid, 'SIGTERM');
  // From the signal on, the balancer's probe says "take me out", while the port still serves.
  await expect.poll(async () => (await rawRequest(base, '/readyz')).status).toBe(503);
  expect(JSON.parse((await rawRequest(base, '/readyz')).body)).toEqual({
    ready: false,
    reason: 'draining: shutting down',
  });
  const during = await rawRequest(base, '/healthz');
  expect(during.status).toBe(200);
  // Keep-alive connections end with each answer, so clients reconnect elsewhere.
  expect(during.headers.connection).toBe('close');
  // Then the port closes, and what was in flight still gets its answer.
  await expect
    .poll(
      () =>
        rawRequest(base, '/healthz').then(
          () => 'open',
          (e: Error) => e.message,
        ),
      {
        timeout: 20_000,
      },
    )
    .toMatch(/ECONNREFUSED/);
  expect((await inFlight).status).toBe(200);
  expect(output()).toContain('SIGTERM: draining');
}

describe('node dist-server/server/serve.js', () => {
  it('prints its own pid; SIGTERM to it drains, exits 0 and frees the port', async () => {
    const port = await closedPort();
    const server = run(process.execPath, [SERVE_JS], {
      PORT: String(port),
      DRAIN_DELAY_MS: '1500',
    });
    const pid = await printedPid(server.output);
    expect(pid).toBe(server.child.pid);
    await drain(pid, port, server.output);
    expect(await server.exited).toEqual([0, null]);
    expect(await portIsFree(port)).toBe(true);
    expect(server.output()).not.toContain(KEY);
  });

  it('refuses a busy port with one line and exit code 1, no stack trace', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const second = run(process.execPath, [SERVE_JS], { PORT: String(port) });
      expect((await second.exited)[0]).toBe(1);
      expect(second.output()).toBe(
        `Port ${port} is in use: another process listens on 127.0.0.1:${port}; stop it or set PORT.\n`,
      );
    } finally {
      blocker.close();
    }
  });
});

describe('npm run serve', () => {
  it('execs node, so SIGTERM to the pid npm started reaches the server; npm exits 0', async () => {
    const port = await closedPort();
    const npm = run('npm', ['run', '--silent', 'serve'], {
      PORT: String(port),
      DRAIN_DELAY_MS: '500',
    });
    const pid = await printedPid(npm.output);
    // One server process under npm, not sh, tsx and node.
    expect(pid).not.toBe(npm.child.pid);
    await drain(npm.child.pid!, port, npm.output);
    expect(await npm.exited).toEqual([0, null]);
    expect(await portIsFree(port)).toBe(true);
    expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
  });

  it('SIGTERM to the pid it prints drains and exits 0, and npm with it', async () => {
    const port = await closedPort();
    const npm = run('npm', ['run', '--silent', 'serve'], {
      PORT: String(port),
      DRAIN_DELAY_MS: '500',
    });
    const pid = await printedPid(npm.output);
    await drain(pid, port, npm.output);
    expect(await npm.exited).toEqual([0, null]);
    expect(await portIsFree(port)).toBe(true);
  });
});
