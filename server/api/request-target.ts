/**
 * Decides what may be forwarded, from the request-target exactly as the client sent it.
 * URL parsing normalises `/v1/../x`, `%2e%2e` and backslashes away, so checking only the
 * parsed URL would hide those tricks; checking the raw text refuses them outright.
 */

/** Letters, digits, `_` and `-` per segment: no dots, percent-escapes, slashes or controls. */
const FORWARDABLE_PATH = /^\/v1(?:\/[A-Za-z0-9_-]+)+$/;

/**
 * `/v1`, `/v1/…`, `/v1?…`, `/v1%2f…`, `/v1\…`: anything the API namespace must answer for; and
 * the dashboard's own `/api/…` (the search, server/search/), gated and answered the same way.
 */
const API_NAMESPACE = /^\/(?:v1|api)(?![A-Za-z0-9_.~-])/;

export type ApiTarget = { ok: true; path: string; search: string } | { ok: false; reason: string };

function splitTarget(rawTarget: string): { path: string; query: string | undefined } {
  const withoutFragment = rawTarget.split('#', 1)[0] ?? '';
  const queryStart = withoutFragment.indexOf('?');
  return queryStart === -1
    ? { path: withoutFragment, query: undefined }
    : { path: withoutFragment.slice(0, queryStart), query: withoutFragment.slice(queryStart + 1) };
}

/** The path as the client wrote it, for error bodies (where JSON escapes it). */
export function displayPathOf(rawTarget: string): string {
  return splitTarget(rawTarget).path.slice(0, 256);
}

export function isApiNamespace(rawTarget: string): boolean {
  return API_NAMESPACE.test(splitTarget(rawTarget).path);
}

/**
 * The path, checked against the strict pattern, and the query rebuilt from its parsed
 * parameters so whatever the client sent (`&`, `#`, CR/LF, unicode) travels encoded.
 */
export function parseApiTarget(rawTarget: string): ApiTarget {
  const { path, query } = splitTarget(rawTarget);
  if (!FORWARDABLE_PATH.test(path)) {
    return { ok: false, reason: 'The path is not a valid API path' };
  }
  const search = query === undefined ? '' : new URLSearchParams(query).toString();
  return { ok: true, path, search: search ? `?${search}` : '' };
}

/** The request-target of a Request that did not come straight off a socket (tests, app.fetch). */
export function targetOf(request: Request): string {
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
}
