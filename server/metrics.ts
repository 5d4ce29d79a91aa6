/**
 * Prometheus metrics (prom-client), one registry per process. Labels are a small fixed set of
 * words (route names, outcomes, status codes): never a raw path, an address, an id or a key,
 * so the series stay few and `/metrics` carries nothing about anyone.
 *
 * Other server code records through `metrics`: `metrics.signIns.inc({ outcome: 'signed_in' })`.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'dashboard_' });

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Why an upstream call did not bring back the API's answer. */
export type UpstreamErrorKind =
  'timeout' | 'unreachable' | 'too_large' | 'bad_status' | 'redirect' | 'unreadable' | 'key_echo';

/** How a sign-in callback ended. Auth code may set a finer word with `c.set('signInOutcome')`. */
export type SignInOutcome =
  | 'signed_in'
  | 'refused'
  | 'failed'
  | 'provider_error'
  | 'provider_unreachable'
  | 'provider_timeout'
  | 'issuer_mismatch'
  | 'code_refused'
  | 'bad_state'
  | 'no_email'
  | 'unverified_email';

export const metrics = {
  requests: new Counter({
    name: 'dashboard_http_requests_total',
    help: 'Requests answered, by route name, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  }),
  requestDuration: new Histogram({
    name: 'dashboard_http_request_duration_seconds',
    help: 'Time to answer a request, by route name',
    labelNames: ['route'] as const,
    buckets: SECONDS,
    registers: [registry],
  }),
  upstreamDuration: new Histogram({
    name: 'dashboard_upstream_request_duration_seconds',
    help: 'Time the SigmaMind API (or the sandbox) took, by API route',
    labelNames: ['route'] as const,
    buckets: SECONDS,
    registers: [registry],
  }),
  upstreamErrors: new Counter({
    name: 'dashboard_upstream_errors_total',
    help: 'Upstream calls that failed, by API route and kind',
    labelNames: ['route', 'kind'] as const,
    registers: [registry],
  }),
  capRejections: new Counter({
    name: 'dashboard_upstream_cap_rejections_total',
    help: '/v1 requests answered 503 because MAX_UPSTREAM_CONCURRENCY calls were open',
    registers: [registry],
  }),
  signIns: new Counter({
    name: 'dashboard_sign_ins_total',
    help: 'Sign-in callbacks, by outcome',
    labelNames: ['outcome'] as const,
    registers: [registry],
  }),
  renderDuration: new Histogram({
    name: 'dashboard_ssr_render_duration_seconds',
    help: 'Server renders of the page, by outcome (complete, partial: sent without some data, failed)',
    labelNames: ['outcome'] as const,
    buckets: SECONDS,
    registers: [registry],
  }),
  shed: new Counter({
    name: 'dashboard_load_shed_total',
    help: 'Work turned away at its bound: renders sent as the plain page (SSR_CONCURRENCY), searches answered 503 (SEARCH_CONCURRENCY)',
    labelNames: ['work'] as const,
    registers: [registry],
  }),
  turnWait: new Histogram({
    name: 'dashboard_turn_wait_seconds',
    help: 'How long requests waited for their turn to start (server/turns.ts): how far behind the process is',
    buckets: SECONDS,
    registers: [registry],
  }),
  searchMirrorBytes: new Gauge({
    name: 'dashboard_search_mirror_bytes',
    help: 'Bytes the search mirror holds for all agents (estimated), kept under SEARCH_MIRROR_MB',
    registers: [registry],
  }),
  dependencyUp: new Gauge({
    name: 'dashboard_dependency_up',
    help: '1 when the last (cached) status check of a dependency succeeded (api, identity_provider)',
    labelNames: ['dependency'] as const,
    registers: [registry],
  }),
};

/**
 * A low-cardinality name for a request path: the probes, the sign-in routes, the three API
 * reads, the page, assets; anything else is `other`. Never the path itself (it may carry ids).
 */
export function routeName(path: string): string {
  if (['/healthz', '/readyz', '/statusz', '/metrics', '/'].includes(path)) return path;
  if (/^\/auth\/[a-z-]+$/.test(path)) {
    return [
      '/auth/login',
      '/auth/callback',
      '/auth/logout',
      '/auth/session',
      '/auth/signed-out',
    ].includes(path)
      ? path
      : '/auth/other';
  }
  if (path === '/v1/agents' || path === '/v1/batch-runs') return path;
  if (/^\/v1\/batch-runs\/[^/]+$/.test(path)) return '/v1/batch-runs/:batchId';
  if (path.startsWith('/v1/')) return '/v1/other';
  if (/^\/api\/agents\/[^/]+\/batch-runs$/.test(path)) return '/api/agents/:agentId/batch-runs';
  if (/^\/api\/agents\/[^/]+\/test-cases\/[^/]+\/runs$/.test(path)) {
    return '/api/agents/:agentId/test-cases/:testCaseId/runs';
  }
  if (path.startsWith('/api/')) return '/api/other';
  if (path.startsWith('/assets/')) return '/assets/*';
  return 'other';
}

/** What a sign-in callback's answer says, when the auth code named no finer outcome. */
export function signInOutcomeOf(status: number): SignInOutcome {
  if (status >= 300 && status < 400) return 'signed_in';
  if (status === 403) return 'refused';
  return 'failed';
}
