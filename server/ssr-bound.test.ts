/**
 * SSR_CONCURRENCY: with its one render held open by a slow API, a second page request gets the
 * plain page (the build's index.html, which the browser renders) at once, status 200, and the
 * first render still completes with its rows. Runs the real server build (dist/.ssr/).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { sandboxTarget, type ForwardTarget } from './api/targets.ts';
import { createServerApp } from './app.ts';
import { loadConfig } from './config.ts';
import { metrics } from './metrics.ts';
import { AGENTS } from './sandbox/catalog.ts';
import { REPO_ROOT } from './testing/compiled-server.ts';
import { takingTurns, Turns } from './turns.ts';

const distDir = join(REPO_ROOT, 'dist');
const agentId = AGENTS.find((agent) => agent.history.count === 125)!.ref.agentId;
const page = `/?agentId=${agentId}`;
const html = { Accept: 'text/html' };

/** The sandbox, with its batch-run lists held until `open()`; `held` resolves on the first. */
function heldSandbox() {
  const sandbox = sandboxTarget();
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  let sawHeld!: () => void;
  const held = new Promise<void>((resolve) => (sawHeld = resolve));
  const target: ForwardTarget = {
    ...sandbox,
    send: async (request) => {
      if (new URL(request.url).pathname === '/v1/batch-runs') {
        sawHeld();
        await gate;
      }
      return sandbox.send(request);
    },
  };
  return { target, held, open };
}

async function shedCount(): Promise<number> {
  const values = (await metrics.shed.get()).values;
  return values.find((value) => value.labels.work === 'render')?.value ?? 0;
}

/** The app, and its access log's lines as objects. */
function appWith(env: Record<string, string>, target: ForwardTarget, turns?: Turns) {
  const config = loadConfig({ SANDBOX: '1', LOG_LEVEL: 'info', ...env });
  const lines: Record<string, unknown>[] = [];
  const logger = pino(
    { level: 'info' },
    { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
  );
  return Object.assign(createServerApp(config, { distDir, target, logger, turns }), { lines });
}

describe('server renders beyond SSR_CONCURRENCY=1', () => {
  it('send the plain page while the one render waits for the API; that render still completes', async () => {
    const shell = await readFile(join(distDir, 'index.html'), 'utf8');
    const upstream = heldSandbox();
    // A budget long enough that the held render waits for its rows instead of sending without.
    const app = appWith({ SSR_CONCURRENCY: '1', SSR_DATA_BUDGET_MS: '10000' }, upstream.target);
    const before = await shedCount();

    const first = Promise.resolve(app.request(page, { headers: html }));
    await upstream.held;
    const second = await app.request(page, { headers: html });
    expect(second.status).toBe(200);
    expect(await second.text()).toBe(shell);
    expect(second.headers.get('Server-Timing')).toMatch(/busy/);
    expect(await shedCount()).toBe(before + 1);
    expect(app.lines.filter((line) => line.path === '/' && line.status === 200)).toEqual([
      expect.objectContaining({ shed: 'render' }),
    ]);

    upstream.open();
    const rendered = await first;
    expect(rendered.status).toBe(200);
    expect(rendered.headers.get('Server-Timing')).toMatch(/render;dur=[\d.]+;desc="with data/);
    const newest = (await (
      await app.request(`/v1/batch-runs?agentId=${agentId}&page=0&size=1`)
    ).json()) as { data: { batchId: string }[] };
    const body = await rendered.text();
    expect(body).not.toBe(shell);
    expect(body).toContain(newest.data[0]!.batchId);

    // The slot came back: the next page is rendered again.
    const third = await app.request(page, { headers: html });
    expect(await third.text()).toContain(newest.data[0]!.batchId);
  });

  it('SSR_CONCURRENCY=0 sends every page plain, without counting it as shed', async () => {
    const shell = await readFile(join(distDir, 'index.html'), 'utf8');
    const app = appWith({ SSR_CONCURRENCY: '0' }, sandboxTarget());
    const before = await shedCount();
    const response = await app.request(page, { headers: html });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(shell);
    expect(await shedCount()).toBe(before);
  });
});

describe('a server behind on its requests', () => {
  it('sends a page plain when more than four requests per render slot were waiting for their turn', async () => {
    const shell = await readFile(join(distDir, 'index.html'), 'utf8');
    const turns = new Turns();
    const app = appWith({ SSR_CONCURRENCY: '2' }, sandboxTarget(), turns);
    const fetch = takingTurns((request: Request) => app.fetch(request), turns);
    const asset = (n: number) => fetch(new Request(`http://localhost/favicon.png?${n}`), {});
    const pageRequest = () => fetch(new Request(`http://localhost${page}`, { headers: html }), {});
    const before = await shedCount();

    // Eight waiting (4 × 2 slots): still rendered.
    const eight = Array.from({ length: 8 }, (_, n) => asset(n));
    const rendered = await pageRequest();
    expect(await rendered.text()).not.toBe(shell);
    await Promise.all(eight);

    // Nine waiting: sent plain, counted and logged as shed.
    const nine = Array.from({ length: 9 }, (_, n) => asset(n));
    const plain = await pageRequest();
    expect(plain.status).toBe(200);
    expect(await plain.text()).toBe(shell);
    expect(plain.headers.get('Server-Timing')).toMatch(/busy/);
    expect(await shedCount()).toBe(before + 1);
    expect(app.lines.filter((line) => line.path === '/')).toEqual([
      expect.objectContaining({ waitedMs: expect.any(Number) as number }),
      expect.objectContaining({ shed: 'render', waitedMs: expect.any(Number) as number }),
    ]);
    await Promise.all(nine);
  });
});
