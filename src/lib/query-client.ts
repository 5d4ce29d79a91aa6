import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-client';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
  }
}

/** Tries after the first: network errors, timeouts, 429 and 5xx only. */
export const MAX_RETRIES = 3;
const MAX_DELAY_MS = 30_000;

export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  if (error.kind === 'network' || error.kind === 'timeout') return true;
  return (
    error.kind === 'http' &&
    error.status !== undefined &&
    (error.status === 429 || error.status >= 500)
  );
}

export function retryDelay(attempt: number, error: unknown): number {
  if (error instanceof ApiError && error.retryAfter !== undefined) {
    return Math.min(error.retryAfter * 1000, MAX_DELAY_MS);
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
        retry: (failureCount, error) => failureCount < MAX_RETRIES && isRetryable(error),
        retryDelay,
        refetchOnWindowFocus: false,
      },
    },
  });
}
