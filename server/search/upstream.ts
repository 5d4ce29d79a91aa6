/**
 * How the mirror reads the API: through the dashboard's own /v1 forwarder (the workspace key,
 * or the in-process sandbox), so it shares the forwarder's concurrency cap, timeouts and body
 * limits. A 429 or 503 is waited out as its `Retry-After` says and asked again.
 */
import type { ApiHandler } from '../api/forward.ts';

/** GETs an API path and returns its JSON; `notFound` makes a 404 answer null instead of failing. */
export type UpstreamGet = (path: string, options?: { notFound?: boolean }) => Promise<unknown>;

export class UpstreamError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'UpstreamError';
  }
}

export interface UpstreamOptions {
  /** Tries per request when the API says to wait (429/503). */
  maxTries?: number;
  /** Longest wait honoured, in milliseconds. */
  maxWaitMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Seconds or an HTTP date, as Retry-After allows; 1 s when absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs = Date.now()): number {
  if (header === null) return 1000;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? 1000 : Math.max(0, date - nowMs);
}

export function upstreamGet(handler: ApiHandler, options: UpstreamOptions = {}): UpstreamGet {
  const { maxTries = 8, maxWaitMs = 30_000, sleep = sleepFor } = options;
  return async (path, { notFound = false } = {}) => {
    for (let attempt = 1; ; attempt += 1) {
      const response = await handler(new Request(`http://mirror.internal${path}`));
      if (response.ok) return (await response.json()) as unknown;
      await response.body?.cancel();
      if (notFound && response.status === 404) return null;
      if ((response.status === 429 || response.status === 503) && attempt < maxTries) {
        await sleep(Math.min(maxWaitMs, retryAfterMs(response.headers.get('retry-after'))));
        continue;
      }
      throw new UpstreamError(
        response.status,
        `GET ${path.split('?')[0]} answered ${response.status}`,
      );
    }
  };
}
