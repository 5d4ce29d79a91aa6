/**
 * What a render depends on besides the data: the time it shows ages against, the locale and
 * time zone it formats in, and which media queries match. In the browser these are the
 * browser's own. On the server (src/entry-server.tsx) each request renders with the reader's
 * (from its headers and hint cookies), and the browser hydrates with the same values, carried
 * in the page (src/lib/ssr-state.ts), so the first client render matches the server's HTML;
 * right after hydration the browser's own values take over.
 */

export interface RenderHints {
  /** Milliseconds since the epoch: the "now" relative times are rendered against. */
  now: number;
  /** A BCP 47 locale, as Intl resolved it. */
  locale: string;
  /** An IANA time zone, as Intl resolved it. */
  timeZone: string;
  /** Media queries the server decided on (see NARROW_QUERY); others read as not matching. */
  media: Record<string, boolean>;
}

/** Below this width batch runs are cards instead of a table. */
export const NARROW_QUERY = '(max-width: 1023.98px)';

/** A server render in progress: whom it renders for, and how it reaches the API. */
export interface ServerRender {
  hints: RenderHints;
  /** This request's origin: API paths are resolved against it. */
  origin: string;
  /** The server's own /v1 handler, in process, as the signed-in reader. */
  fetch: (url: URL, init: RequestInit) => Promise<Response>;
  /**
   * Requests the API asked to wait before repeating (Retry-After), by path and query, with the
   * time until which: the page carries them, and the browser waits as long (api-client.ts).
   */
  notBefore: Record<string, number>;
  /** performance.now() by which the render sends what it has (SSR_DATA_BUDGET_MS). */
  deadline?: number;
}

/** The server render in progress; set once by the server entry (per-request storage). */
let serverRender: () => ServerRender | undefined = () => undefined;
/** What the server rendered this page with; set by main.tsx before hydrating. */
let hydrationHints: RenderHints | undefined;

/** The server entry reads each request's render from its own per-request store. */
export function provideServerRender(read: () => ServerRender | undefined): void {
  serverRender = read;
}

export function currentServerRender(): ServerRender | undefined {
  return serverRender();
}

export function setHydrationHints(hints: RenderHints | undefined): void {
  hydrationHints = hints;
}

/** The hints of a server render in progress, if this is one. */
export function currentServerHints(): RenderHints | undefined {
  return serverRender()?.hints;
}

/**
 * The snapshot a hydrating render must use (useSyncExternalStore's getServerSnapshot): the
 * server's when rendering on the server or hydrating its HTML, otherwise undefined.
 */
export function renderedHints(): RenderHints | undefined {
  return serverRender()?.hints ?? hydrationHints;
}

/** The browser's own locale and time zone, as Intl resolves them. */
export function browserLocale(): { locale: string; timeZone: string } {
  const { locale, timeZone } = new Intl.DateTimeFormat().resolvedOptions();
  return { locale, timeZone };
}

/** The cookie the server reads the reader's time zone from (TIME_ZONE_COOKIE in server/ssr.ts). */
const TIME_ZONE_COOKIE = 'sm-tz';

/**
 * Remembers the browser's time zone for the server's next render of a page; public/theme.js
 * remembers the width. Written by the app, after the first paint: Intl takes 20 ms to find
 * the zone the first time.
 */
export function rememberTimeZone(timeZone: string): void {
  const value = encodeURIComponent(timeZone);
  if (document.cookie.split('; ').includes(`${TIME_ZONE_COOKIE}=${value}`)) return;
  const secure = window.location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = `${TIME_ZONE_COOKIE}=${value}; path=/; max-age=31536000; SameSite=Lax${secure}`;
}

let browserZone: string | undefined;

/**
 * The time zone the view's days are read in: the reader's on the server (its hints), the
 * browser's own in the browser (a page hydrates only when the two agree, see main.tsx).
 */
export function viewerTimeZone(): string {
  const server = currentServerHints();
  if (server) return server.timeZone;
  browserZone ??= browserLocale().timeZone;
  return browserZone;
}

/** Kept from a server render's budget for rendering what arrived. */
const RENDER_MARGIN_MS = 50;

/**
 * How long to let the dashboard's server hold a request (its `wait`): on the server, what is
 * left of the render's budget; in the browser, `browserMs`.
 */
export function serverWait(browserMs: number): number {
  const left = serverTimeLeft();
  return left === undefined ? browserMs : Math.max(0, Math.floor(left - RENDER_MARGIN_MS));
}

/** Milliseconds left of the server render's budget; undefined in the browser. */
export function serverTimeLeft(): number | undefined {
  const deadline = serverRender()?.deadline;
  return deadline === undefined ? undefined : Math.max(0, deadline - performance.now());
}
