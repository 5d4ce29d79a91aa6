import { stat } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Limiter, type Release } from './concurrency.ts';

/** A task that ends when told to. */
function held<T = void>() {
  let finish!: (value: T) => void;
  let fail!: (error: Error) => void;
  const done = new Promise<T>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return { task: () => done, finish, fail };
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

afterEach(() => {
  vi.useRealTimers();
});

describe('Limiter', () => {
  it('runs N at once and refuses the N+1th at once when it may not wait', async () => {
    const limiter = new Limiter({ limit: 2, maxWaitMs: 0 });
    const a = held<string>();
    const b = held<string>();
    const first = limiter.run(a.task);
    const second = limiter.run(b.task);
    expect(limiter.active).toBe(2);
    await expect(limiter.run(() => 'third')).resolves.toEqual({ ran: false });
    a.finish('a');
    await expect(first).resolves.toEqual({ ran: true, value: 'a' });
    expect(limiter.active).toBe(1);
    await expect(limiter.run(() => 'fourth')).resolves.toEqual({ ran: true, value: 'fourth' });
    b.finish('b');
    await second;
    expect(limiter.active).toBe(0);
  });

  it('gives a freed slot to a waiter, longest waiting first', async () => {
    const limiter = new Limiter({ limit: 1, maxWaitMs: 60_000 });
    const a = held();
    void limiter.run(a.task);
    const order: string[] = [];
    const second = limiter.run(() => order.push('second'));
    const third = limiter.run(() => order.push('third'));
    expect(limiter.waiting).toBe(2);
    a.finish();
    await Promise.all([second, third]);
    expect(order).toEqual(['second', 'third']);
    expect(limiter.active).toBe(0);
  });

  it('refuses a waiter whose wait ran out, and the slot stays usable', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const limiter = new Limiter({ limit: 1, maxWaitMs: 1000 });
    const a = held();
    void limiter.run(a.task);
    const late = limiter.acquire();
    vi.advanceTimersByTime(999);
    expect(limiter.waiting).toBe(1);
    vi.advanceTimersByTime(1);
    await expect(late).resolves.toBeNull();
    expect(limiter.waiting).toBe(0);
    a.finish();
    await tick();
    expect(limiter.active).toBe(0);
  });

  it('refuses without waiting once maxQueue wait', async () => {
    const limiter = new Limiter({ limit: 1, maxWaitMs: 60_000, maxQueue: 1 });
    const release = (await limiter.acquire())!;
    const waiting = limiter.acquire();
    await expect(limiter.acquire()).resolves.toBeNull();
    release();
    const next = (await waiting)!;
    expect(limiter.active).toBe(1);
    next();
  });

  it('releases the slot when the task throws', async () => {
    const limiter = new Limiter({ limit: 1, maxWaitMs: 0 });
    const a = held();
    const run = limiter.run(a.task);
    a.fail(new Error('render failed'));
    await expect(run).rejects.toThrow('render failed');
    expect(limiter.active).toBe(0);
    await expect(limiter.run(() => 1)).resolves.toEqual({ ran: true, value: 1 });
  });

  it('a waiter whose request is aborted leaves the queue and takes no slot', async () => {
    const limiter = new Limiter({ limit: 1, maxWaitMs: 60_000 });
    const release = (await limiter.acquire())!;
    const controller = new AbortController();
    const aborted = limiter.acquire(controller.signal);
    const after = limiter.acquire();
    controller.abort();
    await expect(aborted).resolves.toBeNull();
    expect(limiter.waiting).toBe(1);
    release();
    const next = (await after)!;
    expect(limiter.active).toBe(1);
    next();
    expect(limiter.active).toBe(0);
  });

  it('an already aborted request gets no slot', async () => {
    const limiter = new Limiter({ limit: 1, maxWaitMs: 0 });
    await expect(limiter.acquire(AbortSignal.abort())).resolves.toBeNull();
    expect(limiter.active).toBe(0);
  });

  it('releasing twice frees one slot only', async () => {
    const limiter = new Limiter({ limit: 2, maxWaitMs: 0 });
    const one: Release = (await limiter.acquire())!;
    const two = (await limiter.acquire())!;
    one();
    one();
    expect(limiter.active).toBe(1);
    await expect(limiter.acquire()).resolves.not.toBeNull();
    await expect(limiter.acquire()).resolves.toBeNull();
    two();
  });

  it('limit 0 refuses everything', async () => {
    const limiter = new Limiter({ limit: 0, maxWaitMs: 1000 });
    await expect(limiter.run(() => 'never')).resolves.toEqual({ ran: false });
    expect(limiter.waiting).toBe(0);
  });
});

describe('Limiter under synchronous work', () => {
  it('refuses a waiter whose wait passed while the event loop was busy, though its timer has not fired', async () => {
    const limiter = new Limiter({ limit: 1, maxWaitMs: 20 });
    const release = (await limiter.acquire())!;
    const late = limiter.acquire();
    // In an I/O callback (as a request's work is), synchronous work past the wait, then the
    // slot frees: the hand-on runs before the loop gets back to the waiter's timer.
    await new Promise<void>((done) =>
      stat(import.meta.filename, () => {
        const busyUntil = performance.now() + 60;
        while (performance.now() < busyUntil) {
          // busy
        }
        release();
        done();
      }),
    );
    await expect(late).resolves.toBeNull();
    expect(limiter.active).toBe(0);
    expect(limiter.waiting).toBe(0);
  });
});
