/**
 * A real OpenID Connect provider for the sign-in tests (oauth2-mock-server): discovery, JWKS,
 * RS256-signed ID tokens, PKCE checked at the token endpoint, `nonce` carried into the token,
 * userinfo, and an end-session endpoint. Its `/authorize` signs in at once, as whoever
 * `signInAs` says.
 *
 * `emailIn: 'userinfo'` serves `email` and `email_verified` from the userinfo endpoint only,
 * as a spec-conforming provider may in the code flow (OIDC Core 5.4; oidc-provider's default
 * `conformIdTokenClaims: true`); `promptValues` is what discovery lists in
 * `prompt_values_supported` (nothing by default).
 */
import { OAuth2Server } from 'oauth2-mock-server';

export interface MockProviderOptions {
  emailIn?: 'id_token' | 'userinfo';
  promptValues?: string[];
}

export interface Identity {
  email: string | null;
  /** The `email_verified` claim as sent; undefined leaves it out. */
  verified?: unknown;
  /** More claims for the ID token (a large `groups` list, say). */
  extra?: Record<string, unknown>;
  /** A userinfo `sub` other than the ID token's, to prove it is checked. */
  userinfoSub?: string;
}

export interface MockProvider {
  issuer: string;
  /** The address (and whether it is verified) the next sign-ins carry. */
  signInAs: (
    email: string | null,
    verified?: unknown,
    more?: Omit<Identity, 'email' | 'verified'>,
  ) => void;
  /** The last ID token the token endpoint issued. */
  lastIdToken: () => string;
  /** The token endpoint refuses the next code with `invalid_grant`, as for a used code. */
  refuseNextCode: () => void;
  /** Sets the issuer discovery names (to test a mismatch); null puts it back. */
  claimIssuer: (issuer: string | null) => void;
  close: () => Promise<void>;
}

interface Payload {
  payload: Record<string, unknown>;
}

export async function startMockProvider(
  port = 0,
  options: MockProviderOptions = {},
): Promise<MockProvider> {
  const server = new OAuth2Server();
  await server.issuer.keys.generate('RS256');
  const inUserinfo = options.emailIn === 'userinfo';
  let identity: Identity = { email: 'lead@example.com', verified: true };
  let claimedIssuer: string | null = null;
  let refuseCode = false;
  let idToken = '';
  server.service.on(
    'beforeResponse',
    (response: { body: Record<string, unknown>; statusCode: number }) => {
      if (typeof response.body.id_token === 'string') idToken = response.body.id_token;
      if (!refuseCode) return;
      refuseCode = false;
      response.statusCode = 400;
      response.body = { error: 'invalid_grant', error_description: 'code already used' };
    },
  );
  const emailClaims = (target: Record<string, unknown>) => {
    if (identity.email !== null) target.email = identity.email;
    if (identity.verified !== undefined) target.email_verified = identity.verified;
  };
  server.service.on('beforeTokenSigning', (token: Payload) => {
    token.payload.name = 'QA Lead';
    if (!inUserinfo) emailClaims(token.payload);
    Object.assign(token.payload, identity.extra ?? {});
  });
  server.service.on('beforeUserinfo', (response: { body: Record<string, unknown> }) => {
    response.body = { sub: identity.userinfoSub ?? response.body.sub, name: 'QA Lead' };
    if (inUserinfo) emailClaims(response.body);
  });
  server.service.on(
    'beforeWellKnownOpenIdConfiguration',
    (response: { body: Record<string, unknown> }) => {
      if (options.promptValues) response.body.prompt_values_supported = options.promptValues;
      if (claimedIssuer) response.body.issuer = claimedIssuer;
    },
  );
  await server.start(port, '127.0.0.1');
  const address = server.address();
  const issuer = `http://127.0.0.1:${address.port}`;
  // Discovery compares the issuer exactly with the URL it was asked for.
  server.issuer.url = issuer;
  return {
    issuer,
    signInAs: (email, verified, more = {}) => {
      identity = { email, verified, ...more };
    },
    lastIdToken: () => idToken,
    refuseNextCode: () => {
      refuseCode = true;
    },
    claimIssuer: (value) => {
      claimedIssuer = value;
    },
    close: () => server.stop(),
  };
}
