/**
 * The /v1 forwarder: the only way the browser reaches the SigmaMind API (or the sandbox).
 * It adds the key on the server, forwards a small allow-list of headers, and passes back the
 * status, the body and two safe headers. Everything it refuses or fails on is answered in the
 * API's documented error shape, and every answer says `Cache-Control: no-store`.
 */
import type { ApiConfig } from '../config.ts';
import { BodyTooLargeError, readBounded, untilAborted } from './bounded-body.ts';
import { apiErrorResponse, type ForwarderErrorStatus } from './error-response.ts';
import { isAgentsPath, redactJsonBody } from './redact-secrets.ts';
import { displayPathOf, parseApiTarget, targetOf } from './request-target.ts';
import { targetFor, type ForwardTarget } from './targets.ts';

/** `rawTarget` is the request-target as received on the socket, when there was one. */
export type ApiHandler = (request: Request, rawTarget?: string) => Promise<Response>;

export interface ApiHandlerOptions {
  /** Defaults to the sandbox or the upstream, as the config says. */
  target?: ForwardTarget;
  /** One line per failure; never given the key. */
  log?: (line: string) => void;
}

/** Request headers worth passing on; cookies, Authorization and any X-API-Key are not among them. */
const FORWARDED_REQUEST_HEADERS = ['accept', 'accept-language', 'if-none-match'] as const;
const NULL_BODY_STATUSES = new Set([204, 205, 304]);

class TimeoutError extends Error {
  constructor() {
    super('Upstream timed out');
    this.name = 'TimeoutError';
  }
}

export function createApiHandler(config: ApiConfig, options: ApiHandlerOptions = {}): ApiHandler {
  const target = options.target ?? targetFor(config);
  const log = options.log ?? ((line: string) => console.warn(line));
  const keyBytes = Buffer.from(target.apiKey);

  return async function handleApiRequest(request, rawTarget = targetOf(request)) {
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

    const headers = new Headers();
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = request.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    headers.set('X-API-Key', target.apiKey);

    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new TimeoutError()), config.upstreamTimeoutMs);
    try {
      const upstreamRequest = new Request(`${target.baseUrl}${parsed.path}${parsed.search}`, {
        headers,
        signal: deadline.signal,
        // Following a redirect would carry the key to wherever it points.
        redirect: 'manual',
      });
      const upstream = await untilAborted(target.send(upstreamRequest), deadline.signal);

      if (upstream.status >= 300 && upstream.status < 400 && upstream.status !== 304) {
        upstream.body?.cancel().catch(() => {});
        log(`API: GET ${parsed.path} -> 502, upstream answered a ${upstream.status} redirect`);
        return fail(502, 'The SigmaMind API answered with a redirect, which is not followed');
      }
      const received = await readBounded(upstream, config.maxUpstreamBytes, deadline.signal);
      const body = isAgentsPath(parsed.path) ? redactJsonBody(received) : received;
      const response = passThrough(upstream, body);
      if (echoesKey(response, body, keyBytes)) {
        log(`API: GET ${parsed.path} -> 502, upstream response contained the API key; withheld`);
        return fail(502, 'The SigmaMind API response was withheld because it echoed credentials');
      }
      return noStore(response);
    } catch (error) {
      if (error instanceof TimeoutError) {
        log(`API: GET ${parsed.path} -> 504 after ${config.upstreamTimeoutMs} ms`);
        return fail(504, `The SigmaMind API did not answer within ${config.upstreamTimeoutMs} ms`);
      }
      if (error instanceof BodyTooLargeError) {
        log(`API: GET ${parsed.path} -> 502, body over ${config.maxUpstreamBytes} bytes`);
        return fail(
          502,
          `The SigmaMind API response was too large (over ${config.maxUpstreamBytes} bytes)`,
        );
      }
      log(`API: GET ${parsed.path} -> 502, upstream unreachable (${describeNetworkError(error)})`);
      return fail(502, 'Could not reach the SigmaMind API');
    } finally {
      clearTimeout(timer);
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

/** Defence in depth: an upstream that reflects the key must not hand it to the browser. */
function echoesKey(response: Response, body: Buffer, keyBytes: Buffer): boolean {
  if (body.includes(keyBytes)) return true;
  const key = keyBytes.toString();
  return [...response.headers.values()].some((value) => value.includes(key));
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
