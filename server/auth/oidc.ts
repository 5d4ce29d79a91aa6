/**
 * The identity provider, through openid-client: discovery, the authorization code flow with
 * PKCE (S256), `state` and `nonce`, and RP-initiated logout. Discovery runs on first use and is
 * kept; a failed discovery is tried again on the next sign-in instead of being remembered.
 */
import * as client from 'openid-client';
import type { AuthConfig } from '../config.ts';
import { isLoopbackUrl } from '../hosts.ts';

export interface SignInStart {
  url: URL;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface SignedIn {
  email: string | null;
  /** False only when the provider says so; undefined when it does not say. */
  emailVerified: boolean | undefined;
  name: string | null;
  idToken: string | null;
}

export interface OidcProvider {
  start: (options: { prompt?: string }) => Promise<SignInStart>;
  /** Verifies the callback (state, PKCE, nonce, ID token signature and claims); throws otherwise. */
  finish: (
    callbackUrl: URL,
    checks: { state: string; nonce: string; codeVerifier: string },
  ) => Promise<SignedIn>;
  /** Where to send the browser to end the provider's session too, when it offers that. */
  endSessionUrl: (idToken: string | null, afterUrl: string) => Promise<URL | null>;
}

export function redirectUriOf(auth: AuthConfig): string {
  return `${auth.publicUrl}/auth/callback`;
}

export function createOidcProvider(auth: AuthConfig): OidcProvider {
  let discovered: Promise<client.Configuration> | null = null;
  const configuration = () => {
    discovered ??= discover(auth).catch((error: unknown) => {
      discovered = null;
      throw error;
    });
    return discovered;
  };

  return {
    async start({ prompt }) {
      const config = await configuration();
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const parameters: Record<string, string> = {
        redirect_uri: redirectUriOf(auth),
        scope: 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      };
      if (prompt) parameters.prompt = prompt;
      return { url: client.buildAuthorizationUrl(config, parameters), state, nonce, codeVerifier };
    },
    async finish(callbackUrl, checks) {
      const config = await configuration();
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      return {
        email: typeof claims?.email === 'string' ? claims.email : null,
        emailVerified:
          typeof claims?.email_verified === 'boolean' ? claims.email_verified : undefined,
        name: typeof claims?.name === 'string' ? claims.name : null,
        idToken: tokens.id_token ?? null,
      };
    },
    async endSessionUrl(idToken, afterUrl) {
      const config = await configuration();
      if (!config.serverMetadata().end_session_endpoint) return null;
      const parameters: Record<string, string> = {
        post_logout_redirect_uri: afterUrl,
        client_id: auth.clientId,
      };
      if (idToken) parameters.id_token_hint = idToken;
      return client.buildEndSessionUrl(config, parameters);
    },
  };
}

function discover(auth: AuthConfig): Promise<client.Configuration> {
  const issuer = new URL(auth.issuer);
  // Plain http is for a provider the tests start on loopback; config.ts refuses it elsewhere.
  const options =
    issuer.protocol === 'http:' && isLoopbackUrl(issuer)
      ? { execute: [client.allowInsecureRequests] }
      : undefined;
  return client.discovery(issuer, auth.clientId, auth.clientSecret, undefined, options);
}
