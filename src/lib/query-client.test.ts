import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-client';
import {
  MAX_DELAY_MS,
  MAX_RETRIES,
  createQueryClient,
  isRetryable,
  retryDelay,
  shouldRetry,
} from './query-client';

const path = '/v1/batch-runs';
const http = (status: number, retryAfter?: number) =>
  new ApiError('http', `HTTP ${status}`, { status, path, retryAfter });

describe('isRetryable: only failures that may pass on a second try', () => {
  it.each([429, 500, 502, 503, 504])('retries HTTP %i', (status) => {
    expect(isRetryable(http(status))).toBe(true);
  });

  it('retries network errors and timeouts', () => {
    expect(isRetryable(new ApiError('network', 'down', { path }))).toBe(true);
    expect(isRetryable(new ApiError('timeout', 'slow', { path }))).toBe(true);
  });

  it.each([400, 401, 403, 404, 405, 409, 410, 422])('never retries HTTP %i', (status) => {
    expect(isRetryable(http(status))).toBe(false);
  });

  it('never retries a wrong shape, an abort or an unknown error', () => {
    expect(isRetryable(new ApiError('schema', 'bad', { status: 200, path }))).toBe(false);
    expect(isRetryable(new DOMException('aborted', 'AbortError'))).toBe(false);
    expect(isRetryable(new Error('bug'))).toBe(false);
    expect(isRetryable('string')).toBe(false);
  });
});

describe('shouldRetry: bounded', () => {
  it(`stops after ${MAX_RETRIES} retries`, () => {
    const tries = [0, 1, 2, 3, 4].map((failures) => shouldRetry(failures, http(500)));
    expect(tries).toEqual([true, true, true, false, false]);
  });

  it('does not retry a 4xx even once', () => {
    expect(shouldRetry(0, http(404))).toBe(false);
  });

  it('gives up at once when Retry-After asks for longer than it would ever wait', () => {
    expect(shouldRetry(0, http(503, MAX_DELAY_MS / 1000))).toBe(true);
    expect(shouldRetry(0, http(503, MAX_DELAY_MS / 1000 + 1))).toBe(false);
  });

  it('is the policy the app’s query client uses', () => {
    expect(createQueryClient().getDefaultOptions().queries?.retry).toBe(shouldRetry);
  });
});

describe('retryDelay', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('waits exactly what Retry-After says', () => {
    expect(retryDelay(0, http(429, 1))).toBe(1_000);
    expect(retryDelay(2, http(503, 0))).toBe(0);
    expect(retryDelay(0, http(503, 4.5))).toBe(4_500);
  });

  it('never waits longer than the cap', () => {
    expect(retryDelay(0, http(503, 3_600))).toBe(MAX_DELAY_MS);
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    expect(retryDelay(20, http(500))).toBeLessThanOrEqual(MAX_DELAY_MS);
  });

  it('backs off exponentially with jitter between half and all of 1 s, 2 s, 4 s…', () => {
    const random = vi.spyOn(Math, 'random');
    random.mockReturnValue(0);
    expect([0, 1, 2, 3].map((n) => retryDelay(n, http(500)))).toEqual([500, 1_000, 2_000, 4_000]);
    random.mockReturnValue(0.5);
    expect([0, 1, 2].map((n) => retryDelay(n, http(500)))).toEqual([750, 1_500, 3_000]);
  });

  it('spreads retries (jitter) so clients do not retry in step', () => {
    const delays = new Set(Array.from({ length: 20 }, () => retryDelay(1, http(502))));
    expect(delays.size).toBeGreaterThan(1);
    for (const delay of delays) {
      expect(delay).toBeGreaterThanOrEqual(1_000);
      expect(delay).toBeLessThanOrEqual(2_000);
    }
  });
});

describe('the query client end to end (fake timers)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  /** A query function that fails with the given errors in turn, then answers 'ok'. */
  function failing(...errors: ApiError[]) {
    const calls: number[] = [];
    const queryFn = () => {
      calls.push(Date.now());
      const error = errors[calls.length - 1];
      return error ? Promise.reject(error) : Promise.resolve('ok');
    };
    return { calls, queryFn };
  }

  it('tries a 500 four times in all, backing off, then reports the error', async () => {
    const { calls, queryFn } = failing(http(500), http(500), http(500), http(500), http(500));
    const client = createQueryClient();
    const result = client.fetchQuery({ queryKey: ['x'], queryFn }).catch((error: unknown) => error);
    await vi.runAllTimersAsync();
    expect(await result).toMatchObject({ status: 500 });
    expect(calls).toHaveLength(1 + MAX_RETRIES);
    const gaps = calls.slice(1).map((at, i) => at - calls[i]!);
    expect(gaps).toEqual([500, 1_000, 2_000]);
  });

  it('honours Retry-After: 1 twice, then shows the data', async () => {
    const { calls, queryFn } = failing(http(503, 1), http(503, 1));
    const client = createQueryClient();
    const result = client.fetchQuery({ queryKey: ['x'], queryFn });
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toHaveLength(1); // not a moment early
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(result).resolves.toBe('ok');
    expect(calls).toHaveLength(3);
  });

  it('retries a 429 and a network error', async () => {
    const { calls, queryFn } = failing(
      http(429, 2),
      new ApiError('network', 'Could not reach the server.', { path }),
    );
    const result = createQueryClient().fetchQuery({ queryKey: ['x'], queryFn });
    await vi.runAllTimersAsync();
    await expect(result).resolves.toBe('ok');
    expect(calls).toHaveLength(3);
    expect(calls[1]! - calls[0]!).toBe(2_000);
  });

  it.each([400, 404])('asks exactly once on a %i', async (status) => {
    const { calls, queryFn } = failing(http(status), http(status));
    const result = createQueryClient()
      .fetchQuery({ queryKey: ['x'], queryFn })
      .catch((error: unknown) => error);
    await vi.runAllTimersAsync();
    expect(await result).toMatchObject({ status });
    expect(calls).toHaveLength(1);
  });
});
