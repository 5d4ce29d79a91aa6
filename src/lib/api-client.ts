/**
 * The one fetch wrapper: every API call goes through `apiGet`. It builds the URL with
 * URLSearchParams against this origin (the server adds the API key), forwards the
 * AbortSignal, throws an ApiError on any non-2xx or unreadable body, and parses the body
 * with the caller's schema so a wrong shape names the field that is wrong.
 */
import type * as z from 'zod/mini';
import { apiErrorBodySchema } from './api-schemas';

export type ApiErrorKind = 'http' | 'network' | 'timeout' | 'schema';

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number | undefined;
  readonly path: string;
  /** Seconds the server asked us to wait (Retry-After), when it said so. */
  readonly retryAfter: number | undefined;

  constructor(
    kind: ApiErrorKind,
    message: string,
    options: { status?: number; path: string; retryAfter?: number; cause?: unknown },
  ) {
    super(message, { cause: options.cause });
    this.name = 'ApiError';
    this.kind = kind;
    this.status = options.status;
    this.path = options.path;
    this.retryAfter = options.retryAfter;
  }
}

export type QueryParams = Record<string, string | number | undefined>;

/** Requests slower than this are abandoned with a timeout error. */
export const REQUEST_TIMEOUT_MS = 15_000;

function buildUrl(path: string, params: QueryParams = {}): URL {
  const url = new URL(path, window.location.origin);
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) search.set(key, String(value));
  }
  url.search = search.toString();
  return url;
}

function parseRetryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, (date - Date.now()) / 1000);
}

/** Names the first failing field the way a reader would look for it: `data[0].createdDate`. */
export function describeSchemaIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The response did not have the expected shape.';
  const field = issue.path.reduce<string>(
    (acc, key) =>
      typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key),
    '',
  );
  return `Unexpected response: field "${field || '(root)'}" ${issue.message.replace(/^Invalid input: /, '').toLowerCase()}.`;
}

export async function apiGet<T extends z.ZodMiniType>(
  path: string,
  schema: T,
  { params, signal }: { params?: QueryParams; signal?: AbortSignal } = {},
): Promise<z.infer<T>> {
  const url = buildUrl(path, params);
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;

  let response: Response;
  try {
    response = await fetch(url, { signal: combined, headers: { Accept: 'application/json' } });
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
    const parsed = apiErrorBodySchema.safeParse(body);
    const message =
      (parsed.success && parsed.data.message) ||
      `${response.status} ${response.statusText || 'Error'}`.trim();
    throw new ApiError('http', message, {
      status: response.status,
      path: (parsed.success && parsed.data.path) || path,
      retryAfter: parseRetryAfter(response.headers.get('Retry-After')),
    });
  }

  const result = schema.safeParse(body);
  if (!result.success) {
    throw new ApiError('schema', describeSchemaIssue(result.error), {
      status: response.status,
      path,
      cause: result.error,
    });
  }
  return result.data;
}
