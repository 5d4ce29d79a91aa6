/**
 * One request of the load test, ended by a deadline that does not rely on fetch honouring its
 * signal. Node 20's fetch (undici) follows the caller's signal through a weak reference: after
 * a garbage collection under load the abort can fail to reach the request (nodejs/undici#4068,
 * nodejs/node#55428), and `AbortSignal.timeout()`'s own timer holds its signal weakly too.
 * A request the server never finished then waited forever and `npm run bench:load` never
 * ended. Here a strongly held timer settles every request at `timeoutMs`, aborts it, and
 * notes whether the abort actually reached fetch (`abandoned` when it did not).
 */

export type Outcome =
  /** `timing`: the Server-Timing header (a page sent unrendered says "busy"). */
  | { kind: 'ok'; status: number; timing: string | null }
  /** An answer that is not 2xx/304; `shed` when it is a 503 with Retry-After. */
  | { kind: 'failed'; status: number; shed: boolean }
  | { kind: 'error'; name: string }
  | { kind: 'timeout' };

/** How long after the abort a timed-out fetch must have settled, else it counts as abandoned. */
const SETTLE_AFTER_ABORT_MS = 2000;

export interface RequestStats {
  /** Timed-out fetches that had not settled SETTLE_AFTER_ABORT_MS after their abort. */
  abandoned: number;
}

export function timedRequest(
  url: string,
  headers: Record<string, string>,
  timeoutMs: number,
  stats: RequestStats,
): Promise<Outcome> {
  const controller = new AbortController();
  let settled = false;
  const request = (async (): Promise<Outcome> => {
    const response = await fetch(url, { headers, signal: controller.signal });
    await response.arrayBuffer();
    if (response.ok || response.status === 304) {
      return { kind: 'ok', status: response.status, timing: response.headers.get('Server-Timing') };
    }
    const shed = response.status === 503 && response.headers.has('Retry-After');
    return { kind: 'failed', status: response.status, shed };
  })().then(
    (outcome) => ((settled = true), outcome),
    (error: unknown): Outcome => ((settled = true), { kind: 'error', name: errorName(error) }),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      setTimeout(() => {
        if (!settled) stats.abandoned += 1;
      }, SETTLE_AFTER_ABORT_MS);
      resolve({ kind: 'timeout' });
    }, timeoutMs);
  });
  return Promise.race([request, deadline]).finally(() => clearTimeout(timer));
}

/** The error and, for fetch's TypeError, the socket's reason (ECONNRESET, UND_ERR_SOCKET…). */
function errorName(error: unknown): string {
  if (!(error instanceof Error)) return 'error';
  const cause = error.cause as { code?: unknown } | undefined;
  return typeof cause?.code === 'string' ? `${error.name} ${cause.code}` : error.name;
}
