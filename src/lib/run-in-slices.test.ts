import { afterEach, describe, expect, it, vi } from 'vitest';
import { runInSlices, runToEnd } from './run-in-slices';

/** Counts to `n`, yielding after each step, and says how many steps ran. */
function* counting(n: number, ran: { steps: number }): Generator<void, number, undefined> {
  for (let i = 0; i < n; i++) {
    ran.steps += 1;
    yield;
  }
  return n * 2;
}

afterEach(() => vi.restoreAllMocks());

describe('runInSlices', () => {
  it('returns what the generator returns, the same as running it to its end', async () => {
    const ran = { steps: 0 };
    expect(await runInSlices(counting(50, ran))).toBe(100);
    expect(runToEnd(counting(50, { steps: 0 }))).toBe(100);
    expect(ran.steps).toBe(50);
  });

  it('gives the thread back between slices: other tasks run before it finishes', async () => {
    // A clock that moves 1 ms per reading: a 5 ms slice holds a few steps only.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 1));
    const ran = { steps: 0 };
    let stepsWhenOtherTaskRan = -1;
    setTimeout(() => (stepsWhenOtherTaskRan = ran.steps), 0);
    await runInSlices(counting(40, ran), { sliceMs: 5 });
    expect(stepsWhenOtherTaskRan).toBeGreaterThan(0);
    expect(stepsWhenOtherTaskRan).toBeLessThan(40);
  });

  it('stops between steps when aborted, rejecting with the reason', async () => {
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 1));
    const abort = new AbortController();
    const ran = { steps: 0 };
    const done = runInSlices(counting(1000, ran), { signal: abort.signal, sliceMs: 3 });
    abort.abort(new Error('replaced'));
    await expect(done).rejects.toThrow('replaced');
    expect(ran.steps).toBeLessThan(1000);
  });
});
