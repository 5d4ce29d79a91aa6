/**
 * The words for each way a sign-in can fail: one log line for the operator and one page for
 * the person, different for each cause. Every page's "Try again" starts a sign-in back to the
 * link that was opened.
 */
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { code } from './pages.ts';
import type { ProviderFailure } from './provider-errors.ts';
import type { Unopened } from './sealed-cookie.ts';

type Paragraph = string | HtmlEscapedString | Promise<HtmlEscapedString>;

export interface Failure {
  status: ContentfulStatusCode;
  title: string;
  paragraphs: Paragraph[];
  log: string;
}

export function providerFailure(
  failure: ProviderFailure,
  step: 'start' | 'finish',
  timeoutMs: number,
): Failure {
  const during = step === 'start' ? 'starting a sign-in' : 'completing a sign-in';
  switch (failure.kind) {
    case 'unreachable':
      return {
        status: 502,
        title: 'Sign-in is unavailable',
        paragraphs: [
          'The identity provider could not be reached, so nobody can sign in right now.',
          'Try again in a minute; if it persists, the server’s operator should check that AUTH_OIDC_ISSUER is reachable from the server.',
        ],
        log: `Sign-in: the provider could not be reached while ${during} (${failure.detail})`,
      };
    case 'timeout':
      return {
        status: 504,
        title: 'Sign-in is unavailable',
        paragraphs: [
          `The identity provider did not answer within ${timeoutMs / 1000} seconds, so the sign-in was stopped.`,
          'Try again in a minute; if it persists, the provider is overloaded or down.',
        ],
        log: `Sign-in: the provider did not answer within AUTH_OIDC_TIMEOUT_MS=${timeoutMs} while ${during} (${failure.detail})`,
      };
    case 'issuer-mismatch':
      return {
        status: 502,
        title: 'Sign-in is misconfigured',
        paragraphs: [
          'The identity provider names itself differently from the issuer this dashboard is set up for, so its answers cannot be trusted and nobody can sign in.',
          html`The server’s operator should set AUTH_OIDC_ISSUER to exactly the provider’s issuer;
          the server log names both. ${failure.detail}.`,
        ],
        log: `Sign-in: issuer mismatch while ${during}: ${failure.detail}`,
      };
    case 'refused':
      return {
        status: 400,
        title: 'Sign-in did not complete',
        paragraphs: [
          'The identity provider refused to complete this sign-in: its one-time code was already used, had expired, or was not issued to this dashboard.',
          'Try again; a new sign-in gets a new code.',
        ],
        log: `Sign-in: the provider refused the code (${failure.detail})`,
      };
    case 'invalid':
      return {
        status: 400,
        title: 'Sign-in did not complete',
        paragraphs: [
          'The identity provider’s answer could not be verified, so it was not accepted.',
        ],
        log: `Sign-in: the provider's answer did not verify (${failure.detail})`,
      };
  }
}

/** A callback whose sign-in cookie did not open. */
export function flowFailure(why: Unopened): Failure {
  const title = 'Sign-in did not complete';
  switch (why) {
    case 'other-secret':
      return {
        status: 400,
        title,
        paragraphs: [
          'This sign-in was started under a session secret this server no longer holds (the secret was changed while you signed in), so it was not accepted. Try again.',
        ],
        log: 'Sign-in: the callback’s sign-in cookie is sealed with a secret not in SESSION_SECRET (rotated without keeping the old one?)',
      };
    case 'expired':
      return {
        status: 400,
        title,
        paragraphs: ['This sign-in took longer than 10 minutes, so it expired. Try again.'],
        log: 'Sign-in: the callback’s sign-in cookie has expired (over 10 minutes)',
      };
    case 'damaged':
    case 'missing':
      return {
        status: 400,
        title,
        paragraphs: [
          'This sign-in answer does not belong to a sign-in started in this browser in the last 10 minutes, so it was not accepted.',
        ],
        log: `Sign-in: a callback without a sign-in started in this browser (${why === 'missing' ? 'no sign-in cookie for its state: replayed, another browser, or forged' : 'its sign-in cookie is damaged'})`,
      };
  }
}

/** The provider answered the authorization request with an error, for a sign-in we started. */
export function providerAnswered(error: string, description: string | undefined): Failure {
  return {
    status: 400,
    title: 'Sign-in did not complete',
    paragraphs: [
      html`The identity provider answered
      ${code(error)}${description ? html`: ${description.slice(0, 500)}` : ''}.`,
    ],
    log: `Sign-in: the provider answered ${error.slice(0, 100)}`,
  };
}
