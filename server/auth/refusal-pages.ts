/**
 * The words for a sign-in that verified but is not admitted: no address from the provider
 * (and what to configure), one that is not an address, one not verified, one not allowed.
 */
import { html } from 'hono/html';
import type { AuthConfig } from '../config.ts';
import type { Admission } from './email-policy.ts';
import type { SignedIn } from './oidc.ts';
import { code } from './pages.ts';

type Refused = Extract<Admission, { ok: false }>;

export function refusalPage(admission: Refused, signedIn: SignedIn, auth: AuthConfig) {
  const email = admission.email ?? '';
  switch (admission.why) {
    case 'no-email':
      return {
        title: 'Access refused',
        paragraphs: [
          'Your identity provider sent no email claim for this account, neither in the ID token nor from its userinfo endpoint, so this dashboard cannot tell who you are.',
          html`The provider’s administrator should release the ${code('email')} claim (scope
          ${code('email')}) to the client ${code(auth.clientId)}.`,
        ],
        log: `Sign-in refused: the provider sent no email claim (neither the ID token nor userinfo has "email"); configure the provider to release the "email" claim with the "email" scope to client ${auth.clientId}`,
      };
    case 'malformed':
      return {
        title: 'Access refused',
        paragraphs: [
          html`Your identity provider sent ${code(email)}, which is not a single email address, so
          it cannot be used to sign in here.`,
        ],
        log: `Sign-in refused: the provider's email claim is not one address: ${JSON.stringify(email.slice(0, 200))}`,
      };
    case 'unverified': {
      const claim = signedIn.emailVerified;
      const said =
        claim === undefined
          ? 'does not say whether it has verified'
          : claim === false
            ? 'has not verified'
            : `did not confirm (email_verified is ${JSON.stringify(claim)}, not true) that it verified`;
      return {
        title: 'Access refused',
        paragraphs: [
          html`Your identity provider ${said} ${code(email)}, so it cannot be used to sign in here.`,
          ...(claim === undefined
            ? [
                'If this provider only holds addresses its organisation issues, the server’s operator may set ALLOW_UNVERIFIED_EMAIL=true.',
              ]
            : []),
        ],
        log: `Sign-in refused for ${email}: email_verified is ${claim === undefined ? 'absent (set ALLOW_UNVERIFIED_EMAIL=true to admit it)' : JSON.stringify(claim)}`,
      };
    }
    case 'not-allowed':
      return { title: 'Access refused', paragraphs: [], log: `Sign-in refused for ${email}` };
  }
}
