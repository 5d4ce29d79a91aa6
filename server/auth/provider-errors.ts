/**
 * Why a call to the identity provider failed, in words an operator can act on: the provider
 * could not be reached, did not answer in time, names another issuer than AUTH_OIDC_ISSUER,
 * refused the code, or answered something that did not verify. Each kind has its own log line
 * and its own words on the page.
 */
import * as client from 'openid-client';

export type ProviderFailureKind =
  'unreachable' | 'timeout' | 'issuer-mismatch' | 'refused' | 'invalid';

export interface ProviderFailure {
  kind: ProviderFailureKind;
  /** For the log: what happened, with the provider's words and no secrets. */
  detail: string;
}

function causeOf(error: unknown): unknown {
  return error instanceof Error ? error.cause : undefined;
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function issuerMismatch(error: unknown, configured: string): string | null {
  // openid-client puts the facts on the error's cause, oauth4webapi one level deeper.
  const inner = causeOf(error);
  const facts = 'attribute' in record(inner) ? record(inner) : record(causeOf(inner));
  const body = record(facts.body);
  if (facts.attribute === 'issuer' && typeof body.issuer === 'string') {
    return `the provider's discovery document names the issuer ${JSON.stringify(body.issuer)}, but AUTH_OIDC_ISSUER is ${JSON.stringify(configured)}; set AUTH_OIDC_ISSUER to exactly the provider's issuer`;
  }
  const claims = record(facts.claims);
  if (facts.claim === 'iss' && typeof claims.iss === 'string') {
    return `the ID token's issuer is ${JSON.stringify(claims.iss)}, but AUTH_OIDC_ISSUER is ${JSON.stringify(configured)}`;
  }
  return null;
}

function message(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const inner = causeOf(error);
  const because = inner instanceof Error ? ` (${inner.message})` : '';
  return `${error.name}: ${error.message}${because}`.slice(0, 300);
}

export function classifyProviderError(error: unknown, configuredIssuer: string): ProviderFailure {
  const code = record(error).code;
  if (
    code === 'OAUTH_TIMEOUT' ||
    (error instanceof DOMException && error.name === 'TimeoutError')
  ) {
    return { kind: 'timeout', detail: message(error) };
  }
  const mismatch = issuerMismatch(error, configuredIssuer);
  if (mismatch) return { kind: 'issuer-mismatch', detail: mismatch };
  // The provider answered with an OAuth error: the code was refused (used, expired, wrong client).
  if (
    error instanceof client.ResponseBodyError ||
    error instanceof client.AuthorizationResponseError
  ) {
    const described = error.error_description ? `: ${error.error_description}` : '';
    return {
      kind: 'refused',
      detail: `the provider answered ${error.error}${described}`.slice(0, 300),
    };
  }
  // undici's "fetch failed" (refused, reset, DNS) and HTTP errors from discovery.
  if (
    error instanceof TypeError ||
    code === 'OAUTH_RESPONSE_IS_NOT_CONFORM' ||
    code === 'OAUTH_RESPONSE_IS_NOT_JSON'
  ) {
    return { kind: 'unreachable', detail: message(error) };
  }
  return { kind: 'invalid', detail: message(error) };
}
