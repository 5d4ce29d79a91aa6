import { useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { ApiError } from '../lib/api-client';
import { signInHref } from '../lib/session';
import { buttonClass } from './ui/button';

/**
 * When the server says the session has ended (a /v1 answer of 401 from sign-in), one banner
 * says so with a Sign in link that returns to this view; what is on screen stays there.
 */
export function SessionEndedBanner() {
  const queryClient = useQueryClient();
  const cache = queryClient.getQueryCache();
  const hasEnded = () =>
    cache
      .getAll()
      .some((query) => query.state.error instanceof ApiError && query.state.error.sessionEnded);
  // The cache a page hydrates is the one the server rendered with: the same answer on both.
  const ended = useSyncExternalStore((onChange) => cache.subscribe(onChange), hasEnded, hasEnded);
  if (!ended) return null;
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-950 dark:border-amber-500/50 dark:bg-amber-950 dark:text-amber-50"
    >
      <p>
        <strong className="font-semibold">Your session has ended.</strong> Sign in again to keep
        reading; you will come back to this view.
      </p>
      <a href={signInHref()} className={buttonClass({ variant: 'primary' })}>
        Sign in
      </a>
    </div>
  );
}
