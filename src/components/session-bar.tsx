import { useQuery } from '@tanstack/react-query';
import { sessionQuery } from '../lib/session';
import { useSignInNeeded } from '../lib/use-sign-in-needed';
import { Button } from './ui/button';

/**
 * The header's account corner: a "Sandbox data" badge whenever the sandbox answers (so
 * made-up data is never taken for real), and who is signed in with Sign out when sign-in is on.
 * Sign out is a form post: the server checks it came from this origin. Once the server says
 * the session has ended, the old address is no longer shown.
 */
export function SessionBar() {
  const { data } = useQuery(sessionQuery);
  const signedOut = useSignInNeeded() !== null;
  if (!data) return null;
  return (
    <div className="flex items-center gap-3 text-sm">
      {data.sandbox && (
        <span
          className="rounded-full border border-amber-400 bg-amber-50 px-2.5 py-0.5 font-medium text-amber-900 dark:border-amber-500/60 dark:bg-amber-950 dark:text-amber-100"
          title="Made-up, deterministic data from the built-in sandbox, not a real workspace"
        >
          Sandbox data
        </span>
      )}
      {data.user && !signedOut && (
        <form method="post" action="/auth/logout" className="flex items-center gap-2">
          <span
            className="max-w-48 truncate text-slate-700 dark:text-slate-300"
            title={data.user.email}
          >
            <span className="sr-only">Signed in as </span>
            {data.user.email}
          </span>
          <Button type="submit" variant="plain">
            Sign out
          </Button>
        </form>
      )}
    </div>
  );
}
