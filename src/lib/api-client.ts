/**
 * The one fetch wrapper: every API call goes through `apiGet`. It builds the URL with
 * URLSearchParams against this origin (the server adds the API key; a server render calls the
 * server's handler in process, render-context.ts), forwards the
 * AbortSignal, throws an ApiError on any non-2xx or unreadable body, and parses the body
 * with the caller's schema so a wrong shape names the field that is wrong.
 */
import type * as z from 'zod/mini';
import { currentServerRender } from './render-context';

export type ApiErrorKind = 'http' | 'network' | 'timeout' | 'schema';

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number | undefined;
  readonly path: string;
  /** Seconds the server asked us to wait (Retry-After), when it said so. */
  readonly retryAfter: number | undefined;
  /** Our server's sign-in asks for a session (not the API refusing its key): sign in again. */
  readonly sessionEnded: boolean;
  /** With sessionEnded: a session cookie was sent and has ended (false: never signed in). */
  readonly hadSession: boolean;

  constructor(
    kind: ApiErrorKind,
    message: string,
    options: {
      status?: number;
      path: string;
      retryAfter?: number;
      sessionEnded?: boolean;
      hadSession?: boolean;
      cause?: unknown;
    },
  ) {
    super(message, { cause: options.cause });
    this.name = 'ApiError';
    this.kind = kind;
    this.status = options.status;
    this.path = options.path;
    this.retryAfter = options.retryAfter;
    this.sessionEnded = options.sessionEnded ?? false;
    this.hadSession = options.hadSession ?? false;
  }
}

export type QueryParams = Record<string, string | number | undefined>;

/** Requests slower than this are abandoned with a timeout error. */
export const REQUEST_TIMEOUT_MS = 15_000;

function buildUrl(path: string, params: QueryParams = {}): URL {
  const url = new URL(path, currentServerRender()?.origin ?? window.location.origin);
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) search.set(key, String(value));
  }
  url.search = search.toString();
  return url;
}

/**
 * Retry-After in seconds: delay-seconds (digits only) or an HTTP-date. Anything else
 * (negative, hex, empty, words) is ignored rather than guessed at.
 */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text);
  if (!/[a-z]/i.test(text)) return undefined; // an HTTP-date names its month and weekday
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, (date - now) / 1000);
}

/** What a JSON value is, in words: "a number", "null", "an array". */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return value === '' ? 'an empty string' : 'a string';
  if (typeof value === 'number') return Number.isFinite(value) ? `the number ${value}` : 'a number';
  return `a ${typeof value}`;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown } {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) {
      return { found: false, value: undefined };
    }
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return { found: true, value };
}

const EXPECTED_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
};

/**
 * zod/mini ships no messages (every issue says "Invalid input"), so the issue is put in
 * words here from its code, and from the offending value when the body is given.
 */
function describeProblem(issue: z.core.$ZodIssue, input: unknown, hasInput: boolean): string {
  const at = hasInput ? valueAt(input, issue.path) : undefined;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED_WORDS[issue.expected] ?? issue.expected;
      if (at && !at.found) return `is missing (expected ${expected})`;
      if (at) return `is ${kindOf(at.value)}, expected ${expected}`;
      return `is not ${expected}`;
    }
    case 'invalid_format':
      return issue.format === 'datetime'
        ? 'is not an ISO 8601 date-time'
        : `is not in the expected format (${issue.format})`;
    case 'too_small':
      return issue.origin === 'array'
        ? `has fewer than ${String(issue.minimum)} items`
        : `is below ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'array'
        ? `has more than ${String(issue.maximum)} items`
        : `is above ${String(issue.maximum)}`;
    case 'not_multiple_of':
      return issue.divisor === 1
        ? 'is not a whole number'
        : `is not a multiple of ${issue.divisor}`;
    default:
      return 'has an unexpected value';
  }
}

/**
 * Names the first failing field the way a reader would look for it, and what is wrong with
 * it: `Unexpected response: field "data[0].createdDate" is a number, expected a string.`
 * Pass the parsed body as `input` to tell a missing field from a mistyped one.
 */
export function describeSchemaIssue(error: z.core.$ZodError, ...input: [] | [unknown]): string {
  const issue = error.issues[0];
  if (!issue) return 'The response did not have the expected shape.';
  const field = issue.path.reduce<string>(
    (acc, key) =>
      typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key),
    '',
  );
  const problem = describeProblem(issue, input[0], input.length > 0);
  return field
    ? `Unexpected response: field "${field}" ${problem}.`
    : `Unexpected response: the body ${problem}.`;
}

/**
 * A text field of an error body (contract/api-schemas.ts `apiErrorBodySchema`), read by hand:
 * zod stays out of the first chunk, which only needs these two fields of an error.
 */
function textField(body: unknown, name: 'message' | 'path'): string | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** Requests (path and query) not to be sent before a time: a server render was told to wait. */
const notBefore = new Map<string, number>();

/** The waits a server-rendered page carries (ssr-state.ts), for the browser to keep. */
export function holdRequests(until: Record<string, number>): void {
  for (const [key, time] of Object.entries(until)) notBefore.set(key, time);
}

/** Waits until a request may be sent, if the API asked the server render to wait. */
async function waitIfHeld(key: string, signal: AbortSignal): Promise<void> {
  const wait = (notBefore.get(key) ?? 0) - Date.now();
  if (wait <= 0) {
    notBefore.delete(key); // every request for it waited until then
    return;
  }
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, wait);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}

export async function apiGet<T extends z.ZodMiniType>(
  path: string,
  schema: T,
  {
    params,
    signal,
    timeoutMs = REQUEST_TIMEOUT_MS,
  }: { params?: QueryParams; signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<z.infer<T>> {
  const url = buildUrl(path, params);
  const key = `${url.pathname}${url.search}`;
  if (signal) await waitIfHeld(key, signal);
  if (signal?.aborted) throw signal.reason;
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;

  let response: Response;
  try {
    const init = { signal: combined, headers: { Accept: 'application/json' } };
    // Rendering on the server, the request goes to the server's own handler, in process.
    const server = currentServerRender();
    response = await (server ? server.fetch(url, init) : fetch(url, init));
  } catch (cause) {
    if (signal?.aborted) throw cause; // the caller no longer wants it: let the query layer see the abort
    if (timeout.aborted) {
      throw new ApiError('timeout', 'The API took too long to answer.', { path, cause });
    }
    throw new ApiError('network', 'Could not reach the server.', { path, cause });
  }

  let body: unknown;
  try {
    body = await response.json();
  } catch (cause) {
    if (signal?.aborted) throw cause;
    if (!response.ok) body = undefined;
    else
      throw new ApiError('schema', 'The API answered with something that is not JSON.', {
        status: response.status,
        path,
        cause,
      });
  }

  if (!response.ok) {
    const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
    // A server render tells the browser to wait as long before asking again.
    const server = currentServerRender();
    if (server && retryAfter !== undefined) server.notBefore[key] = Date.now() + retryAfter * 1000;
    const message =
      textField(body, 'message') || `${response.status} ${response.statusText || 'Error'}`.trim();
    const challenge = response.headers.get('WWW-Authenticate') ?? '';
    throw new ApiError('http', message, {
      status: response.status,
      path: textField(body, 'path') || path,
      retryAfter,
      // The dashboard's server says so with this challenge; the API's own 401 does not.
      sessionEnded: response.status === 401 && /^OpenIDConnect\b/i.test(challenge),
      // RFC 6750's invalid_token: a session was sent and has ended (expired, signed out).
      hadSession: /\berror="invalid_token"/.test(challenge),
    });
  }

  const result = schema.safeParse(body);
  if (!result.success) {
    throw new ApiError('schema', describeSchemaIssue(result.error, body), {
      status: response.status,
      path,
      cause: result.error,
    });
  }
  return result.data;
}
