// @vitest-environment node
/**
 * deploy/nginx.conf in front of two replicas of the production server with sign-in, through
 * real nginx started here (Debian's, installed by scripts/ensure-nginx.mjs; skipped with a
 * message when it cannot be), TLS with a certificate made here: http redirects to https, a
 * shared filtered link signs in (a real OpenID Connect provider) and lands on its view, the
 * API answers with the session, and the access log has the client from X-Forwarded-For.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portIsFree } from '../testing/processes.ts';
import { startMockProvider, type MockProvider } from '../auth/testing/mock-provider.ts';
import { REPO_ROOT, SERVE_JS } from '../testing/compiled-server.ts';
import { start, stop, type Started } from '../testing/processes.ts';

const ensure = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/ensure-nginx.mjs')], {
  encoding: 'utf8',
});
const nginx = ensure.status === 0 ? ensure.stdout.trim() : null;
if (!nginx) {
  console.warn(`[nginx.test] skipped: nginx is not available (${ensure.stderr.trim()})`);
}

const AGENT = 'agent_D5D0p7TUs66TTAEAx';
const LINK = `/?agentId=${AGENT}&page=2&outcome=failed`;
const dir = mkdtempSync(join(tmpdir(), 'nginx-'));
let provider: MockProvider;
let httpsPort: number;
let httpPort: number;
const replicas: Started[] = [];
let proxy: Started | undefined;
let cert: string;
let ports: number[] = [];

function startReplica(port: number): Started {
  return start(process.execPath, [SERVE_JS], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      SANDBOX: '1',
      DRAIN_DELAY_MS: '0',
      PUBLIC_URL: `https://dashboard.test:${httpsPort}`,
      TRUST_PROXY: '127.0.0.1',
      AUTH_OIDC_ISSUER: provider.issuer,
      AUTH_OIDC_CLIENT_ID: 'dashboard-nginx-test',
      AUTH_OIDC_CLIENT_SECRET: 'dashboard-nginx-test-secret',
      SESSION_SECRET: 'nginx-test-session-secret-0123456789abcdef',
      ALLOWED_EMAIL_DOMAINS: 'example.com',
    },
  });
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request, redirects not followed; it connects to 127.0.0.1 and sends the URL's host as Host. */
function ask(url: string, cookies: Map<string, string>, headers: Record<string, string> = {}) {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  const cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  return new Promise<Answer>((resolve, reject) => {
    const options = {
      hostname: '127.0.0.1',
      port: target.port,
      path: `${target.pathname}${target.search}`,
      headers: {
        Host: target.host,
        Accept: 'text/html',
        ...(cookie ? { Cookie: cookie } : {}),
        ...headers,
      },
      ...(secure ? { ca: cert, servername: target.hostname } : {}),
    };
    const req = (secure ? httpsRequest : httpRequest)(options, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        for (const line of res.headers['set-cookie'] ?? []) {
          const [pair = ''] = line.split(';');
          const at = pair.indexOf('=');
          const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
          if (value === '' || /max-age=0/i.test(line)) cookies.delete(name);
          else cookies.set(name, value);
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Polls in a hook (expect.poll is for tests only); `why` says what was seen on a timeout. */
async function until(
  check: () => boolean | Promise<boolean>,
  why: () => string = () => '',
  timeoutMs = 60_000,
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not ready after ${timeoutMs} ms ${why()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A free port below the kernel's ephemeral range (32768+), where the many outgoing connections
 * of a full test run take theirs: a port picked there and closed again may be someone's
 * client port by the time nginx binds it.
 */
async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 10_000);
    if (await portIsFree(port)) return port;
  }
}

/** deploy/nginx.conf with this test's ports, name and certificate; each edit must apply. */
function templated(example: string, ports: number[]): string {
  const edits: [string, string][] = [
    ['server 127.0.0.1:4173 ', `server 127.0.0.1:${ports[0]} `],
    ['server 127.0.0.1:4174 ', `server 127.0.0.1:${ports[1]} `],
    ['listen 80;', `listen 127.0.0.1:${httpPort};`],
    ['listen 443 ssl;', `listen 127.0.0.1:${httpsPort} ssl;`],
    ['return 301 https://$host$request_uri;', `return 301 https://$host:${httpsPort}$request_uri;`],
    ['/etc/ssl/certs/dashboard.example.com.pem', join(dir, 'cert.pem')],
    ['/etc/ssl/private/dashboard.example.com.key', join(dir, 'key.pem')],
  ];
  let text = example.replaceAll(
    'server_name dashboard.example.com;',
    'server_name dashboard.test;',
  );
  for (const [from, to] of edits) {
    if (!text.includes(from)) throw new Error(`deploy/nginx.conf no longer has: ${from}`);
    text = text.replace(from, to);
  }
  const temp = (name: string) => `${name}_temp_path ${join(dir, 'tmp', name)};`;
  return `worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 64; }
http {
  access_log ${join(dir, 'access.log')};
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
${text}
}
`;
}

describe.skipIf(!nginx)('deploy/nginx.conf in front of the production server', () => {
  beforeAll(async () => {
    [httpsPort, httpPort] = [await freePort(), await freePort()];
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=dashboard.test',
        '-addext',
        'subjectAltName=DNS:dashboard.test',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
    // nginx's workers may run as another user (when the test runs as root): let them read.
    mkdirSync(join(dir, 'tmp'), { mode: 0o777 });
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'key.pem'), 0o644);

    provider = await startMockProvider();
    ports = [await freePort(), await freePort()];
    for (const port of ports) replicas.push(startReplica(port));
    for (const replica of replicas) {
      await until(
        () => replica.output().includes('Serving'),
        () => `(replica said: ${replica.output().slice(-600)})`,
      );
    }
    const conf = join(dir, 'nginx.conf');
    writeFileSync(
      conf,
      templated(readFileSync(join(REPO_ROOT, 'deploy/nginx.conf'), 'utf8'), ports),
    );
    proxy = start(nginx!, ['-c', conf, '-p', dir, '-g', 'daemon off;'], {});
    const nginxLog = () => {
      const log = existsSync(join(dir, 'error.log'))
        ? readFileSync(join(dir, 'error.log'), 'utf8')
        : '';
      return `(nginx exit ${String(proxy?.child.exitCode)}: ${proxy?.output().slice(-400)} ${log.slice(-600)})`;
    };
    await until(
      () =>
        ask(`https://dashboard.test:${httpsPort}/healthz`, new Map()).then(
          (a) => a.status === 200,
          () => false,
        ),
      nginxLog,
    );
  }, 150_000);

  afterAll(async () => {
    // SIGTERM: nginx's master stops its workers (SIGKILL would orphan them).
    if (proxy && proxy.child.exitCode === null) {
      proxy.child.kill('SIGTERM');
      await proxy.exited;
    }
    for (const replica of replicas) await stop(replica);
    await provider?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('redirects http to https, keeping the link', async () => {
    const answer = await ask(`http://dashboard.test:${httpPort}${LINK}`, new Map());
    expect(answer.status).toBe(301);
    expect(answer.headers.location).toBe(`https://dashboard.test:${httpsPort}${LINK}`);
  });

  it('signs a shared filtered link in and lands on its view, with the Host port kept', async () => {
    const jar = new Map<string, string>();
    const base = `https://dashboard.test:${httpsPort}`;
    const opened = await ask(`${base}${LINK}`, jar, { 'X-Forwarded-For': '203.0.113.7' });
    expect(opened.status).toBe(302);
    const authorize = new URL(String(opened.headers.location));
    expect(authorize.origin).toBe(provider.issuer);
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${base}/auth/callback`);

    const fromProvider = await ask(authorize.href, jar);
    expect(fromProvider.status).toBe(302);
    const callback = new URL(String(fromProvider.headers.location));
    expect(callback.origin).toBe(base);

    const landed = await ask(callback.href, jar);
    expect(landed.status).toBe(303);
    expect(landed.headers.location).toBe(LINK);

    const page = await ask(`${base}${LINK}`, jar);
    expect(page.status).toBe(200);
    expect(page.headers['strict-transport-security']).toMatch(/max-age=/);
    expect(page.body).toContain('id="ssr-state"');
    expect(page.body).toContain('New AI Agent');

    const api = await ask(`${base}/v1/batch-runs?agentId=${AGENT}&page=1`, jar, {
      Accept: 'application/json',
    });
    expect(api.status).toBe(200);
    expect(JSON.parse(api.body)).toMatchObject({ page: 1 });

    // The replicas logged the client nginx saw (and what it forwarded), not nginx itself.
    const log = replicas.map((replica) => replica.output()).join('');
    expect(log).toMatch(/"client":"203\.0\.113\.7"[^\n]*"user":null[^\n]*"status":302/);
    expect(log).not.toMatch(/"status":421/);
  });

  it('a rolling restart of both replicas fails no request of a signed-in reader', async () => {
    const jar = new Map<string, string>();
    const base = `https://dashboard.test:${httpsPort}`;
    const opened = await ask(`${base}${LINK}`, jar);
    const fromProvider = await ask(String(opened.headers.location), jar);
    expect((await ask(String(fromProvider.headers.location), jar)).status).toBe(303);

    const statuses: number[] = [];
    let reading = true;
    const reader = (async () => {
      while (reading) {
        const answer = await ask(`${base}/v1/batch-runs?agentId=${AGENT}`, jar, {
          Accept: 'application/json',
        }).catch(() => ({ status: 0 }));
        statuses.push(answer.status);
      }
    })();
    const served = () => statuses.length;
    for (const [i, port] of ports.entries()) {
      const old = replicas[i]!;
      old.child.kill('SIGTERM');
      expect(await old.exited).toEqual([0, null]);
      const counted = served();
      await expect.poll(served).toBeGreaterThan(counted + 5); // served by the other one alone
      const restarted = startReplica(port);
      replicas[i] = restarted;
      // Back in rotation: nginx sends it the reader's requests again.
      await expect.poll(restarted.output, { timeout: 30_000 }).toContain('"path":"/v1/batch-runs"');
    }
    const counted = served();
    await expect.poll(served).toBeGreaterThan(counted + 5);
    reading = false;
    await reader;
    console.log(`[nginx.test] rolling restart: ${statuses.length} requests through nginx`);
    expect(statuses.length).toBeGreaterThan(10);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
  });
});
