/**
 * Load test for the production server (`npm run bench:load` after `npm run build`). Each run
 * starts the compiled server (`dist-server/server/serve.js`, sandbox mode, 127.0.0.1) twice:
 * as configured (server rendering on) and, as the reference, with SSR_CONCURRENCY=0 (every
 * page the plain shell, as before server rendering), in alternating order; fills the search
 * mirrors, then runs CLIENTS concurrent clients for SECONDS over the mix of bench/load-mix.ts.
 * Every request ends within its 10 s timeout (bench/load-request.ts), so every run ends.
 * Prints one line per run and a summary with the ratio, writes bench/results/load.json, and
 * exits non-zero on any error or timeout.
 *
 *   LOAD_SECONDS (20) · LOAD_CLIENTS (200) · LOAD_RUNS (1) · LOAD_REFERENCE (1; 0: no
 *   reference) · LOAD_PORT (0: any free port; else this port, the reference on the next one) ·
 *   LOAD_SERVER_LOG (a file for the servers' access logs; each request's X-Request-Id is
 *   `load-N`, as a failed request is printed) · LOAD_NODE_ARGS (for the server's node, e.g.
 *   `--cpu-prof --cpu-prof-dir=/tmp/prof`)
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assetsOf, buildMix, discoverAgents, pick, warmMirrors, type Target } from './load-mix.ts';
import { markMetrics, runMetrics } from './load-metrics.ts';
import { timedRequest, type Outcome, type RequestStats } from './load-request.ts';
import { formatRun, summarizeRuns, summarizeVariant, type Sample } from './load-report.ts';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS_FILE = fileURLToPath(new URL('results/load.json', import.meta.url));
const REQUEST_TIMEOUT_MS = 10_000;
const STARTUP_TIMEOUT_MS = 30_000;

function envInt(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}

const SECONDS = envInt('LOAD_SECONDS', 20, 1, 600);
const CLIENTS = envInt('LOAD_CLIENTS', 200, 1, 1_000);
const RUNS = envInt('LOAD_RUNS', 1, 1, 50);
const REFERENCE = envInt('LOAD_REFERENCE', 1, 0, 1) === 1;
const PORT = envInt('LOAD_PORT', 0, 0, 65_534);
/** LOAD_SERVER_LOG: a file to write the servers' access logs to (each request's id is `load-N`). */
const SERVER_LOG = process.env.LOAD_SERVER_LOG?.trim() || '';

export type Variant = 'ssr' | 'plain';

/** Starts the production server as its own process, so client and server do not share a thread. */
async function startServer(variant: Variant): Promise<{ baseUrl: string; child: ChildProcess }> {
  const port = PORT === 0 ? 0 : PORT + (variant === 'plain' ? 1 : 0);
  const nodeArgs = (process.env.LOAD_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, 'dist-server/server/serve.js'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      SIGMAMIND_API_KEY: '',
      SANDBOX: '1',
      LOG_LEVEL: SERVER_LOG ? 'info' : 'warn',
      DRAIN_DELAY_MS: '0',
      ...(variant === 'plain' ? { SSR_CONCURRENCY: '0' } : {}),
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
      if (SERVER_LOG) appendFileSync(SERVER_LOG, `${variant} ${line}\n`);
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
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(killer);
}

let requestCount = 0;

async function runLoad(baseUrl: string, mix: Target[], stats: RequestStats) {
  const samples: Sample[] = [];
  const deadline = performance.now() + SECONDS * 1000;

  async function client(): Promise<void> {
    while (performance.now() < deadline) {
      const target = pick(mix);
      const path = target.path();
      const started = performance.now();
      const id = `load-${(requestCount += 1)}`;
      const outcome: Outcome = await timedRequest(
        `${baseUrl}${path}`,
        { ...target.headers, 'X-Request-Id': id },
        REQUEST_TIMEOUT_MS,
        stats,
      );
      samples.push({ kind: target.kind, ms: performance.now() - started, outcome, path, id });
    }
  }

  // The bench's own event loop: a late client reads its answers late (a timeout may be its own).
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, client));
  lag.disable();
  const ms = (ns: number) => Math.round(ns / 1e6);
  const clientLagMs = { p99: ms(lag.percentile(99)), max: ms(lag.max) };
  return { samples, elapsedS: (performance.now() - started) / 1000, clientLagMs };
}

const running = new Set<ChildProcess>();

async function measure(variant: Variant) {
  const { baseUrl, child } = await startServer(variant);
  running.add(child);
  try {
    if (new URL(baseUrl).hostname !== '127.0.0.1') throw new Error('load only targets 127.0.0.1');
    const agents = await discoverAgents(baseUrl);
    await warmMirrors(baseUrl, agents);
    const mix = buildMix(await assetsOf(baseUrl), agents);
    const stats: RequestStats = { abandoned: 0 };
    await markMetrics(baseUrl);
    const { samples, elapsedS, clientLagMs } = await runLoad(baseUrl, mix, stats);
    const server = await runMetrics(baseUrl);
    // Let the abandoned-fetch check of the last timeouts report before reading it.
    if (samples.some((s) => s.outcome.kind === 'timeout')) await sleep(2500);
    return { ...summarizeVariant(samples, elapsedS, stats), server, clientLagMs };
  } finally {
    await stopServer(child);
    running.delete(child);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<number> {
  // The server checks for the build too; checking here first gives a message before any spawn.
  const distDir = resolve(REPO_ROOT, process.env.DIST_DIR?.trim() || 'dist');
  if (!existsSync(resolve(distDir, 'index.html'))) {
    console.error(`No build in ${distDir}: run \`npm run build\` first.`);
    return 1;
  }
  // Interrupted: take the servers down too, never leave them running.
  const stop = () => void Promise.all([...running].map(stopServer)).then(() => process.exit(130));
  process.once('SIGINT', stop);
  console.log(
    `Load: ${CLIENTS} clients for ${SECONDS} s, ${RUNS} run(s), with server rendering` +
      (REFERENCE ? ' and without (SSR_CONCURRENCY=0) side by side' : ''),
  );
  const runs = [];
  for (let run = 1; run <= RUNS; run++) {
    const order: Variant[] = !REFERENCE
      ? ['ssr']
      : run % 2 === 1
        ? ['ssr', 'plain']
        : ['plain', 'ssr'];
    const result: Partial<Record<Variant, Awaited<ReturnType<typeof measure>>>> = {};
    for (const variant of order) result[variant] = await measure(variant);
    runs.push(result);
    console.log(formatRun(run, RUNS, result));
  }
  process.off('SIGINT', stop);

  const summary = summarizeRuns(runs);
  const report = {
    date: new Date().toISOString(),
    settings: { seconds: SECONDS, clients: CLIENTS, runs: RUNS, reference: REFERENCE },
    summary: summary.figures,
    runs,
  };
  await mkdir(new URL('results/', import.meta.url), { recursive: true });
  await writeFile(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  for (const line of summary.lines) console.log(line);
  console.log(`-> ${RESULTS_FILE}`);
  return summary.clean ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
