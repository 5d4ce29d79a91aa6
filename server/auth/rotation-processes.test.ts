// @vitest-environment node
/**
 * The rolling SESSION_SECRET rotation with two real production processes (`server/serve.ts`)
 * behind a round-robin front, restarted one at a time as a process manager would (SIGTERM,
 * start with the new setting, wait for /healthz): while one restarts the front sends everyone
 * to the other. People keep reading and signing in: no 401, no failed sign-in.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cookieSealer } from './sealed-cookie.ts';
import { client, Jar } from './testing/browser.ts';
import { startMockProvider, type MockProvider } from './testing/mock-provider.ts';

const OLD = 'the-old-session-secret-0123456789abcdef';
const NEW = 'the-new-session-secret-fedcba9876543210';

let provider: MockProvider;
let front: Server;
let frontUrl = '';
let distDir = '';
const replicas: { port: number; process: ChildProcess | null }[] = [];
let turn = 0;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function start(index: number, secret: string) {
  const replica = replicas[index]!;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/serve.ts'], {
    env: {
      PATH: process.env.PATH,
      HOST: '127.0.0.1',
      PORT: String(replica.port),
      SANDBOX: '1',
      DIST_DIR: distDir,
      AUTH_OIDC_ISSUER: provider.issuer,
      AUTH_OIDC_CLIENT_ID: 'dashboard',
      AUTH_OIDC_CLIENT_SECRET: 'dashboard-secret',
      PUBLIC_URL: frontUrl,
      SESSION_SECRET: secret,
      ALLOWED_EMAIL_DOMAINS: 'example.com',
      LOG_LEVEL: 'error',
    },
    stdio: 'ignore',
  });
  for (;;) {
    const up = await fetch(`http://127.0.0.1:${replica.port}/healthz`).catch(() => null);
    if (up?.ok) break;
    if (child.exitCode !== null) throw new Error(`replica ${index} exited ${child.exitCode}`);
    await new Promise((done) => setTimeout(done, 100));
  }
  replica.process = child;
}

async function stop(index: number) {
  const replica = replicas[index]!;
  const child = replica.process;
  replica.process = null; // out of the front's rotation first, as a balancer drains it
  if (!child || child.exitCode !== null) return;
  await new Promise((done) => {
    child.once('exit', done);
    child.kill('SIGTERM');
  });
}

beforeAll(async () => {
  provider = await startMockProvider();
  distDir = await mkdtemp(join(tmpdir(), 'dist-rotation-'));
  await mkdir(join(distDir, 'assets'));
  await writeFile(join(distDir, 'index.html'), '<!doctype html><div id="root"></div>');
  // The front: round-robin over the replicas that are up, headers and cookies passed through.
  front = createServer((req, res) => {
    const live = replicas.filter((r) => r.process !== null);
    const target = live[turn++ % live.length];
    if (!target) return void res.writeHead(502).end();
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(([name]) => name !== 'host'),
    ) as Record<string, string>;
    void fetch(`http://127.0.0.1:${target.port}${req.url}`, { headers, redirect: 'manual' })
      .then(async (answer) => {
        const out: Record<string, string | string[]> = {};
        answer.headers.forEach((value, name) => {
          const hop = ['set-cookie', 'content-encoding', 'content-length', 'transfer-encoding'];
          if (!hop.includes(name)) out[name] = value;
        });
        out['set-cookie'] = answer.headers.getSetCookie();
        const body = Buffer.from(await answer.arrayBuffer());
        res.writeHead(answer.status, { ...out, 'content-length': String(body.length) }).end(body);
      })
      .catch(() => res.writeHead(502).end());
  });
  await new Promise<void>((done) => front.listen(0, '127.0.0.1', done));
  frontUrl = `http://127.0.0.1:${(front.address() as { port: number }).port}`;
  for (let i = 0; i < 2; i++) replicas.push({ port: await freePort(), process: null });
  await Promise.all([start(0, OLD), start(1, OLD)]);
}, 120_000);

afterAll(async () => {
  await Promise.all([stop(0), stop(1)]);
  front.closeAllConnections();
  front.close();
  await provider.close();
  await rm(distDir, { recursive: true, force: true });
});

it('rolls SESSION_SECRET through two processes with no 401 and no failed sign-in', async () => {
  const { get, throughProvider } = client(() => frontUrl);
  const figures = { requests: 0, unauthorized: 0, otherFailures: 0, signIns: 0, failedSignIns: 0 };
  const readers: Jar[] = [];
  async function signIn(link: string) {
    const jar = new Jar();
    const { callback } = await throughProvider(link, jar);
    figures.signIns += 1;
    const landing = await get(callback, jar);
    if (landing.status !== 303 || !jar.cookies.has('sm_session')) figures.failedSignIns += 1;
    else readers.push(jar);
  }
  async function readAll() {
    for (const jar of readers) {
      for (let i = 0; i < 2; i++) {
        const response = await get('/v1/agents', jar, { Accept: 'application/json' });
        figures.requests += 1;
        if (response.status === 401) figures.unauthorized += 1;
        else if (response.status !== 200) figures.otherFailures += 1;
      }
    }
  }

  await signIn('/');
  await signIn('/?agentId=agent_1');
  const before = readers.map((jar) => jar.cookies.get('sm_session'));
  for (const secret of [`${OLD},${NEW}`, `${NEW},${OLD}`, NEW]) {
    for (const index of [0, 1]) {
      await stop(index);
      await readAll(); // the other replica serves everyone meanwhile
      await start(index, secret);
      await readAll();
      await signIn('/?agentId=agent_1&page=2');
    }
  }

  console.log(`[auth] rolling rotation over 2 serve.ts processes: ${JSON.stringify(figures)}`);
  expect(figures).toMatchObject({ unauthorized: 0, otherFailures: 0, failedSignIns: 0 });
  expect(figures.signIns).toBe(8);
  const oldOnly = cookieSealer(OLD, 'session');
  const newOnly = cookieSealer(NEW, 'session');
  for (const value of before) expect(await oldOnly.open(value)).not.toBeNull();
  for (const jar of readers) {
    expect(await newOnly.open(jar.cookies.get('sm_session'))).not.toBeNull();
  }
}, 180_000);
