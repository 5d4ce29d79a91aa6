import { useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { ApiError } from './api-client';
import { sessionQuery } from './session';

export type SignInNeeded = 'ended' | 'never' | null;

/**
 * Whether the server has asked for a sign-in (a /v1 answer of 401 from sign-in): `ended` when
 * the session this browser had has ended (the server says so, or this page was showing who was
 * signed in), `never` when it never had one, null otherwise.
 */
export function useSignInNeeded(): SignInNeeded {
  const queryClient = useQueryClient();
  const cache = queryClient.getQueryCache();
  const read = (): SignInNeeded => {
    const wasSignedIn = Boolean(queryClient.getQueryData(sessionQuery.queryKey)?.user);
    let found: SignInNeeded = null;
    for (const query of cache.getAll()) {
      const { error } = query.state;
      if (!(error instanceof ApiError) || !error.sessionEnded) continue;
      if (error.hadSession || wasSignedIn) return 'ended';
      found = 'never';
    }
    return found;
  };
  // The cache a page hydrates is the one the server rendered with: the same answer on both.
  return useSyncExternalStore((onChange) => cache.subscribe(onChange), read, read);
}
