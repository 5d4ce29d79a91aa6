/**
 * What the search and the history routes share: reading their numbers, waiting up to `wait`
 * ms for the agent's mirror to be complete and fresh (then answering with what it has), the
 * 502 when nothing could be read, and the SEARCH_CONCURRENCY slots with their 503.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { Limiter, nextTurn } from '../concurrency.ts';
import { metrics } from '../metrics.ts';
import type { AgentMirror } from './agent-mirror.ts';
import type { Mirrors } from './mirrors.ts';

const DEFAULT_WAIT_MS = 2000;
const MAX_WAIT_MS = 10_000;
/** How long a search may wait for a free slot before it answers 503. */
export const SEARCH_WAIT_MS = 1000;

/** A whole number from a query value, clamped; the fallback when absent or not a number. */
export function integer(raw: string | undefined, fallback: number, min: number, max: number) {
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  return Number.isInteger(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

/** `page` (0-based) and `size` from the query, clamped: the paging both routes answer with. */
export function pagingFrom(c: Context<AppEnv>, defaultSize: number, maxSize: number) {
  return {
    page: integer(c.req.query('page'), 0, 0, 1_000_000),
    size: integer(c.req.query('size'), defaultSize, 1, maxSize),
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The agent's mirror once fresh (or, with `enough`, once that resolves) or after `wait` ms; a
 * 502 answer when it holds nothing.
 */
export async function mirrorFor(
  c: Context<AppEnv>,
  mirrors: Mirrors,
  log: (line: string) => void,
  enough?: (mirror: AgentMirror) => Promise<void> | undefined,
): Promise<AgentMirror | Response> {
  const agentId = c.req.param('agentId') ?? '';
  const waitMs = integer(c.req.query('wait'), DEFAULT_WAIT_MS, 0, MAX_WAIT_MS);
  const mirror = mirrors.for(agentId);
  const work = mirror.refresh().catch((error: unknown) => {
    log(`Search: agent ${agentId}: ${error instanceof Error ? error.message : String(error)}`);
  });
  await Promise.race([work, sleep(waitMs), enough?.(mirror) ?? work]);
  if (mirror.error && mirror.batches.length === 0) {
    c.header('Retry-After', '1');
    return c.json(
      { message: `Could not read the agent's batch runs: ${mirror.error.message}` },
      502,
    );
  }
  return mirror;
}

/** SEARCH_CONCURRENCY slots, each waited for at most SEARCH_WAIT_MS. */
export function searchSlots(concurrency: number): Limiter {
  return new Limiter({ limit: concurrency, maxWaitMs: SEARCH_WAIT_MS });
}

/**
 * Runs synchronous work over the mirror in one of the slots, held one more turn while others'
 * I/O runs; without a slot in time, 503 with `Retry-After: 1` (the browser asks again then).
 */
export async function inSlot<T>(
  c: Context<AppEnv>,
  slots: Limiter,
  work: () => T | Promise<T>,
): Promise<T | Response> {
  const done = await slots.run(async () => {
    const [value] = await Promise.all([work(), nextTurn()]);
    return value;
  }, c.req.raw.signal);
  if (done.ran) return done.value;
  if (!c.req.raw.signal.aborted) metrics.shed.inc({ work: 'search' });
  c.set('shed', 'search');
  c.header('Retry-After', '1');
  return c.json({ message: 'The server is busy searching: try again in a second.' }, 503);
}
