/**
 * A filtered link of the 52,340-run agent on a replica that has never read it (a server of
 * this spec's own, so no other spec has warmed its mirror): the first response comes at the
 * render budget with the progress so far instead of waiting for the whole walk, the process
 * keeps answering while the walk goes on, and the browser carries the search to the end,
 * reading the headline from the same mirror (no /v1/batch-runs request of its own).
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { expect, test } from './fixtures';
import { COLD_SERVER_PORT } from './upstream/ports';

const REPO_ROOT = resolve(import.meta.dirname, '..');
const LARGE_AGENT = 'agent_X3mHc7YtPq0WfJs5n';
const LINK = `/?agentId=${LARGE_AGENT}&q=payment`;
const BASE = `http://127.0.0.1:${COLD_SERVER_PORT}`;

function searchedOf(html: string): [number, number] {
  const found = /Searched ([\d,]+) of ([\d,]+) batch runs/.exec(html);
  expect(found, 'the progress line').not.toBeNull();
  const read = (text: string) => Number(text.replaceAll(',', ''));
  return [read(found![1]!), read(found![2]!)];
}

test('a cold filtered link arrives with the progress so far, and the browser finishes it', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const server = spawn(process.execPath, [resolve(REPO_ROOT, 'dist-server/server/serve.js')], {
    cwd: REPO_ROOT,
    detached: true,
    env: {
      ...process.env,
      SANDBOX: '1',
      HOST: '127.0.0.1',
      PORT: String(COLD_SERVER_PORT),
      SSR_DATA_BUDGET_MS: '300',
      DIST_DIR: process.env.DIST_DIR ?? 'dist',
    },
  });
  let output = '';
  server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    await expect.poll(() => output, { timeout: 30_000 }).toContain('Serving');

    const first = await request.get(`${BASE}${LINK}`, { headers: { Accept: 'text/html' } });
    expect(first.status()).toBe(200);
    const [searched, of] = searchedOf(await first.text());
    expect(of).toBe(52_340);
    expect(searched).toBeLessThan(of);

    // The walk goes on without holding the process: health and the search answer meanwhile.
    expect((await request.get(`${BASE}/healthz`)).status()).toBe(200);
    const during = await request.get(
      `${BASE}/api/agents/${LARGE_AGENT}/batch-runs?q=payment&tz=UTC&wait=0`,
    );
    const answer = (await during.json()) as { coverage: { complete: boolean } };
    expect(answer.coverage.complete).toBe(false);

    // The browser continues the search the page started, asking SigmaMind's list nothing: the
    // headline's first page comes from the same mirror as the matches.
    const listed: string[] = [];
    page.on('request', (sent) => {
      if (new URL(sent.url()).pathname.startsWith('/v1/batch-runs')) listed.push(sent.url());
    });
    await page.goto(`${BASE}${LINK}`);
    await expect(page.getByRole('status').filter({ hasText: /^Searched / })).toContainText(
      'Searched 52,340 of 52,340 batch runs',
      { timeout: 150_000 },
    );
    await expect(page.getByRole('region', { name: 'Latest results' })).toBeVisible();
    expect(listed).toEqual([]);
  } finally {
    if (server.exitCode === null && server.pid !== undefined) {
      const exited = once(server, 'exit');
      process.kill(-server.pid, 'SIGTERM');
      await exited;
    }
  }
});
