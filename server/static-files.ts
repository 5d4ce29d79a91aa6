/**
 * Serves the Vite build. Only regular files inside `distDir` are served (no directory
 * listings, no dotfiles, no escaping the folder); page navigations without a file get
 * index.html so deep links work, while a missing asset stays a real 404.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { Context, MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';
import { getMimeType } from 'hono/utils/mime';
import { acceptsGzip, createGzipCache, type GzipCache } from './gzip-cache.ts';

/** Vite content-hashes everything under /assets/, so a URL there never changes meaning. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current hashed bundles: always revalidate it. */
const REVALIDATE = 'no-cache';
/** favicon.png, robots.txt and the like: unhashed, so cached briefly. */
const SHORT = 'public, max-age=3600';
/** Below this, gzip saves too little to be worth a header. */
const MIN_GZIP_BYTES = 1024;

export function staticFiles(distDir: string): MiddlewareHandler {
  const root = resolve(distDir);
  const indexFile = resolve(root, 'index.html');
  const gzipped = createGzipCache();

  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();

    const relative = safeRelativePath(c.req.path);
    if (relative === null) return next();

    const file = relative === '' ? indexFile : resolve(root, relative);
    if (file.startsWith(root + sep) && (await isFile(file))) {
      return sendFile(c, file, cacheControlFor(relative, file === indexFile), gzipped);
    }
    if (isPageNavigation(c, relative)) return sendFile(c, indexFile, REVALIDATE, gzipped);
    return next();
  };
}

/** The decoded path without its leading slash, or null when it could reach outside the folder. */
function safeRelativePath(path: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\x00-\x1f\\]/.test(decoded)) return null;
  const segments = decoded.split('/').slice(1);
  // Empty segments (`//`), `.`/`..` and dotfiles are never part of a build's URLs.
  if (
    segments.some(
      (segment, i) => segment.startsWith('.') || (segment === '' && i < segments.length - 1),
    )
  ) {
    return null;
  }
  return segments.join('/');
}

function isPageNavigation(c: Context, relative: string): boolean {
  const lastSegment = relative.split('/').pop() ?? '';
  return (
    !lastSegment.includes('.') &&
    relative !== 'assets' &&
    !relative.startsWith('assets/') &&
    (c.req.header('Accept') ?? '').includes('text/html')
  );
}

function cacheControlFor(relative: string, isIndex: boolean): string {
  if (isIndex) return REVALIDATE;
  return relative.startsWith('assets/') ? IMMUTABLE : SHORT;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function sendFile(
  c: Context,
  path: string,
  cacheControl: string,
  gzipped: GzipCache,
): Promise<Response> {
  const info = await stat(path);
  const contentType = getMimeType(path) ?? 'application/octet-stream';
  const compressible =
    info.size >= MIN_GZIP_BYTES && COMPRESSIBLE_CONTENT_TYPE_REGEX.test(contentType);
  // Size and mtime identify a build's file well enough to answer revalidations with 304.
  const etag = `W/"${info.size.toString(16)}-${Math.trunc(info.mtimeMs).toString(16)}"`;
  const headers: Record<string, string> = { 'Cache-Control': cacheControl, ETag: etag };
  if (compressible) headers.Vary = 'Accept-Encoding';
  if (c.req.header('If-None-Match') === etag) return c.body(null, 304, headers);

  headers['Content-Type'] = contentType;
  const gzip = compressible && acceptsGzip(c.req.header('Accept-Encoding'));
  if (gzip) headers['Content-Encoding'] = 'gzip';
  if (c.req.method === 'HEAD') {
    if (!gzip) headers['Content-Length'] = String(info.size);
    return c.body(null, 200, headers);
  }
  const key = `${path}:${info.size}:${info.mtimeMs}`;
  const body = gzip ? await gzipped(key, () => readFile(path)) : await readFile(path);
  headers['Content-Length'] = String(body.length);
  return c.body(body, 200, headers);
}
