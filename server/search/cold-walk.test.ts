/**
 * A cold mirror never holds the process: the walk of the 52,340-run sandbox agent (whose pages
 * the in-process sandbox makes synchronously) gives the event loop a turn between pages, so a
 * real HTTP client gets /healthz and other pages answered while it runs.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listen, type Listening } from '../api/testing/http.ts';
import { createServerApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { EXAMPLE_AGENT_ID, LARGE_AGENT_ID } from '../sandbox/catalog.ts';
import type { SearchAnswer } from './search.ts';

let server: Listening;

beforeAll(async () => {
  const config = loadConfig({ SANDBOX: '1', PORT: '0', LOG_LEVEL: 'silent' }, 'serve');
  server = await listen(createServerApp(config).fetch);
});
afterAll(() => server.close());

async function search(agentId: string, wait: number): Promise<SearchAnswer> {
  const response = await fetch(
    `${server.url}/api/agents/${agentId}/batch-runs?q=payment&tz=UTC&wait=${wait}`,
  );
  expect(response.status).toBe(200);
  return (await response.json()) as SearchAnswer;
}

it('answers /healthz and another agent’s search while a cold walk runs', async () => {
  const started = await search(LARGE_AGENT_ID, 0);
  expect(started.coverage.complete).toBe(false);

  const health = await fetch(`${server.url}/healthz`);
  expect(health.status).toBe(200);
  // Another agent's whole search (two pages of 100) fits between the big walk's pages.
  const other = await search(EXAMPLE_AGENT_ID, 10_000);
  expect(other.coverage).toEqual({ searched: 125, of: 125, complete: true });

  // …and the big walk was still under way when they were answered.
  const during = await search(LARGE_AGENT_ID, 0);
  expect(during.coverage.of).toBe(52_340);
  expect(during.coverage.complete).toBe(false);
  expect(during.coverage.searched).toBeGreaterThan(0);
  expect(during.coverage.searched).toBeLessThan(52_340);
});
