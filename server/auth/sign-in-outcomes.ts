/** The sign-in metric's outcome word (server/metrics.ts) for each way a callback can end. */
import type { SignInOutcome } from '../metrics.ts';
import type { Admission } from './email-policy.ts';
import type { ProviderFailureKind } from './provider-errors.ts';

export const OUTCOME_OF_PROVIDER_FAILURE: Record<ProviderFailureKind, SignInOutcome> = {
  unreachable: 'provider_unreachable',
  timeout: 'provider_timeout',
  'issuer-mismatch': 'issuer_mismatch',
  refused: 'code_refused',
  invalid: 'failed',
};

export const OUTCOME_OF_REFUSAL: Record<Extract<Admission, { ok: false }>['why'], SignInOutcome> = {
  'no-email': 'no_email',
  malformed: 'refused',
  unverified: 'unverified_email',
  'not-allowed': 'refused',
};
