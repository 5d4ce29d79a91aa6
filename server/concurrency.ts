/**
 * A bound on work one process does at once (server renders, searches): `limit` slots; a request
 * beyond them waits at most `maxWaitMs` (and only while fewer than `maxQueue` wait), else it is
 * refused at once, so the caller answers cheaply (the plain page, a 503) instead of piling up
 * work nobody waits for. A slot is released exactly once, whether the work ends, throws or
 * is abandoned; a waiter whose request is aborted leaves the queue.
 *
 * A freed slot passes to the next waiter on a later turn of the event loop (setImmediate), not
 * in the same breath: synchronous work (a search over 50,000 batches) then never runs back to
 * back with the next one while sockets wait to be read and written.
 */

/**
 * Resolves on the event loop's next turn, after pending I/O. Synchronous work holds its slot
 * until then, so what arrives meanwhile queues for the slot instead of all of it running in
 * one go.
 */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Gives the slot back; calling it again does nothing. */
export type Release = () => void;

export interface LimiterOptions {
  /** Slots; 0 refuses everything. */
  limit: number;
  /** How long a request may wait for a slot; 0: a slot now or none. */
  maxWaitMs: number;
  /** At most this many wait at once; more are refused without waiting (default 64). */
  maxQueue?: number;
}

interface Waiter {
  grant: (release: Release | null) => void;
  /** performance.now() past which it no longer wants a slot (its timer may fire late). */
  until: number;
  timer: ReturnType<typeof setTimeout>;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

export class Limiter {
  readonly limit: number;
  readonly maxWaitMs: number;
  readonly maxQueue: number;
  #active = 0;
  #queue: Waiter[] = [];

  constructor({ limit, maxWaitMs, maxQueue = 64 }: LimiterOptions) {
    if (!Number.isInteger(limit) || limit < 0) throw new Error('limit must be an integer ≥ 0');
    this.limit = limit;
    this.maxWaitMs = Math.max(0, maxWaitMs);
    this.maxQueue = Math.max(0, maxQueue);
  }

  /** Slots taken now (including one being handed to a waiter). */
  get active(): number {
    return this.#active;
  }

  /** Requests waiting for a slot. */
  get waiting(): number {
    return this.#queue.length;
  }

  /** A slot (its release), or null when none came free in time or `signal` aborted first. */
  acquire(signal?: AbortSignal): Promise<Release | null> {
    if (signal?.aborted) return Promise.resolve(null);
    if (this.#active < this.limit && this.#queue.length === 0) {
      return Promise.resolve(this.#take());
    }
    if (this.limit === 0 || this.maxWaitMs === 0 || this.#queue.length >= this.maxQueue) {
      return Promise.resolve(null);
    }
    return new Promise((resolve) => {
      const waiter: Waiter = {
        grant: resolve,
        until: performance.now() + this.maxWaitMs,
        signal,
        onAbort: () => this.#leave(waiter, null),
        timer: setTimeout(() => this.#leave(waiter, null), this.maxWaitMs),
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.#queue.push(waiter);
    });
  }

  /** Runs `task` in a slot: `{ ran: false }` when refused, else its value (the slot freed after). */
  async run<T>(
    task: () => T | Promise<T>,
    signal?: AbortSignal,
  ): Promise<{ ran: true; value: T } | { ran: false }> {
    const release = await this.acquire(signal);
    if (!release) return { ran: false };
    try {
      return { ran: true, value: await task() };
    } finally {
      release();
    }
  }

  #take(): Release {
    this.#active += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#active -= 1;
      if (this.#queue.length > 0) setImmediate(() => this.#handOn());
    };
  }

  /**
   * A slot is free: the longest waiter gets it. One whose wait is over is refused even if its
   * timer has not fired yet: synchronous work delays timers, and a slot granted after the wait
   * would let requests queue far beyond it.
   */
  #handOn(): void {
    while (this.#active < this.limit) {
      const waiter = this.#queue[0];
      if (!waiter) return;
      this.#leave(waiter, performance.now() > waiter.until ? null : this.#take());
    }
  }

  #leave(waiter: Waiter, release: Release | null): void {
    const index = this.#queue.indexOf(waiter);
    if (index === -1) {
      release?.(); // already answered (timed out or aborted): the slot goes back
      return;
    }
    this.#queue.splice(index, 1);
    clearTimeout(waiter.timer);
    waiter.signal?.removeEventListener('abort', waiter.onAbort);
    waiter.grant(release);
  }
}
