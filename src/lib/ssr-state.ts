/**
 * What a server-rendered page carries for the browser to hydrate from: the query cache the
 * server rendered with (TanStack Query's dehydrate/hydrate) and the render hints
 * (render-context.ts). It travels as JSON in `<script type="application/json" id="ssr-state">`,
 * which the browser does not execute, so the CSP needs no inline script.
 */
import {
  defaultShouldDehydrateQuery,
  dehydrate,
  hydrate,
  type DehydratedState,
  type Query,
  type QueryClient,
} from '@tanstack/react-query';
import { ApiError, type ApiErrorKind } from './api-client';
import { isRetryable } from './query-client';
import type { RenderHints } from './render-context';

export const SSR_STATE_ID = 'ssr-state';

export interface SsrState {
  hints: RenderHints;
  queries: DehydratedState;
  /** Requests the API asked the server to wait with (render-context.ts `notBefore`). */
  notBefore: Record<string, number>;
}

/** An ApiError as JSON (an Error's message is not an enumerable property). */
interface SerializedApiError {
  apiError: {
    kind: ApiErrorKind;
    message: string;
    status?: number;
    path: string;
    retryAfter?: number;
    sessionEnded: boolean;
    hadSession: boolean;
  };
}

function serializeError(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const { kind, message, status, path, retryAfter, sessionEnded, hadSession } = error;
  return { apiError: { kind, message, status, path, retryAfter, sessionEnded, hadSession } };
}

function deserializeError(error: unknown): unknown {
  if (error === null || typeof error !== 'object' || !('apiError' in error)) return error;
  const { kind, message, ...options } = (error as SerializedApiError).apiError;
  return new ApiError(kind, message, options);
}

/**
 * The cache as the page carries it: answers, and API errors the browser would not retry either
 * (a 404, a body of the wrong shape), so the page shows the same error the browser would. An
 * error the browser would retry (a 5xx, a 429, a timeout) and anything still loading are left
 * for the browser to ask for, with its retries.
 */
export function carriedInPage(query: Query): boolean {
  const { status, error } = query.state;
  return (
    defaultShouldDehydrateQuery(query) ||
    (status === 'error' && error instanceof ApiError && !isRetryable(error))
  );
}

/** The same state, its errors converted one way or the other (JSON has no ApiError). */
function withErrors(state: DehydratedState, convert: (error: unknown) => unknown): DehydratedState {
  return {
    ...state,
    queries: state.queries.map((query) => ({
      ...query,
      state: {
        ...query.state,
        error: convert(query.state.error) as ApiError | null,
        fetchFailureReason: convert(query.state.fetchFailureReason) as ApiError | null,
      },
    })),
  };
}

export function dehydrateForPage(queryClient: QueryClient): DehydratedState {
  return withErrors(
    dehydrate(queryClient, { shouldDehydrateQuery: carriedInPage }),
    serializeError,
  );
}

export function hydrateFromPage(queryClient: QueryClient, state: DehydratedState): void {
  hydrate(queryClient, withErrors(state, deserializeError));
}

/**
 * JSON safe inside a `<script>` element: `<` is escaped, so no `</script>` or `<!--` in the
 * data can end the element early.
 */
export function serializeSsrState(state: SsrState): string {
  return JSON.stringify(state)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The state a server-rendered page carries, or null (the dev server, or a page without). */
export function readSsrState(document: Document): SsrState | null {
  const element = document.getElementById(SSR_STATE_ID);
  if (!element?.textContent) return null;
  try {
    return JSON.parse(element.textContent) as SsrState;
  } catch {
    return null; // a damaged page: render in the browser as without one
  }
}
