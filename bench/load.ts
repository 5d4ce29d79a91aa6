/**
 * Load test for the production server (`npx tsx bench/load.ts` after `npm run build`).
 * Starts the compiled server (`dist-server/server/serve.js`) itself on 127.0.0.1 (a free port, sandbox mode), runs CLIENTS
 * concurrent clients for SECONDS over a page/asset/API mix, stops the server and writes
 * bench/results/load.json. Exits non-zero on any failed request.
 *
 *   LOAD_SECONDS (30) · LOAD_CLIENTS (200) · LOAD_MAX_REQUESTS (2,000,000)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS_FILE = fileURLToPath(new URL('results/load.json', import.meta.url));
const REQUEST_TIMEOUT_MS = 10_000;
const STARTUP_TIMEOUT_MS = 30_000;
const PAGE_SIZES = [10, 20, 50] as const;

function envInt(name: string, fallback: number, max: number): number {
  const raw = process.env[name];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new Error(`${name} must be an integer from 1 to ${max}`);
  }
  return value;
}

const SECONDS = envInt('LOAD_SECONDS', 30, 600);
const CLIENTS = envInt('LOAD_CLIENTS', 200, 1_000);
const MAX_REQUESTS = envInt('LOAD_MAX_REQUESTS', 2_000_000, 10_000_000);

type Kind = 'page' | 'asset' | 'api-large' | 'api';

interface Target {
  kind: Kind;
  path: () => string;
  headers: Record<string, string>;
}

/** Starts the production server as its own process, so client and server do not share a thread. */
async function startServer(): Promise<{ baseUrl: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['dist-server/server/serve.js'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      SIGMAMIND_API_KEY: '',
      SANDBOX: '1',
      LOG_LEVEL: 'warn',
      DRAIN_DELAY_MS: '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (!child.stdout) throw new Error('no stdout from the server process');
  const lines = createInterface({ input: child.stdout });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('server did not start in time')),
      STARTUP_TIMEOUT_MS,
    );
    child.once('exit', (code) => reject(new Error(`server exited with code ${code}`)));
    lines.on('line', (line) => {
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    });
  });
  return { baseUrl, child };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

async function getJson<T>(baseUrl: string, path: string): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  if (!res.ok) throw new Error(`GET ${path} -> ${res.status}`);
  return (await res.json()) as T;
}

interface Paged<T> {
  data: T[];
  totalCount: number;
  hasNext: boolean;
}

/** Agents and their batch counts, read from the API rather than hard-coded. */
async function discoverAgents(baseUrl: string): Promise<{ agentId: string; totalCount: number }[]> {
  const agents: string[] = [];
  for (let page = 0; page < 20; page++) {
    const listing = await getJson<Paged<{ agentId: string }>>(
      baseUrl,
      `/v1/agents?page=${page}&size=100`,
    );
    agents.push(...listing.data.map((agent) => agent.agentId));
    if (!listing.hasNext) break;
  }
  return Promise.all(
    agents.map(async (agentId) => {
      const query = new URLSearchParams({ agentId, page: '0', size: '1' });
      const first = await getJson<Paged<unknown>>(baseUrl, `/v1/batch-runs?${query}`);
      return { agentId, totalCount: first.totalCount };
    }),
  );
}

function pick<T>(items: readonly T[]): T {
  const item = items[Math.floor(Math.random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function batchPage(agentId: string, totalCount: number): () => string {
  return () => {
    const size = pick(PAGE_SIZES);
    const page = Math.floor(Math.random() * Math.max(1, Math.ceil(totalCount / size)));
    return `/v1/batch-runs?${new URLSearchParams({ agentId, page: String(page), size: String(size) })}`;
  };
}

async function buildTargets(baseUrl: string): Promise<{ targets: Target[]; largeAgent: string }> {
  const html = await (await fetch(`${baseUrl}/`)).text();
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1] ?? '');
  if (assets.length === 0) throw new Error('index.html links no /assets/ files');

  const agents = await discoverAgents(baseUrl);
  const large = agents.reduce((a, b) => (b.totalCount > a.totalCount ? b : a));
  const others = agents.filter((agent) => agent !== large && agent.totalCount > 0);
  const browser = { 'Accept-Encoding': 'gzip' };
  const targets: Target[] = [
    { kind: 'page', path: () => '/', headers: { ...browser, Accept: 'text/html' } },
    { kind: 'asset', path: () => pick(assets), headers: browser },
    { kind: 'api-large', path: batchPage(large.agentId, large.totalCount), headers: browser },
    ...others.map((agent): Target => ({
      kind: 'api',
      path: batchPage(agent.agentId, agent.totalCount),
      headers: browser,
    })),
  ];
  return { targets, largeAgent: `${large.agentId} (${large.totalCount} batch runs)` };
}

interface Sample {
  kind: Kind;
  ms: number;
}

async function runLoad(baseUrl: string, targets: Target[]) {
  const samples: Sample[] = [];
  const errors: string[] = [];
  const deadline = performance.now() + SECONDS * 1000;
  let issued = 0;

  // Kinds weighted like a session: a page load pulls assets, then pages through batch runs.
  const byKind = (kind: Kind) => targets.filter((t) => t.kind === kind);
  const mix = [
    ...byKind('page'),
    ...byKind('asset'),
    ...byKind('asset'),
    ...byKind('api-large'),
    ...byKind('api-large'),
    ...byKind('api-large'),
    ...byKind('api'),
  ];

  async function client(): Promise<void> {
    while (performance.now() < deadline && issued < MAX_REQUESTS) {
      issued++;
      const target = pick(mix);
      const path = target.path();
      const started = performance.now();
      try {
        const res = await fetch(`${baseUrl}${path}`, {
          headers: target.headers,
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        await res.arrayBuffer();
        if (!res.ok) errors.push(`${res.status} ${path}`);
      } catch (error) {
        errors.push(`${error instanceof Error ? error.name : 'error'} ${path}`);
      }
      samples.push({ kind: target.kind, ms: performance.now() - started });
    }
  }

  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, client));
  return { samples, errors, elapsedS: (performance.now() - started) / 1000 };
}

function summarize(samples: Sample[]) {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const at = (q: number) =>
    round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return {
    requests: sorted.length,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    max: round(sorted.at(-1) ?? 0),
  };
}

const round = (ms: number) => Math.round(ms * 10) / 10;

async function main(): Promise<number> {
  // The server checks for the build too; checking here first gives a message before any spawn.
  const distDir = resolve(REPO_ROOT, process.env.DIST_DIR?.trim() || 'dist');
  if (!existsSync(resolve(distDir, 'index.html'))) {
    console.error(`No build in ${distDir}: run \`npm run build\` first.`);
    return 1;
  }
  const { baseUrl, child } = await startServer();
  // Interrupted: take the server down too, never leave it running.
  const stop = () => void stopServer(child).then(() => process.exit(130));
  process.once('SIGINT', stop);
  try {
    if (new URL(baseUrl).hostname !== '127.0.0.1')
      throw new Error('load only ever targets 127.0.0.1');
    const { targets, largeAgent } = await buildTargets(baseUrl);
    console.log(
      `Load: ${CLIENTS} clients for ${SECONDS} s against ${baseUrl} (large agent ${largeAgent})`,
    );

    const { samples, errors, elapsedS } = await runLoad(baseUrl, targets);
    const kinds = [...new Set(samples.map((s) => s.kind))];
    const report = {
      date: new Date().toISOString(),
      settings: { seconds: SECONDS, clients: CLIENTS, maxRequests: MAX_REQUESTS, largeAgent },
      requests: samples.length,
      errors: errors.length,
      errorSamples: errors.slice(0, 20),
      requestsPerSecond: Math.round(samples.length / elapsedS),
      latencyMs: summarize(samples),
      byKind: Object.fromEntries(
        kinds.map((kind) => [kind, summarize(samples.filter((s) => s.kind === kind))]),
      ),
    };
    await mkdir(new URL('results/', import.meta.url), { recursive: true });
    await writeFile(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);

    const { p50, p95, p99 } = report.latencyMs;
    console.log(
      `${report.requests} requests, ${report.errors} errors, ${report.requestsPerSecond} req/s, ` +
        `p50 ${p50} ms, p95 ${p95} ms, p99 ${p99} ms -> ${RESULTS_FILE}`,
    );
    for (const sample of report.errorSamples) console.error(`  failed: ${sample}`);
    return report.errors === 0 ? 0 : 1;
  } finally {
    process.off('SIGINT', stop);
    await stopServer(child);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
