/**
 * The concurrency cap under load (`npm run bench:cap`): a stand-in upstream that takes
 * UPSTREAM_MS to answer, the production server forwarding to it with a key (cap
 * MAX_UPSTREAM_CONCURRENCY, default 32), and CLIENTS clients asking /v1/batch-runs as fast as
 * they can for SECONDS. Prints how many were served, refused with 503 (Retry-After) and failed,
 * and the most upstream requests that were ever open at once.
 *
 *   CAP_SECONDS (10) · CAP_CLIENTS (200) · CAP_UPSTREAM_MS (100)
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Number(process.env.CAP_SECONDS ?? 10);
const CLIENTS = Number(process.env.CAP_CLIENTS ?? 200);
const UPSTREAM_MS = Number(process.env.CAP_UPSTREAM_MS ?? 100);
const KEY = 'bench-cap-key';

let open = 0;
let mostOpen = 0;
const upstream = createServer((_req, res) => {
  open += 1;
  mostOpen = Math.max(mostOpen, open);
  setTimeout(() => {
    open -= 1;
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(
      '{"data":[],"page":0,"size":10,"totalCount":0,"totalPages":0,"hasNext":false,"hasPrevious":false}',
    );
  }, UPSTREAM_MS);
});
upstream.listen(0, '127.0.0.1');
await once(upstream, 'listening');
const upstreamPort = (upstream.address() as AddressInfo).port;

const distDir = await mkdtemp(join(tmpdir(), 'bench-cap-'));
await writeFile(join(distDir, 'index.html'), '<!doctype html><title>cap</title>');
const server = spawn(process.execPath, ['dist-server/server/serve.js'], {
  cwd: REPO_ROOT,
  env: {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    DIST_DIR: distDir,
    SIGMAMIND_API_KEY: KEY,
    SIGMAMIND_API_URL: `http://127.0.0.1:${upstreamPort}`,
    LOG_LEVEL: 'warn',
    DRAIN_DELAY_MS: '0',
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const baseUrl = await new Promise<string>((resolve, reject) => {
  server.stdout.on('data', (chunk: Buffer) => {
    const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(chunk.toString());
    if (match) resolve(`http://127.0.0.1:${match[1]}`);
  });
  server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
});

const counts = { served: 0, refused503: 0, otherStatus: 0, errors: 0 };
const deadline = performance.now() + SECONDS * 1000;
async function client(id: number) {
  while (performance.now() < deadline) {
    try {
      const response = await fetch(`${baseUrl}/v1/batch-runs?agentId=agent_${id}`);
      await response.arrayBuffer();
      if (response.status === 200) counts.served += 1;
      else if (response.status === 503 && response.headers.get('retry-after'))
        counts.refused503 += 1;
      else counts.otherStatus += 1;
    } catch {
      counts.errors += 1;
    }
  }
}
await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
server.kill('SIGTERM');
await once(server, 'exit');
upstream.close();
await rm(distDir, { recursive: true, force: true });
console.log(
  JSON.stringify({
    seconds: SECONDS,
    clients: CLIENTS,
    upstreamMs: UPSTREAM_MS,
    ...counts,
    mostUpstreamOpen: mostOpen,
  }),
);
