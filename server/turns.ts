/**
 * Requests start their work one per turn of the event loop, first come first served.
 *
 * Why: Node reads new connections between turns of its event loop, and a turn runs every
 * request that became readable during the last one. Under load, a turn holds a hundred requests'
 * work (hundreds of ms) and the few new connections it admits wait for the next one: `bench:load`
 * saw a connection opened at the start of a run wait 8–10 s for its first byte to be read while
 * the 200 connections already open were served in ~0.4 s, and a client that gave up and
 * reconnected waited again. Here each request parks at once (parsing it costs microseconds) and
 * one request is resumed per turn, so every turn also reads new connections, and a request on
 * a new connection queues behind those that arrived before it, not behind every turn to come.
 *
 * The line is also the server's measure of being behind: a page that found more than a few
 * requests already waiting is sent plain instead of rendered (server/ssr.ts).
 */

import { metrics } from './metrics.ts';

export interface Queued {
  /** Requests already waiting when it arrived. */
  ahead: number;
  /** How long it waited for its turn. */
  waitedMs: number;
}

export class Turns {
  readonly #waiting: (() => void)[] = [];
  #scheduled = false;
  readonly #queued = new WeakMap<Request, Queued>();

  /** Resolves on the request's turn; notes how many were waiting and how long it waited. */
  take(request: Request): Promise<void> {
    const queued: Queued = { ahead: this.#waiting.length, waitedMs: 0 };
    this.#queued.set(request, queued);
    const arrived = performance.now();
    return new Promise<void>((resolve) => {
      this.#waiting.push(() => {
        queued.waitedMs = performance.now() - arrived;
        metrics.turnWait.observe(queued.waitedMs / 1000);
        resolve();
      });
      if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(this.#next);
      }
    });
  }

  /** How the request queued; undefined when it never did (a probe, an in-process request). */
  queued(request: Request): Queued | undefined {
    return this.#queued.get(request);
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  // One per turn: the resumed request runs (up to its first real wait) in this turn's
  // microtasks; the next one is resumed in the next turn, after I/O has been polled.
  readonly #next = () => {
    const resume = this.#waiting.shift();
    if (this.#waiting.length > 0) setImmediate(this.#next);
    else this.#scheduled = false;
    resume?.();
  };
}

/** Liveness and readiness answer at once, whatever waits: a probe must not time out under load. */
const PROBE = /^[a-z]+:\/\/[^/]+\/(?:healthz|readyz)(?:[?#]|$)/i;

/** The app's fetch, each request taking its turn first (probes excepted). */
export function takingTurns<Env>(
  fetch: (request: Request, env: Env) => Response | Promise<Response>,
  turns: Turns,
): (request: Request, env: Env) => Promise<Response> {
  return async (request, env) => {
    if (!PROBE.test(request.url)) await turns.take(request);
    return fetch(request, env);
  };
}
