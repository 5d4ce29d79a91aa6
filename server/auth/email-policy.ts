/**
 * Who may enter, from what the provider said: one well-formed address, verified (the
 * `email_verified` claim exactly `true`; absent only with ALLOW_UNVERIFIED_EMAIL=true, since
 * some providers let people type any address), and on the allow-list.
 */
import { parseEmailAddress, type AuthConfig } from '../config.ts';
import type { SignedIn } from './oidc.ts';

export type Admission =
  | { ok: true; email: string }
  | {
      ok: false;
      why: 'no-email' | 'malformed' | 'unverified' | 'not-allowed';
      email: string | null;
    };

export function isAllowedEmail(email: string, auth: AuthConfig): boolean {
  const parsed = parseEmailAddress(email);
  if (!parsed) return false;
  return (
    auth.allowedEmails.includes(`${parsed.local}@${parsed.domain}`) ||
    auth.allowedEmailDomains.includes(parsed.domain)
  );
}

export function isVerified(claim: unknown, auth: AuthConfig): boolean {
  return claim === true || (claim === undefined && auth.allowUnverifiedEmail);
}

export function admit(signedIn: SignedIn, auth: AuthConfig): Admission {
  const email = signedIn.email?.trim() ?? null;
  if (!email) return { ok: false, why: 'no-email', email: null };
  if (!parseEmailAddress(email)) return { ok: false, why: 'malformed', email };
  if (!isVerified(signedIn.emailVerified, auth)) return { ok: false, why: 'unverified', email };
  if (!isAllowedEmail(email, auth)) return { ok: false, why: 'not-allowed', email };
  return { ok: true, email };
}

/** The `email_verified` claim in words, for the log and the page. */
export function describeVerified(claim: unknown): string {
  if (claim === undefined) return 'does not say whether it verified';
  if (claim === false) return 'has not verified';
  return `sent email_verified as ${JSON.stringify(claim)}, not true, for`;
}
