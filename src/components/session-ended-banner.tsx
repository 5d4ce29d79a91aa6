import { signInHref } from '../lib/session';
import { useSignInNeeded } from '../lib/use-sign-in-needed';
import { buttonClass } from './ui/button';

/**
 * When the server says the session has ended (a /v1 answer of 401 from sign-in), one banner
 * says so with a Sign in link that returns to this view; what is on screen stays there.
 * Someone who never had a session is asked to sign in, not told it ended.
 */
export function SessionEndedBanner() {
  const needed = useSignInNeeded();
  if (!needed) return null;
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-950 dark:border-amber-500/50 dark:bg-amber-950 dark:text-amber-50"
    >
      <p>
        {needed === 'ended' ? (
          <>
            <strong className="font-semibold">Your session has ended.</strong> Sign in again to keep
            reading; you will come back to this view.
          </>
        ) : (
          <>
            <strong className="font-semibold">Sign in to read this workspace.</strong> You will come
            back to this view.
          </>
        )}
      </p>
      <a href={signInHref()} className={buttonClass({ variant: 'primary' })}>
        Sign in
      </a>
    </div>
  );
}
