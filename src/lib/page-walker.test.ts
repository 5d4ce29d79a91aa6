import { QueryClient, queryOptions } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { pagesThroughCache, walkPages, type WalkProgress } from './page-walker';

interface TestPage {
  page: number;
  data: number[];
  totalPages: number;
  totalCount: number;
}

function pageOf(page: number, totalPages: number): TestPage {
  return { page, data: [page], totalPages, totalCount: totalPages * 10 };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A fake API with `totalPages` pages, uneven delays, and a record of what it was asked. */
function fakeApi(totalPages: number, delay = (page: number) => (page * 7) % 5) {
  const stats = {
    calls: [] as number[],
    inFlight: 0,
    maxInFlight: 0,
    signals: [] as AbortSignal[],
  };
  const fetchPage = async (page: number, signal: AbortSignal) => {
    stats.calls.push(page);
    stats.signals.push(signal);
    stats.inFlight += 1;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
    try {
      await sleep(delay(page));
      signal.throwIfAborted();
      return pageOf(page, totalPages);
    } finally {
      stats.inFlight -= 1;
    }
  };
  return { fetchPage, stats };
}

describe('walkPages', () => {
  it('hands every page over in order although answers arrive out of order', async () => {
    const { fetchPage } = fakeApi(23);
    const seen: number[] = [];
    const result = await walkPages({ fetchPage, onPage: (page, n) => seen.push(page.page, n) });
    expect(seen).toEqual(Array.from({ length: 23 }, (_, i) => [i + 1, i + 1]).flat());
    expect(result).toMatchObject({ scanned: 23, toScan: 23, totalPages: 23, nextPage: null });
  });

  it.each([1, 2, 4, 7])('never has more than %i requests in flight', async (concurrency) => {
    const { fetchPage, stats } = fakeApi(40);
    await walkPages({ fetchPage, concurrency, onPage: () => undefined });
    expect(stats.maxInFlight).toBeLessThanOrEqual(concurrency);
    expect(stats.maxInFlight).toBe(concurrency); // and it does use the allowance
    expect(stats.calls).toHaveLength(40);
  });

  it('holds at most twice the concurrency while an early page is slow', async () => {
    // Page 2 takes long; the others are instant. Without a window the walker would race ahead.
    const { fetchPage, stats } = fakeApi(50, (page) => (page === 2 ? 30 : 0));
    let maxAhead = 0;
    await walkPages({
      fetchPage,
      concurrency: 3,
      onPage: (_, n) => {
        maxAhead = Math.max(maxAhead, Math.max(...stats.calls) - n);
      },
    });
    expect(maxAhead).toBeLessThanOrEqual(6);
  });

  it('reports progress after each page', async () => {
    const { fetchPage } = fakeApi(5);
    const progress: WalkProgress[] = [];
    await walkPages({ fetchPage, onPage: () => undefined, onProgress: (p) => progress.push(p) });
    expect(progress.map((p) => `${p.scanned}/${p.toScan}`)).toEqual([
      '1/5',
      '2/5',
      '3/5',
      '4/5',
      '5/5',
    ]);
  });

  it('stops after maxPages and says where to continue', async () => {
    const { fetchPage, stats } = fakeApi(25);
    const first = await walkPages({ fetchPage, maxPages: 10, onPage: () => undefined });
    expect(first).toMatchObject({ scanned: 10, toScan: 10, totalPages: 25, nextPage: 11 });
    expect(Math.max(...stats.calls)).toBe(10);

    const seen: number[] = [];
    const second = await walkPages({
      fetchPage,
      startPage: 11,
      maxPages: 10,
      onPage: (_, n) => seen.push(n),
    });
    expect(seen).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(second.nextPage).toBe(21);
    const last = await walkPages({ fetchPage, startPage: 21, maxPages: 10, onPage: () => {} });
    expect(last).toMatchObject({ scanned: 5, nextPage: null });
  });

  it('reads a single page, and an agent with no pages at all', async () => {
    expect(await walkPages({ fetchPage: fakeApi(1).fetchPage, onPage: () => {} })).toMatchObject({
      scanned: 1,
      nextPage: null,
    });
    const empty = () => Promise.resolve({ data: [], totalPages: 0, totalCount: 0 });
    const seen: number[] = [];
    expect(await walkPages({ fetchPage: empty, onPage: (_, n) => seen.push(n) })).toMatchObject({
      scanned: 1,
      totalPages: 0,
      nextPage: null,
    });
    expect(seen).toEqual([1]);
  });

  it('cancel stops it: no request starts after the abort, and those in flight are aborted', async () => {
    const { fetchPage, stats } = fakeApi(100, () => 2);
    const controller = new AbortController();
    const seen: number[] = [];
    const walk = walkPages({
      fetchPage,
      signal: controller.signal,
      onPage: (_, n) => {
        seen.push(n);
        if (n === 3) controller.abort();
      },
    });
    await expect(walk).rejects.toMatchObject({ name: 'AbortError' });
    const callsAtAbort = stats.calls.length;
    await sleep(20);
    expect(stats.calls.length).toBe(callsAtAbort);
    expect(callsAtAbort).toBeLessThan(100);
    expect(seen).toEqual([1, 2, 3]);
    expect(stats.signals.every((signal) => signal.aborted)).toBe(true);
  });

  it('does not start when already cancelled', async () => {
    const { fetchPage, stats } = fakeApi(3);
    await expect(
      walkPages({ fetchPage, signal: AbortSignal.abort(), onPage: () => {} }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(stats.calls).toEqual([]);
  });

  it('fails when a page fails, and aborts the pages still in flight', async () => {
    const { fetchPage: ok, stats } = fakeApi(30, () => 3);
    const fetchPage = async (page: number, signal: AbortSignal) => {
      if (page === 5) throw new Error('HTTP 503 on page 5');
      return ok(page, signal);
    };
    await expect(walkPages({ fetchPage, onPage: () => {} })).rejects.toThrow('page 5');
    await sleep(10);
    expect(stats.signals.at(-1)?.aborted).toBe(true);
    expect(stats.calls.length).toBeLessThan(30);
  });
});

describe('pagesThroughCache', () => {
  function setup(totalPages: number, delay = 1) {
    const queryClient = new QueryClient({
      defaultOptions: { queries: { retry: false, staleTime: 30_000 } },
    });
    const { fetchPage, stats } = fakeApi(totalPages, () => delay);
    const optionsFor = (page: number) =>
      queryOptions({
        queryKey: ['things', 'list', { page, size: 100 }] as const,
        queryFn: ({ signal }) => fetchPage(page, signal),
      });
    return { queryClient, stats, optionsFor, fetcher: pagesThroughCache(queryClient, optionsFor) };
  }

  it('reuses pages already in the cache instead of fetching them', async () => {
    const { queryClient, stats, optionsFor, fetcher } = setup(6);
    queryClient.setQueryData(optionsFor(2).queryKey, pageOf(2, 6));
    queryClient.setQueryData(optionsFor(4).queryKey, pageOf(4, 6));
    const seen: number[] = [];
    await walkPages({ fetchPage: fetcher, onPage: (page) => seen.push(page.page) });
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
    expect(stats.calls.sort()).toEqual([1, 3, 5, 6]);
  });

  it('shares pages between walks: a second walk fetches nothing', async () => {
    const { stats, fetcher } = setup(5);
    await walkPages({ fetchPage: fetcher, onPage: () => {} });
    expect(stats.calls).toHaveLength(5);
    await walkPages({ fetchPage: fetcher, onPage: () => {} });
    expect(stats.calls).toHaveLength(5);
  });

  it('keeps only the first pages in the cache, so a long walk does not fill memory', async () => {
    const { queryClient, optionsFor, stats } = setup(8);
    const fetcher = pagesThroughCache(queryClient, optionsFor, { keepPages: 3 });
    await walkPages({ fetchPage: fetcher, onPage: () => {} });
    await sleep(5); // gcTime 0 removes the query on the next tick
    const cached = [1, 2, 3, 4, 5, 6, 7, 8].filter(
      (page) => queryClient.getQueryData(optionsFor(page).queryKey) !== undefined,
    );
    expect(cached).toEqual([1, 2, 3]);
    expect(stats.calls).toHaveLength(8);
  });

  it('cancels the request behind an aborted page', async () => {
    const { queryClient, optionsFor, stats, fetcher } = setup(3, 50);
    const controller = new AbortController();
    const pending = fetcher(1, controller.signal);
    await sleep(0);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(stats.signals[0]?.aborted).toBe(true);
    expect(queryClient.getQueryData(optionsFor(1).queryKey)).toBeUndefined();
  });
});
