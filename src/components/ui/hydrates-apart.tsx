import { Suspense, type ReactNode } from 'react';

/**
 * A part of a server-rendered page that hydrates on its own, after the rest. React hydrates a
 * server-rendered Suspense boundary in a later pass of its own (the rest of the page is
 * interactive first, and a click inside the part hydrates it first), so a page's hydration
 * commits in several shorter tasks instead of one long one. Nothing inside may suspend; in a
 * page rendered in the browser the boundary changes nothing.
 */
export function HydratesApart({ children }: { children: ReactNode }) {
  return <Suspense fallback={null}>{children}</Suspense>;
}
