import { describe, expect, it } from 'vitest';
import { createLimit } from './concurrency-limit';

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createLimit', () => {
  it('runs at most `max` tasks at once and starts the next when one settles', async () => {
    const limit = createLimit(2);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const results = gates.map((gate, index) =>
      limit(async () => {
        started.push(index);
        running += 1;
        peak = Math.max(peak, running);
        await gate.promise;
        running -= 1;
        return index;
      }),
    );
    await tick();
    expect(started).toEqual([0, 1]);
    gates[1]!.resolve();
    await tick();
    expect(started).toEqual([0, 1, 2]);
    gates[0]!.reject(new Error('boom'));
    gates[2]!.resolve();
    gates[3]!.resolve();
    await expect(results[0]).rejects.toThrow('boom');
    expect(await Promise.all(results.slice(1))).toEqual([1, 2, 3]);
    expect(peak).toBe(2);
  });

  it('drops a waiting task whose signal aborts, without running it', async () => {
    const limit = createLimit(1);
    const gate = deferred();
    const first = limit(() => gate.promise);
    const controller = new AbortController();
    let ran = false;
    const second = limit(() => {
      ran = true;
      return Promise.resolve();
    }, controller.signal);
    controller.abort(new Error('gone'));
    await expect(second).rejects.toThrow('gone');
    gate.resolve();
    await first;
    await tick();
    expect(ran).toBe(false);
    // The freed place goes to the next task.
    expect(await limit(() => Promise.resolve('next'))).toBe('next');
  });

  it('keeps its place free when a task throws synchronously', async () => {
    const limit = createLimit(1);
    await expect(
      limit(() => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    expect(await limit(() => Promise.resolve(1))).toBe(1);
  });
});
