/**
 * Reads an API's pages one after the other, for work that needs more than the page on screen
 * (a test case's history, an export of every page). Pages are requested with at most
 * `concurrency` requests in flight and handed to `onPage` strictly in page order; at most
 * `2 × concurrency` pages are held at any time (in flight or waiting for an earlier one), so
 * memory stays bounded however many pages the agent has. An AbortSignal stops the walk.
 */
import type { DefaultError, FetchQueryOptions, QueryClient, QueryKey } from '@tanstack/react-query';
import { API_MAX_PAGE_SIZE } from '../../contract/paging';

/** Items per request when a walk reads every page: the API's largest page. */
export const WALK_PAGE_SIZE = API_MAX_PAGE_SIZE;

/** What the walker needs to know about a page: how many there are. */
export interface WalkablePage {
  totalPages: number;
  totalCount: number;
}

/** Fetches one 1-based page; must honour the signal. */
export type PageFetcher<P extends WalkablePage> = (page: number, signal: AbortSignal) => Promise<P>;

export interface WalkProgress {
  /** Pages handed to `onPage` so far in this walk. */
  scanned: number;
  /** Pages this walk will read (bounded by `maxPages`). */
  toScan: number;
  /** Pages the API has in all. */
  totalPages: number;
  totalCount: number;
}

export interface WalkResult extends WalkProgress {
  /** The 1-based page a later walk continues from, or null when the last page was read. */
  nextPage: number | null;
}

export interface WalkOptions<P extends WalkablePage> {
  fetchPage: PageFetcher<P>;
  /** 1-based page to start from (default 1). */
  startPage?: number;
  /** Read at most this many pages in this walk (default: all of them). */
  maxPages?: number;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
  signal?: AbortSignal;
  /** Called once per page, in page order. */
  onPage: (page: P, pageNumber: number) => void;
  onProgress?: (progress: WalkProgress) => void;
}

export const DEFAULT_CONCURRENCY = 4;

export async function walkPages<P extends WalkablePage>({
  fetchPage,
  startPage = 1,
  maxPages = Number.POSITIVE_INFINITY,
  concurrency = DEFAULT_CONCURRENCY,
  signal,
  onPage,
  onProgress,
}: WalkOptions<P>): Promise<WalkResult> {
  if (concurrency < 1 || maxPages < 1) throw new RangeError('concurrency and maxPages must be ≥ 1');
  signal?.throwIfAborted();
  // One failed page stops the others: they share this controller with the caller's signal.
  const stop = new AbortController();
  const pageSignal = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;

  // The first page alone: it says how many pages there are.
  const first = await fetchPage(startPage, pageSignal);
  signal?.throwIfAborted();
  const { totalPages, totalCount } = first;
  const lastPage = Math.min(totalPages, startPage + maxPages - 1);
  const toScan = Math.max(1, lastPage - startPage + 1);
  let scanned = 0;
  const progress = (): WalkProgress => ({ scanned, toScan, totalPages, totalCount });

  onPage(first, startPage);
  scanned = 1;
  onProgress?.(progress());

  if (lastPage > startPage) {
    await new Promise<void>((resolve, reject) => {
      const window = concurrency * 2;
      const waiting = new Map<number, P>();
      let next = startPage + 1;
      let toDeliver = startPage + 1;
      let inFlight = 0;
      let settled = false;

      const finish = (error?: unknown) => {
        if (settled) return;
        settled = true;
        signal?.removeEventListener('abort', onAbort);
        if (error === undefined) {
          resolve();
        } else {
          stop.abort(error);
          reject(
            error instanceof Error ? error : new Error('The page walk failed', { cause: error }),
          );
        }
      };
      const onAbort = () => finish(signal?.reason ?? new DOMException('Aborted', 'AbortError'));
      signal?.addEventListener('abort', onAbort, { once: true });

      const deliver = () => {
        for (let page = waiting.get(toDeliver); page; page = waiting.get(toDeliver)) {
          waiting.delete(toDeliver);
          try {
            onPage(page, toDeliver);
          } catch (error) {
            finish(error);
            return;
          }
          toDeliver += 1;
          scanned += 1;
          onProgress?.(progress());
        }
      };

      const pump = () => {
        if (settled) return;
        if (toDeliver > lastPage) {
          finish();
          return;
        }
        while (inFlight < concurrency && next <= lastPage && next < toDeliver + window) {
          const pageNumber = next;
          next += 1;
          inFlight += 1;
          fetchPage(pageNumber, pageSignal).then(
            (page) => {
              inFlight -= 1;
              if (settled) return;
              waiting.set(pageNumber, page);
              deliver();
              pump();
            },
            (error: unknown) => {
              inFlight -= 1;
              finish(error);
            },
          );
        }
      };
      pump();
    });
  }

  return { ...progress(), nextPage: lastPage < totalPages ? lastPage + 1 : null };
}

/** Rejects as soon as the signal aborts, calling `onAbort` to stop the work behind the promise. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal, onAbort: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => {
      onAbort();
      reject(
        signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'),
      );
    };
    signal.addEventListener('abort', abort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', abort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', abort);
        reject(
          error instanceof Error ? error : new Error('The page walk failed', { cause: error }),
        );
      },
    );
  });
}

/** Pages past this one are read through the cache but not kept in it (see `pagesThroughCache`). */
export const KEPT_PAGES = 10;

/**
 * A page fetcher that reads and writes the query cache, so walks share pages with each other
 * (and with the table when it shows the same page size): a page fetched less than `staleTime`
 * ago is not fetched again. The first `keepPages` pages stay cached as usual; later ones are
 * dropped as soon as they are handed over (gcTime 0), so walking 500 pages does not leave
 * 500 pages in memory. Aborting cancels the request unless a component is also watching it.
 */
export function pagesThroughCache<P extends WalkablePage, TKey extends QueryKey>(
  queryClient: QueryClient,
  /** The query options of one page of WALK_PAGE_SIZE items. */
  optionsFor: (page: number, size: number) => FetchQueryOptions<P, DefaultError, P, TKey>,
  { keepPages = KEPT_PAGES }: { keepPages?: number } = {},
): PageFetcher<P> {
  return (page, signal) => {
    signal.throwIfAborted();
    const options = optionsFor(page, WALK_PAGE_SIZE);
    const fetched = queryClient.query(page <= keepPages ? options : { ...options, gcTime: 0 });
    return abortable(fetched, signal, () => {
      void queryClient.cancelQueries({
        queryKey: options.queryKey,
        exact: true,
        predicate: (query) => query.getObserversCount() === 0,
      });
    });
  };
}
