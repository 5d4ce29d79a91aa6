/**
 * The production process, measured (`npx tsx bench/process.ts` after `npm run build`): for
 * plain `node dist-server/server/serve.js`, for `npm run serve` (npm execs node) and, for
 * comparison, the former way (npm, a shell and tsx running the TypeScript source): memory of
 * the whole process tree after a warm-up, spawn -> /readyz 200, and the drain after SIGTERM
 * (-> /readyz 503, -> port closed, -> exit). Sandbox mode on 127.0.0.1; writes
 * bench/results/process.json.
 *
 *   PROCESS_RUNS (3) · PROCESS_PORT (4541) · DRAIN_DELAY_MS (3000, the default)
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS_FILE = fileURLToPath(new URL('results/process.json', import.meta.url));
const RUNS = Number(process.env.PROCESS_RUNS ?? 3);
const PORT = Number(process.env.PROCESS_PORT ?? 4541);
const DRAIN_DELAY_MS = process.env.DRAIN_DELAY_MS ?? '3000';
const base = `http://127.0.0.1:${PORT}`;

const VARIANTS: Record<string, [string, string[]]> = {
  'node dist-server/server/serve.js': [process.execPath, ['dist-server/server/serve.js']],
  'npm run serve (npm execs node)': ['npm', ['run', '--silent', 'serve']],
  'before: npm + sh + tsx server/serve.ts': ['npm', ['exec', '--', 'tsx', 'server/serve.ts']],
};

/** The pids of `pid` and everything under it, from /proc. */
function tree(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone
    }
  }
  const all = [pid];
  for (let i = 0; i < all.length; i += 1) all.push(...(parents.get(all[i]!) ?? []));
  return all;
}

function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

async function status(path: string): Promise<number> {
  try {
    const response = await fetch(`${base}${path}`, { headers: { Accept: 'text/html' } });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

/** Milliseconds until `check` holds; null when it does not within `limitMs`. */
async function until(check: () => Promise<boolean>, limitMs = 30_000): Promise<number | null> {
  const started = performance.now();
  while (!(await check())) {
    if (performance.now() - started > limitMs) return null;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return performance.now() - started;
}

async function measure(command: string, args: string[]) {
  const started = performance.now();
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(PORT),
      SANDBOX: '1',
      SIGMAMIND_API_KEY: '',
      LOG_LEVEL: 'warn',
      DRAIN_DELAY_MS,
    },
    stdio: 'ignore',
  });
  const exited = once(child, 'exit') as Promise<[number | null, string | null]>;
  if ((await until(async () => (await status('/readyz')) === 200)) === null) {
    throw new Error(`${command} ${args.join(' ')}: not ready after 30 s`);
  }
  const readyMs = performance.now() - started;
  for (let i = 0; i < 20; i += 1) {
    await status('/?agentId=agent_D5D0p7TUs66TTAEAx');
    await status('/v1/batch-runs?agentId=agent_X3mHc7YtPq0WfJs5n&size=100');
  }
  const pids = tree(child.pid!);
  const rss = pids.map(rssKb);
  const signalled = performance.now();
  child.kill('SIGTERM');
  const notReadyMs = await until(async () => (await status('/readyz')) !== 200, 20_000);
  // The former way left the server running without npm (issue 19): give up after 20 s.
  const closedMs = await until(async () => (await status('/healthz')) === 0, 20_000);
  const [code] = await exited;
  const exitMs = performance.now() - signalled;
  const orphans = pids.filter((pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  });
  for (const pid of orphans) process.kill(pid, 'SIGKILL');
  return {
    processes: pids.length,
    rssMb: Math.round(rss.reduce((a, b) => a + b, 0) / 1024),
    serverRssMb: Math.round(Math.max(...rss) / 1024),
    readyMs: Math.round(readyMs),
    drain: {
      notReadyMs: notReadyMs === null ? null : Math.round(notReadyMs),
      portClosedMs: closedMs === null ? null : Math.round(closedMs),
      exitMs: Math.round(exitMs),
      exitCode: code,
      orphans: orphans.length,
    },
  };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const results: Record<string, unknown> = {};
for (const [name, [command, args]] of Object.entries(VARIANTS)) {
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) runs.push(await measure(command, args));
  results[name] = {
    processes: runs[0]!.processes,
    rssMb: median(runs.map((r) => r.rssMb)),
    readyMs: median(runs.map((r) => r.readyMs)),
    runs,
  };
  console.log(name, JSON.stringify(results[name]));
}
await mkdir(new URL('results/', import.meta.url), { recursive: true });
await writeFile(
  RESULTS_FILE,
  JSON.stringify({ drainDelayMs: Number(DRAIN_DELAY_MS), results }, null, 2),
);
