/**
 * Server rendering of the app's page (`/`): the view the URL names, with its rows, in the first
 * response. The render (src/entry-server.tsx, built into <dist>/.ssr/) asks the API through this
 * same app in process, carrying the reader's cookies, so it sees exactly what the reader's
 * browser would: the sign-in gate, the locked forwarder, the sandbox. The page is made per
 * request (`Cache-Control: no-store`); the hashed assets keep their immutable caching.
 *
 * Whatever goes wrong here (no server build, a render that throws) the reader still gets the
 * plain page, which renders in the browser as before. So does a reader who arrives while
 * SSR_CONCURRENCY renders are running (after a wait of at most SHED_WAIT_MS), or who finds more
 * than RENDERS_AHEAD_PER_SLOT requests per slot already waiting for their turn (server/turns.ts):
 * under load the page costs no more than a static file, instead of queueing behind the renders.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context, MiddlewareHandler, Next } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from './app-env.ts';
import { Limiter } from './concurrency.ts';
import { metrics } from './metrics.ts';
import { fillTemplate } from './ssr-template.ts';

/** What the server build exports (src/entry-server.tsx); typed here to keep src/ out of server/. */
interface RenderHints {
  now: number;
  locale: string;
  timeZone: string;
  media: Record<string, boolean>;
}
interface ServerEntry {
  setRenderStorage(storage: AsyncLocalStorage<unknown>): void;
  renderPage(request: {
    url: URL;
    hints: RenderHints;
    fetch: (url: URL, init: RequestInit) => Promise<Response>;
    budgetMs: number;
    signal?: AbortSignal;
  }): Promise<{
    html: string;
    state: string;
    title: string;
    complete: boolean;
    renders: number;
  }>;
}

/** Cookies the browser keeps (the zone: src/lib/render-context.ts; the width: public/theme.js). */
export const TIME_ZONE_COOKIE = 'sm-tz';
export const WIDTH_COOKIE = 'sm-vw';
/** Same breakpoint as NARROW_QUERY in src/lib/render-context.ts. */
export const NARROW_QUERY = '(max-width: 1023.98px)';
const NARROW_BELOW_PX = 1024;
/** How long a page waits for a render slot before it is sent as the plain page. */
export const SHED_WAIT_MS = 50;
/**
 * A server this far behind (requests waiting per render slot) sends pages plain: a render costs
 * tens of ms of the one thread that every waiting request needs.
 */
export const RENDERS_AHEAD_PER_SLOT = 4;

export interface ServerRenderingOptions {
  distDir: string;
  budgetMs: number;
  /** The app itself, to answer the render's API requests in process. */
  fetch: (request: Request) => Response | Promise<Response>;
  log: (line: string, error?: unknown) => void;
  /** SSR_CONCURRENCY: renders at once (0: never render on the server). */
  concurrency: number;
  /** How many requests were waiting for their turn when this one arrived (server/turns.ts). */
  aheadOf?: (request: Request) => number;
}

/** The middleware, and `loaded()`: loads the server build now (readiness waits for it). */
export function serverRendering(
  options: ServerRenderingOptions,
): MiddlewareHandler<AppEnv> & { loaded: () => Promise<boolean> } {
  const load = once(() => loadBuild(options.distDir));
  let warned = false;
  const slots = new Limiter({ limit: options.concurrency, maxWaitMs: SHED_WAIT_MS });

  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (
      c.req.method !== 'GET' ||
      c.req.path !== '/' ||
      !(c.req.header('Accept') ?? '').includes('text/html') ||
      options.concurrency === 0
    ) {
      return next();
    }
    let build: Awaited<ReturnType<typeof loadBuild>>;
    try {
      build = await load();
    } catch (error) {
      if (!warned) options.log('No server build: pages render in the browser only', error);
      warned = true;
      return next();
    }

    const behind =
      (options.aheadOf?.(c.req.raw) ?? 0) > RENDERS_AHEAD_PER_SLOT * options.concurrency;
    const release = behind ? null : await slots.acquire(c.req.raw.signal);
    if (!release) {
      if (c.req.raw.signal.aborted) return next(); // gone while waiting: nobody to answer
      metrics.shed.inc({ work: 'render' });
      c.set('shed', 'render');
      await next();
      c.res.headers.append('Server-Timing', 'render;dur=0;desc="busy: rendered in the browser"');
      return;
    }
    try {
      return await render(c, build, next);
    } finally {
      release();
    }
  };

  async function render(
    c: Context<AppEnv>,
    build: Awaited<ReturnType<typeof loadBuild>>,
    next: Next,
  ) {
    const started = performance.now();
    const url = new URL(c.req.url);
    const forwarded = pickHeaders(c.req.raw.headers, [
      'cookie',
      'accept-language',
      'x-request-id',
      'user-agent',
    ]);
    let page: Awaited<ReturnType<ServerEntry['renderPage']>>;
    try {
      page = await build.entry.renderPage({
        url,
        hints: hintsFor(c.req.raw.headers, getCookie(c)),
        budgetMs: options.budgetMs,
        signal: c.req.raw.signal,
        fetch: async (apiUrl, init) => {
          const headers = new Headers(init.headers);
          forwarded.forEach((value, name) => headers.set(name, value));
          return options.fetch(new Request(apiUrl, { ...init, headers }));
        },
      });
    } catch (error) {
      metrics.renderDuration.observe({ outcome: 'failed' }, (performance.now() - started) / 1000);
      options.log('Server render failed: sending the page to render in the browser', error);
      return next();
    }

    const html = fillTemplate(build.template, page);
    const elapsed = performance.now() - started;
    const ms = elapsed.toFixed(1);
    metrics.renderDuration.observe(
      { outcome: page.complete ? 'complete' : 'partial' },
      elapsed / 1000,
    );
    return c.html(html, 200, {
      'Cache-Control': 'no-store',
      // The page depends on who asks (the session and hint cookies) and in which language.
      Vary: 'Cookie, Accept-Language',
      'Server-Timing': `render;dur=${ms};desc="${page.complete ? 'with data' : 'partly without data'}, ${page.renders} ${page.renders === 1 ? 'render' : 'renders'}"`,
    });
  }
  const loaded = () =>
    load().then(
      () => true,
      () => false,
    );
  return Object.assign(middleware, { loaded });
}

async function loadBuild(distDir: string) {
  // The server build imports React from node_modules, which picks its build by NODE_ENV: a
  // server that has not said otherwise renders with the production build, as the browser does.
  process.env.NODE_ENV ??= 'production';
  const [module, template] = await Promise.all([
    import(pathToFileURL(join(distDir, '.ssr', 'entry-server.js')).href) as Promise<ServerEntry>,
    readFile(join(distDir, 'index.html'), 'utf8'),
  ]);
  module.setRenderStorage(new AsyncLocalStorage());
  return { entry: module, template };
}

/** The reader's locale, time zone and screen, as far as the request tells. */
export function hintsFor(headers: Headers, cookies: Record<string, string>): RenderHints {
  const width = Number(cookies[WIDTH_COOKIE]);
  // Without the width cookie (a first visit), what the request says of the device decides.
  const narrow = Number.isFinite(width) && width > 0 ? width < NARROW_BELOW_PX : isMobile(headers);
  return {
    now: Date.now(),
    locale: localeOf(headers.get('accept-language')),
    timeZone: timeZoneOf(cookies[TIME_ZONE_COOKIE]),
    media: { [NARROW_QUERY]: narrow },
  };
}

/**
 * Whether the request comes from a phone: its `Sec-CH-UA-Mobile` client hint where the browser
 * sends one (Chromium), otherwise "Mobi" in its User-Agent (Safari and Firefox send no client
 * hints; without this, an iPhone's first visit was rendered as the wide table, shown so until
 * hydration, then re-rendered as cards in one blocking render).
 */
export function isMobile(headers: Headers): boolean {
  const hint = headers.get('sec-ch-ua-mobile');
  if (hint !== null) return hint.trim() === '?1';
  return /Mobi/i.test(headers.get('user-agent') ?? '');
}

/** The first language of Accept-Language that Intl supports, as Intl resolves it. */
export function localeOf(acceptLanguage: string | null): string {
  const tags = (acceptLanguage ?? '')
    .split(',')
    .map((part) => part.split(';')[0]!.trim())
    .filter((tag) => tag && tag !== '*')
    .slice(0, 8);
  for (const tag of tags) {
    try {
      if (Intl.DateTimeFormat.supportedLocalesOf(tag).length > 0) {
        return new Intl.DateTimeFormat(tag).resolvedOptions().locale;
      }
    } catch {
      // not a well-formed tag: try the next
    }
  }
  return new Intl.DateTimeFormat('en-US').resolvedOptions().locale;
}

/** An IANA zone Intl knows, as Intl resolves it; UTC when none is given or it is unknown. */
export function timeZoneOf(cookie: string | undefined): string {
  if (cookie && cookie.length <= 64) {
    try {
      return new Intl.DateTimeFormat('en-US', { timeZone: cookie }).resolvedOptions().timeZone;
    } catch {
      // unknown zone
    }
  }
  return 'UTC';
}

function pickHeaders(headers: Headers, names: string[]): Headers {
  const picked = new Headers();
  for (const name of names) {
    const value = headers.get(name);
    if (value !== null) picked.set(name, value);
  }
  return picked;
}

/** A promise made on first use and kept; a failure is kept too (no retry storm per request). */
function once<T>(make: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= make());
}
