/**
 * The API key never leaves the server. The production server under test holds CANARY_KEY;
 * these tests look for it everywhere it could leak: every response the browser receives in a
 * full session (bodies and headers), the page's DOM and storage, the build on disk, and the
 * server's own output. A key the browser sends is dropped, never forwarded.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { expect, test } from './failing-api-test';
import { CANARY_KEY, FAKE_UPSTREAM_PORT, SPAWNED_SERVER_PORT } from './ports';
import { AGENT_IDS, AGENT_WEBHOOK_SECRET, type RecordedRequest } from './scenarios';

const REPO_ROOT = resolve(import.meta.dirname, '../..');
const canary = Buffer.from(CANARY_KEY);

interface Seen {
  responses: number;
  bodyBytes: number;
  headerBytes: number;
  leaks: string[];
}

/** Records every response the page receives and where, if anywhere, the canary appears. */
function watchResponses(page: Page): { seen: Seen; settled: () => Promise<void> } {
  const seen: Seen = { responses: 0, bodyBytes: 0, headerBytes: 0, leaks: [] };
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    pending.push(
      (async () => {
        const headers = await response.allHeaders();
        const headerText = Object.entries(headers)
          .map(([name, value]) => `${name}: ${value}`)
          .join('\n');
        // A body can be gone (a redirect, an aborted prefetch): then there is nothing to leak.
        const body = await response.body().catch(() => Buffer.alloc(0));
        seen.responses += 1;
        seen.headerBytes += Buffer.byteLength(headerText);
        seen.bodyBytes += body.byteLength;
        if (headerText.includes(CANARY_KEY)) seen.leaks.push(`header of ${response.url()}`);
        if (body.includes(canary)) seen.leaks.push(`body of ${response.url()}`);
      })(),
    );
  });
  return { seen, settled: async () => void (await Promise.all(pending)) };
}

/** Every file under `dir` (gzip files also unpacked), as [path, bytes]. */
function* filesUnder(dir: string): Generator<[string, Buffer]> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) {
      const bytes = readFileSync(path);
      yield [path, bytes];
      if (path.endsWith('.gz')) yield [`${path} (unpacked)`, gunzipSync(bytes)];
    }
  }
}

test.describe('the API key stays on the server', () => {
  test('a full session: no response, header, DOM or storage holds the key', async ({ page }) => {
    test.setTimeout(120_000);
    const { seen, settled } = watchResponses(page);

    // The agents board (it loads a card for every agent, failing ones included).
    await page.goto('/');
    await expect(page.getByRole('main').getByText('Support Agent').first()).toBeVisible();
    // A healthy agent: paging, page size, every row opened.
    await page.goto(`/?agentId=${AGENT_IDS.ok}&size=10`);
    await expect(page.locator('tbody tr[data-batch-id]')).toHaveCount(10);
    await page.getByRole('link', { name: 'Next page' }).click();
    await expect(page.locator('tbody tr[data-batch-id]')).toHaveCount(2);
    await page.getByRole('button', { name: 'Expand all' }).click();
    await page.getByLabel('Rows per page').selectOption('20');
    await expect(page.locator('tbody tr[data-batch-id]')).toHaveCount(12);
    // A linked batch that is not on the page (fetched by id), hostile data, an empty agent,
    // and errors of several kinds.
    await page.goto(`/?agentId=${AGENT_IDS.ok}&size=10&batch=batch_ok11`);
    await expect(page.getByText('batch_ok11').first()).toBeVisible();
    await page.goto(`/?agentId=${AGENT_IDS.hostile}`);
    await expect(page.locator('tbody tr[data-batch-id]')).toHaveCount(6);
    await page.goto(`/?agentId=${AGENT_IDS.empty}`);
    await expect(page.getByText('No batch runs yet')).toBeVisible();
    for (const agentId of [AGENT_IDS.badRequest, AGENT_IDS.wrongShape, AGENT_IDS.malformedJson]) {
      await page.goto(`/?agentId=${agentId}`);
      await expect(page.getByRole('alert')).toBeVisible();
    }
    // Straight to the API from the page, as a curious user's console would.
    await page.evaluate(
      async (paths) => {
        for (const path of paths) await (await fetch(path)).arrayBuffer();
      },
      [
        `/v1/batch-runs?agentId=${AGENT_IDS.ok}`,
        '/v1/agents',
        '/v1/nope',
        '/v1/batch-runs%2F..%2Fagents',
        `/v1/batch-runs?agentId=${AGENT_IDS.serverError}`,
      ],
    );

    const storage = await page.evaluate(() =>
      JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }),
    );
    const cookies = JSON.stringify(await page.context().cookies());
    await settled();

    console.log(
      `[key-safety] browser session: ${seen.responses} responses, ${seen.bodyBytes} body bytes, ` +
        `${seen.headerBytes} header bytes searched`,
    );
    expect(seen.responses).toBeGreaterThan(20);
    expect(seen.leaks).toEqual([]);
    expect(storage).not.toContain(CANARY_KEY);
    expect(cookies).not.toContain(CANARY_KEY);
    expect(storage).not.toContain(AGENT_WEBHOOK_SECRET);
  });

  test('a key sent by the browser is dropped; the recorder never shows a key', async ({ page }) => {
    const browserKey = 'browser-supplied-key-0a1b2c';
    // Only documented parameters are forwarded, so the marker is an unusual page size.
    const marker = '37';
    const response = await page.request.get(
      `/v1/batch-runs?agentId=${AGENT_IDS.ok}&size=${marker}`,
      {
        headers: {
          'X-API-Key': browserKey,
          Authorization: `Bearer ${browserKey}`,
          Cookie: `session=${browserKey}`,
        },
      },
    );
    expect(response.status()).toBe(200); // answered with the server's key, not the browser's
    const answer = `${JSON.stringify(response.headers())}\n${await response.text()}`;
    expect(answer).not.toContain(CANARY_KEY);
    expect(answer).not.toContain(browserKey);

    const log = await page.request.get(`http://127.0.0.1:${FAKE_UPSTREAM_PORT}/__requests`);
    const logText = await log.text();
    const forwarded = (JSON.parse(logText) as RecordedRequest[]).filter((r) =>
      r.query.some(([key, value]) => key === 'size' && value === marker),
    );
    expect(forwarded).toHaveLength(1);
    expect(forwarded[0]!.apiKey).toBe('valid'); // the canary, added by the server
    expect(Object.keys(forwarded[0]!.headers)).not.toContain('authorization');
    expect(Object.keys(forwarded[0]!.headers)).not.toContain('cookie');
    expect(JSON.stringify(forwarded[0])).not.toContain(browserKey);
    // The recorder reports a verdict, never the value.
    expect(logText).not.toContain(CANARY_KEY);
  });

  test('the build on disk does not contain the key', () => {
    const dirs = [...new Set([process.env.DIST_DIR ?? 'dist', 'dist'])]
      .map((dir) => resolve(REPO_ROOT, dir))
      .filter((dir) => existsSync(dir) && statSync(dir).isDirectory());
    expect(dirs.length).toBeGreaterThan(0);
    let files = 0;
    let bytes = 0;
    const leaks: string[] = [];
    for (const dir of dirs) {
      for (const [path, content] of filesUnder(dir)) {
        files += 1;
        bytes += content.byteLength;
        if (content.includes(canary)) leaks.push(path);
      }
    }
    console.log(
      `[key-safety] build: ${files} files, ${bytes} bytes searched in ${dirs.join(', ')}`,
    );
    expect(files).toBeGreaterThan(2);
    expect(leaks).toEqual([]);
  });

  test('the server’s own output never contains the key', async ({ request }) => {
    test.setTimeout(90_000);
    // A production server of our own, so its stdout and stderr can be read whole.
    const server = spawn(process.execPath, [resolve(REPO_ROOT, 'dist-server/server/serve.js')], {
      cwd: REPO_ROOT,
      detached: true, // its own process group, so the test can stop it and anything it started
      env: {
        ...process.env,
        HOST: '127.0.0.1',
        PORT: String(SPAWNED_SERVER_PORT),
        SIGMAMIND_API_KEY: CANARY_KEY,
        SIGMAMIND_API_URL: `http://127.0.0.1:${FAKE_UPSTREAM_PORT}`,
        UPSTREAM_TIMEOUT_MS: '1000',
        MAX_UPSTREAM_BYTES: '1048576',
        DIST_DIR: process.env.DIST_DIR ?? 'dist',
      },
    });
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const stop = async () => {
      if (server.exitCode !== null || server.pid === undefined) return;
      const exited = once(server, 'exit');
      process.kill(-server.pid, 'SIGTERM');
      await exited;
    };

    try {
      const base = `http://127.0.0.1:${SPAWNED_SERVER_PORT}`;
      await expect.poll(() => output, { timeout: 30_000 }).toContain('Serving');
      // Traffic that makes the server log: success, timeout (504), too large (502), path
      // tricks (400), a method it refuses (405), and keys offered by the client.
      const calls: [string, string][] = [
        ['GET', `/v1/batch-runs?agentId=${AGENT_IDS.ok}`],
        ['GET', `/v1/batch-runs?agentId=${AGENT_IDS.slow}`],
        ['GET', `/v1/batch-runs?agentId=${AGENT_IDS.huge}`],
        ['GET', `/v1/batch-runs?agentId=${AGENT_IDS.serverError}`],
        ['GET', '/v1/batch-runs%2F..%2Fadmin'],
        ['POST', '/v1/batch-runs'],
        ['GET', '/'],
      ];
      const statuses: number[] = [];
      for (const [method, path] of calls) {
        const response = await request.fetch(`${base}${path}`, {
          method,
          headers: { 'X-API-Key': 'client-key', Authorization: 'Bearer client-key' },
          failOnStatusCode: false,
        });
        statuses.push(response.status());
        expect(await response.text()).not.toContain(CANARY_KEY);
      }
      expect(statuses).toEqual([200, 504, 502, 500, 400, 405, 200]);
    } finally {
      await stop();
    }

    console.log(`[key-safety] server output: ${Buffer.byteLength(output)} bytes searched`);
    // The output was really captured: the start line and the failure lines are there.
    expect(output).toContain('(key set)');
    expect(output).toMatch(/504 after 1000 ms/);
    expect(output).toMatch(/502, body over 1048576 bytes/);
    expect(output).not.toContain(CANARY_KEY);
  });
});
