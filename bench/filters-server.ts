/**
 * A production server for `npm run bench:filters`, as operators run it (`node
 * dist-server/server/serve.js`, sandbox, its own process, so the bench's client work does not
 * share its event loop), and what its /metrics say: upstream requests (every /v1 call the
 * forwarder made, the sandbox included), the search mirror's bytes, the JS heap; and what a
 * client sees of it: a search asked until complete, a link's first HTML.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface BenchServer {
  origin: string;
  pid: number;
  metrics: () => Promise<ServerMetrics>;
  stop: () => Promise<void>;
}

export interface ServerMetrics {
  /** Upstream calls made so far, by API route (`batch_runs`, `batch_run`, `agents`). */
  upstream: Record<string, number>;
  upstreamTotal: number;
  mirrorBytes: number;
  heapUsedBytes: number;
}

function sum(text: string, metric: string): Record<string, number> {
  const byLabel: Record<string, number> = {};
  for (const line of text.split('\n')) {
    if (!line.startsWith(metric)) continue;
    const label = /route="([^"]*)"/.exec(line)?.[1] ?? '';
    byLabel[label] = (byLabel[label] ?? 0) + Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return byLabel;
}

export async function startBenchServer(
  port: number,
  env: Record<string, string> = {},
): Promise<BenchServer> {
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['dist-server/server/serve.js'], {
    cwd: REPO_ROOT,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      SANDBOX: '1',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      DRAIN_DELAY_MS: '0',
      ...env,
    },
  });
  for (let tries = 0; ; tries += 1) {
    const ready = await fetch(`${origin}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (tries > 300 || child.exitCode !== null) throw new Error(`No server on ${origin}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    origin,
    pid: child.pid!,
    metrics: async () => {
      const text = await (await fetch(`${origin}/metrics`)).text();
      const upstream = sum(text, 'dashboard_upstream_request_duration_seconds_count');
      return {
        upstream,
        upstreamTotal: Object.values(upstream).reduce((a, b) => a + b, 0),
        mirrorBytes: sum(text, 'dashboard_search_mirror_bytes ')[''] ?? 0,
        heapUsedBytes: sum(text, 'dashboard_nodejs_heap_size_used_bytes ')[''] ?? 0,
      };
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
    },
  };
}

interface Coverage {
  coverage: { searched: number; of: number; complete: boolean };
  totalCount: number;
}

/**
 * Asks a search until it says complete: `ms` until the last answer is read (gunzipped and
 * parsed here, as a browser would), `answeredMs` until its headers came (the server's part).
 */
export async function searchUntilComplete(origin: string, path: string, waitMs: number) {
  const started = performance.now();
  for (let asks = 1; ; asks += 1) {
    const response = await fetch(`${origin}${path}&wait=${waitMs}`);
    const answeredMs = performance.now() - started;
    const answer = (await response.json()) as Coverage;
    if (answer.coverage.complete) {
      return { ms: performance.now() - started, answeredMs, asks, answer };
    }
  }
}

/** The first HTML of a link: its rows and its progress line. */
export async function firstHtml(origin: string, link: string) {
  const started = performance.now();
  const response = await fetch(`${origin}${link}`, { headers: { Accept: 'text/html' } });
  const html = await response.text();
  return {
    ms: performance.now() - started,
    rows: (html.match(/<tr[^>]*data-batch-id="/g) ?? []).length,
    status: /Searched [^<]*?match(?:es)?\b/.exec(html)?.[0] ?? '(no progress line)',
  };
}

/** The 7 days up to the agent's newest batch (the sandbox's history ends on a fixed date). */
export async function lastWeek(origin: string, agentId: string) {
  const url = `${origin}/v1/batch-runs?agentId=${agentId}&page=0&size=1`;
  const newest = ((await (await fetch(url)).json()) as { data: { createdDate: string }[] }).data[0];
  const end = Date.parse(newest!.createdDate);
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { since: day(end - 6 * 86_400_000), until: day(end) };
}
