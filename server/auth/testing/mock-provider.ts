/**
 * A real OpenID Connect provider for the sign-in tests (oauth2-mock-server): discovery, JWKS,
 * RS256-signed ID tokens, PKCE checked at the token endpoint, `nonce` carried into the token,
 * and an end-session endpoint. Its `/authorize` signs in at once, as whoever `email` says.
 */
import { OAuth2Server } from 'oauth2-mock-server';

export interface MockProvider {
  issuer: string;
  /** The address (and whether it is verified) the next ID tokens carry. */
  signInAs: (email: string | null, verified?: boolean) => void;
  close: () => Promise<void>;
}

export async function startMockProvider(port = 0): Promise<MockProvider> {
  const server = new OAuth2Server();
  await server.issuer.keys.generate('RS256');
  let identity: { email: string | null; verified: boolean | undefined } = {
    email: 'lead@example.com',
    verified: true,
  };
  server.service.on('beforeTokenSigning', (token: { payload: Record<string, unknown> }) => {
    if (identity.email !== null) token.payload.email = identity.email;
    if (identity.verified !== undefined) token.payload.email_verified = identity.verified;
    token.payload.name = 'QA Lead';
  });
  await server.start(port, '127.0.0.1');
  const address = server.address();
  const issuer = `http://127.0.0.1:${address.port}`;
  // Discovery compares the issuer exactly with the URL it was asked for.
  server.issuer.url = issuer;
  return {
    issuer,
    signInAs: (email, verified) => {
      identity = { email, verified };
    },
    close: () => server.stop(),
  };
}
