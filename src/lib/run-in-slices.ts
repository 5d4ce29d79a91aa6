/**
 * Runs a computation written as a generator (it yields between steps) without holding the
 * main thread: steps run back to back for about `sliceMs`, then the browser gets the thread
 * back (to paint, to answer a tap) before the next slice. On a phone's CPU a few hundred
 * milliseconds of arithmetic so become many short tasks instead of one long one.
 */
export interface SliceOptions {
  /** Stops the computation between two steps; the promise then rejects with the reason. */
  signal?: AbortSignal;
  /** How long one slice may run before yielding (React's scheduler uses 5 ms). */
  sliceMs?: number;
}

/** Yields to the event loop: `scheduler.yield()` where the browser has it, a macrotask otherwise. */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export async function runInSlices<T>(
  steps: Generator<unknown, T, undefined>,
  { signal, sliceMs = 5 }: SliceOptions = {},
): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    signal?.throwIfAborted();
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await yieldToBrowser();
      sliceStart = performance.now();
    }
  }
}

/** Runs the same generator to its end at once (tests, the server, benchmarks). */
export function runToEnd<T>(steps: Generator<unknown, T, undefined>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
