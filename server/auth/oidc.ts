/**
 * The identity provider, through openid-client: discovery, the authorization code flow with
 * PKCE (S256), `state` and `nonce`, and RP-initiated logout. Discovery runs on first use and is
 * kept; a failed discovery is tried again on the next sign-in instead of being remembered.
 * Every call to the provider gives up after AUTH_OIDC_TIMEOUT_MS.
 *
 * Claims come from the ID token, or, when it carries no `email` (a provider may serve it from
 * userinfo only, OIDC Core 5.4), from the userinfo endpoint, its `sub` checked against the
 * ID token's.
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
  /** The `email_verified` claim as sent (boolean `true` is the only "verified"). */
  emailVerified: unknown;
  /** Where the address came from: the ID token, the userinfo endpoint, or neither. */
  emailSource: 'id_token' | 'userinfo' | null;
  name: string | null;
  idToken: string | null;
}

export interface OidcProvider {
  /** `switchAccount`: ask the provider to let the person choose (or enter) another account. */
  start: (options: { switchAccount?: boolean }) => Promise<SignInStart>;
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
    async start({ switchAccount }) {
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
      if (switchAccount) parameters.prompt = switchPrompt(config);
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
      const claims: Record<string, unknown> = tokens.claims() ?? {};
      let from: SignedIn['emailSource'] = typeof claims.email === 'string' ? 'id_token' : null;
      let source = claims;
      const sub = typeof claims.sub === 'string' ? claims.sub : null;
      if (!from && sub && tokens.access_token && config.serverMetadata().userinfo_endpoint) {
        source = await client.fetchUserInfo(config, tokens.access_token, sub);
        if (typeof source.email === 'string') from = 'userinfo';
      }
      const name = source.name ?? claims.name;
      return {
        email: from && typeof source.email === 'string' ? source.email : null,
        emailVerified: from ? source.email_verified : undefined,
        emailSource: from,
        name: typeof name === 'string' ? name : null,
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

/** `select_account` where the provider offers it (discovery says so), else `login`. */
export function switchPrompt(config: client.Configuration): string {
  const supported = config.serverMetadata().prompt_values_supported;
  return Array.isArray(supported) && supported.includes('select_account')
    ? 'select_account'
    : 'login';
}

function discover(auth: AuthConfig): Promise<client.Configuration> {
  const issuer = new URL(auth.issuer);
  // Plain http is for a provider the tests start on loopback; config.ts refuses it elsewhere.
  const insecure = issuer.protocol === 'http:' && isLoopbackUrl(issuer);
  // openid-client counts in seconds, and gives the same timeout to every later call.
  const options = {
    timeout: auth.oidcTimeoutMs / 1000,
    ...(insecure ? { execute: [client.allowInsecureRequests] } : {}),
  };
  return client.discovery(issuer, auth.clientId, auth.clientSecret, undefined, options);
}
