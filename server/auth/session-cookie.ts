/**
 * What the session cookie holds: only what the session needs (who, and the ID token for
 * `id_token_hint` at sign-out while it is small). A provider's large ID token (2.3 kB and
 * more, with groups or roles) is left out rather than pushing the cookie past what a browser
 * keeps (4096 bytes), which would end in a sign-in loop; sign-out then asks the provider with
 * `client_id` alone.
 */
import type { CookieSealer } from './sealed-cookie.ts';

export interface Session {
  email: string;
  name?: string;
  /** For `id_token_hint` at sign-out, so the provider ends its session without asking. */
  idToken?: string;
  [claim: string]: unknown;
}

/** The session cookie's value stays under this many bytes, leaving room for the others. */
export const MAX_SESSION_COOKIE_BYTES = 2800;

export async function sessionCookieValue(
  sessions: CookieSealer<Session>,
  session: Session,
  idToken: string | null,
  seconds: number,
): Promise<string> {
  if (idToken) {
    const withToken = await sessions.seal({ ...session, idToken }, seconds);
    if (withToken.length <= MAX_SESSION_COOKIE_BYTES) return withToken;
  }
  return sessions.seal(session, seconds);
}
