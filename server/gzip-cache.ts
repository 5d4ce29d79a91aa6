/**
 * Gzipped copies of the build's text files, made once per file version: compressing the
 * ~360 kB bundle costs ~30 ms of CPU, which on every request caps throughput. Entries are keyed
 * by path, size and mtime, so a new build is never served stale, and losing the cache (a
 * restart, another instance) loses only time: it holds nothing a request depends on.
 */
import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
/** A build has a few dozen files; old versions beyond this are dropped, oldest first. */
const MAX_ENTRIES = 128;

export type GzipCache = (key: string, read: () => Promise<Buffer>) => Promise<Buffer<ArrayBuffer>>;

export function createGzipCache(): GzipCache {
  // Promises, so concurrent first requests for a file share one compression.
  const entries = new Map<string, Promise<Buffer<ArrayBuffer>>>();
  return (key, read) => {
    const cached = entries.get(key);
    if (cached) return cached;
    const entry = read().then((raw) => gzipAsync(raw, { level: constants.Z_BEST_COMPRESSION }));
    entry.catch(() => entries.delete(key));
    entries.set(key, entry);
    if (entries.size > MAX_ENTRIES) {
      const oldest = entries.keys().next().value;
      if (oldest !== undefined) entries.delete(oldest);
    }
    return entry;
  };
}

/** Whether an Accept-Encoding header allows gzip (and does not refuse it with q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((part) => {
    const [name, ...params] = part.split(';').map((token) => token.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    return name === 'gzip' && (q === undefined || Number(q.slice(2)) > 0);
  });
}
