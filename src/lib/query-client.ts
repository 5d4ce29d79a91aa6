import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
  }
}

/** Tries after the first: network errors, timeouts, 429 and 5xx only. */
export const MAX_RETRIES = 3;
/** No wait between tries is longer; a Retry-After beyond it ends the retries instead. */
export const MAX_DELAY_MS = 30_000;

export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.kind === 'network' || error.kind === 'timeout') return true;
  return (
    error.kind === 'http' &&
    error.status !== undefined &&
    (error.status === 429 || error.status >= 500)
  );
}

/** react-query's `retry`: a bounded number of tries, only for failures that may pass. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES || !isRetryable(error)) return false;
  // Asked to wait longer than we would: show the error now rather than retry too early.
  return !(error instanceof ApiError && (error.retryAfter ?? 0) * 1000 > MAX_DELAY_MS);
}

export function retryDelay(attempt: number, error: unknown): number {
  if (error instanceof ApiError && error.retryAfter !== undefined) {
    return Math.min(error.retryAfter * 1000, MAX_DELAY_MS); // honoured exactly, no jitter
  }
  const base = Math.min(1000 * 2 ** attempt, MAX_DELAY_MS);
  return base / 2 + Math.random() * (base / 2); // jitter so replicas of a failure don't retry in step
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 5 * 60_000,
        retry: shouldRetry,
        retryDelay,
        refetchOnWindowFocus: false,
      },
    },
  });
}
