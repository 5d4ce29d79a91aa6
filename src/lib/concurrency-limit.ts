/**
 * A tiny concurrency limiter: at most `max` tasks run at once, the rest wait in order.
 * A task still waiting when its AbortSignal fires leaves the queue without ever starting,
 * so a card that scrolls away or unmounts does not hold a place.
 */
export type Limit = <T>(task: () => Promise<T>, signal?: AbortSignal) => Promise<T>;

function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

function abortReason(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  return reason instanceof Error ? reason : new DOMException('Aborted', 'AbortError');
}

export function createLimit(max: number): Limit {
  if (!Number.isInteger(max) || max < 1) throw new RangeError('max must be a positive integer');
  let running = 0;
  const waiting: (() => void)[] = [];

  function release() {
    running -= 1;
    const next = waiting.shift();
    if (next) next();
  }

  return function limit<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        signal?.removeEventListener('abort', onAbort);
        running += 1;
        let result: Promise<T>;
        try {
          result = task();
        } catch (error) {
          result = Promise.reject(toError(error));
        }
        result.then(resolve, reject).finally(release);
      };
      const onAbort = () => {
        const index = waiting.indexOf(start);
        if (index !== -1) waiting.splice(index, 1);
        reject(abortReason(signal));
      };

      if (signal?.aborted) {
        reject(abortReason(signal));
        return;
      }
      if (running < max) {
        start();
        return;
      }
      waiting.push(start);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  };
}
