/**
 * The /v1 forwarder: the only way the browser reaches the SigmaMind API (or the sandbox).
 * It lends the key to the dashboard's three reads only (routes.ts), adds it on the server,
 * forwards a small allow-list of headers, and passes back the status, the body and two safe
 * headers. Everything it refuses or fails on is answered in the API's documented error shape,
 * and every answer says `Cache-Control: no-store`.
 */
import type { ApiConfig } from '../config.ts';
import { metrics, type UpstreamErrorKind } from '../metrics.ts';
import { allowListedAgentsBody, UnreadableBodyError } from './agents-allow-list.ts';
import { BodyTooLargeError, readBounded, untilAborted } from './bounded-body.ts';
import { apiErrorResponse, type ForwarderErrorStatus } from './error-response.ts';
import { echoesKey } from './key-echo.ts';
import { displayPathOf, parseApiTarget, targetOf } from './request-target.ts';
import { matchRoute } from './routes.ts';
import { targetFor, type ForwardTarget } from './targets.ts';

/** What one forwarded call cost, for the access log. */
export interface UpstreamTiming {
  upstreamMs: number;
}

/**
 * `rawTarget` is the request-target as received on the socket, when there was one; `onUpstream`
 * hears how long the upstream took, when it was asked.
 */
export type ApiHandler = (
  request: Request,
  rawTarget?: string,
  onUpstream?: (timing: UpstreamTiming) => void,
) => Promise<Response>;

export interface ApiHandlerOptions {
  /** Defaults to the sandbox or the upstream, as the config says. */
  target?: ForwardTarget;
  /** One line per failure; never given the key. */
  log?: (line: string) => void;
}

/** Request headers worth passing on; cookies, Authorization and any X-API-Key are not among them. */
const FORWARDED_REQUEST_HEADERS = ['accept', 'accept-language', 'if-none-match'] as const;
const NULL_BODY_STATUSES = new Set([204, 205, 304]);
/** nginx's name for "the client went away": nobody reads it, the access log does. */
const CLIENT_CLOSED = 499;

class TimeoutError extends Error {
  constructor() {
    super('Upstream timed out');
    this.name = 'TimeoutError';
  }
}

export function createApiHandler(config: ApiConfig, options: ApiHandlerOptions = {}): ApiHandler {
  const target = options.target ?? targetFor(config);
  const log = options.log ?? ((line: string) => console.warn(line));
  // Per process: replicas each hold their own, so the bound scales with them and needs no store.
  let inFlight = 0;

  return async function handleApiRequest(request, rawTarget = targetOf(request), onUpstream) {
    const displayPath = displayPathOf(rawTarget);
    const fail = (
      status: ForwarderErrorStatus,
      message: string,
      headers?: Record<string, string>,
    ) => noStore(apiErrorResponse(status, message, displayPath, headers));

    if (request.method !== 'GET') {
      return fail(405, `${request.method} is not supported here; only GET is`, { Allow: 'GET' });
    }
    const parsed = parseApiTarget(rawTarget);
    if (!parsed.ok) return fail(400, parsed.reason);
    const route = matchRoute(parsed.path, parsed.search);
    if (!route) return fail(404, 'The dashboard does not read this API path');
    if (inFlight >= config.maxUpstreamConcurrency) {
      metrics.capRejections.inc();
      log(`API: GET ${parsed.path} -> 503, ${inFlight} upstream requests already open`);
      return fail(503, 'The dashboard server is busy; try again in a moment', {
        'Retry-After': '1',
      });
    }

    const headers = new Headers();
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = request.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    headers.set('X-API-Key', target.apiKey);

    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new TimeoutError()), config.upstreamTimeoutMs);
    // A client that hangs up cancels the upstream call it started.
    const signal = AbortSignal.any([deadline.signal, request.signal]);
    const started = performance.now();
    const failed = (kind: UpstreamErrorKind) =>
      metrics.upstreamErrors.inc({ route: route.route, kind });
    inFlight += 1;
    try {
      const upstreamRequest = new Request(`${target.baseUrl}${parsed.path}${route.search}`, {
        headers,
        signal,
        // Following a redirect would carry the key to wherever it points.
        redirect: 'manual',
      });
      const upstream = await untilAborted(target.send(upstreamRequest), signal);

      if (upstream.status < 200 || upstream.status > 599) {
        upstream.body?.cancel().catch(() => {});
        log(`API: GET ${parsed.path} -> 502, upstream answered status ${upstream.status}`);
        failed('bad_status');
        return fail(502, `The SigmaMind API answered with status ${upstream.status}`);
      }
      if (upstream.status >= 300 && upstream.status < 400 && upstream.status !== 304) {
        upstream.body?.cancel().catch(() => {});
        log(`API: GET ${parsed.path} -> 502, upstream answered a ${upstream.status} redirect`);
        failed('redirect');
        return fail(502, 'The SigmaMind API answered with a redirect, which is not followed');
      }
      const received = await readBounded(upstream, config.maxUpstreamBytes, signal);
      const body =
        route.route === 'agents' ? allowListedAgentsBody(received, upstream.status) : received;
      const response = passThrough(upstream, body);
      if (echoesKey(response.headers, body, target.apiKey)) {
        log(`API: GET ${parsed.path} -> 502, upstream response contained the API key; withheld`);
        failed('key_echo');
        return fail(502, 'The SigmaMind API response was withheld because it echoed credentials');
      }
      return noStore(response);
    } catch (error) {
      if (request.signal.aborted) {
        return new Response(null, { status: CLIENT_CLOSED });
      }
      if (error instanceof TimeoutError) {
        log(`API: GET ${parsed.path} -> 504 after ${config.upstreamTimeoutMs} ms`);
        failed('timeout');
        return fail(504, `The SigmaMind API did not answer within ${config.upstreamTimeoutMs} ms`);
      }
      if (error instanceof BodyTooLargeError) {
        log(`API: GET ${parsed.path} -> 502, body over ${config.maxUpstreamBytes} bytes`);
        failed('too_large');
        return fail(
          502,
          `The SigmaMind API response was too large (over ${config.maxUpstreamBytes} bytes)`,
        );
      }
      if (error instanceof UnreadableBodyError) {
        log(`API: GET ${parsed.path} -> 502, a 2xx agents body that is not a JSON page`);
        failed('unreadable');
        return fail(502, 'The SigmaMind API answered the agents list with something unreadable');
      }
      log(`API: GET ${parsed.path} -> 502, upstream unreachable (${describeNetworkError(error)})`);
      failed('unreachable');
      return fail(502, 'Could not reach the SigmaMind API');
    } finally {
      inFlight -= 1;
      clearTimeout(timer);
      const upstreamMs = performance.now() - started;
      metrics.upstreamDuration.observe({ route: route.route }, upstreamMs / 1000);
      onUpstream?.({ upstreamMs });
    }
  };
}

/** Status and body as the upstream sent them; of its headers only Content-Type and Retry-After. */
function passThrough(upstream: Response, body: Buffer<ArrayBuffer>): Response {
  const headers = new Headers({
    'Content-Type': safeContentType(upstream.headers.get('content-type')),
  });
  const retryAfter = upstream.headers.get('retry-after');
  if (retryAfter !== null) headers.set('Retry-After', retryAfter);
  const hasBody = !NULL_BODY_STATUSES.has(upstream.status);
  return new Response(hasBody ? body : null, { status: upstream.status, headers });
}

/**
 * JSON types pass through; anything else becomes text/plain, so an upstream page can never
 * be rendered as HTML on our origin if someone opens a /v1 URL directly.
 */
function safeContentType(contentType: string | null): string {
  if (contentType && /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType)) {
    return contentType;
  }
  return 'text/plain; charset=utf-8';
}

function noStore(response: Response): Response {
  response.headers.set('Cache-Control', 'no-store');
  return response;
}

function describeNetworkError(error: unknown): string {
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string') {
    return cause.code;
  }
  return error instanceof Error ? error.name : 'unknown error';
}
