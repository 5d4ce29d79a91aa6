/**
 * Who is signed in, and whether the data is the sandbox's: `GET /auth/session`, answered by
 * the dashboard's own server (server/auth/auth.ts) in every mode, never by the SigmaMind API.
 */
import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { apiGet } from './api-client';

const sessionSchema = z.object({
  sandbox: z.boolean(),
  signIn: z.boolean(),
  user: z.nullable(z.object({ email: z.string(), name: z.nullable(z.string()) })),
});

export type SessionInfo = z.infer<typeof sessionSchema>;

export const sessionQuery = queryOptions({
  queryKey: ['session'],
  queryFn: ({ signal }) => apiGet('/auth/session', sessionSchema, { signal }),
  staleTime: 5 * 60_000,
});

/** The sign-in link that comes back to exactly this view. */
export function signInHref(location: Pick<Location, 'pathname' | 'search'> = window.location) {
  const returnTo = `${location.pathname}${location.search}`;
  return `/auth/login?${new URLSearchParams({ returnTo }).toString()}`;
}
