import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BatchRun, BatchRunPage } from '../../../contract/api-schemas';
import { pageInfo, pageSlice } from '../../../contract/paging';
import { makeBatch } from '../../test/fixtures';
import { NO_FILTERS, type Filters } from '../../lib/view/view';
import { searchMatches, type SearchProgress } from './search-matches';

afterEach(() => {
  vi.unstubAllEnvs();
});

/** An agent of `batches`, served 100 per page, recording the pages asked. */
function agentOf(batches: BatchRun[]) {
  const asked: number[] = [];
  const fetchPage = async (page: number, signal: AbortSignal): Promise<BatchRunPage> => {
    asked.push(page);
    await new Promise((resolve) => setTimeout(resolve, 1));
    signal.throwIfAborted();
    const paging = { page: page - 1, size: 100 };
    const [start, end] = pageSlice(batches.length, paging);
    return { ...pageInfo(batches.length, paging), data: batches.slice(start, end) };
  };
  return { fetchPage, asked };
}

/** Hourly batches, newest first from 2026-03-26 10:00 UTC; every third one failed. */
const hourly = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    makeBatch(i, i % 3 === 0 ? { successfulAttempts: 5, failedAttempts: 0 } : {}),
  );

async function search(batches: BatchRun[], filters: Partial<Filters>) {
  const agent = agentOf(batches);
  const seen: string[] = [];
  const updates: SearchProgress[] = [];
  const result = await searchMatches({
    fetchPage: agent.fetchPage,
    filters: { ...NO_FILTERS, ...filters },
    onMatches: (found, progress) => {
      seen.push(...found.map((batch) => batch.batchId));
      updates.push(progress);
    },
  });
  return { result, seen, updates, asked: agent.asked };
}

describe('searchMatches', () => {
  it('walks every page and keeps the matches in list order', async () => {
    const batches = hourly(1234);
    const { result, seen, asked, updates } = await search(batches, { outcome: 'failed' });
    const expected = batches.filter((b) => b.failedAttempts > 0).map((b) => b.batchId);
    expect(seen).toEqual(expected);
    expect(asked.sort((a, b) => a - b)).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(result).toMatchObject({ searched: 1234, totalCount: 1234, matches: expected.length });
    expect(updates.map((u) => u.searched)).toEqual([
      ...Array.from({ length: 12 }, (_, i) => (i + 1) * 100),
      1234,
    ]);
  });

  it('stops at the first batch older than `since` when dates come newest first', async () => {
    // 2026-03-26 10:00 UTC back hourly: since 2026-03-20 is about 6 days = ~150 batches.
    vi.stubEnv('TZ', 'UTC');
    const batches = hourly(5000);
    const { result, seen, asked } = await search(batches, { since: '2026-03-20' });
    const inRange = batches.filter((b) => b.createdDate >= '2026-03-20');
    expect(seen).toEqual(inRange.map((b) => b.batchId));
    expect(result).toMatchObject({
      stoppedEarly: true,
      outOfOrder: false,
      searched: inRange.length,
    });
    // Page 2 holds the boundary; at most the 4 in flight beyond it were asked.
    expect(asked.length).toBeLessThanOrEqual(2 + 4);
  });

  it('searches everything when the dates are out of order, and says so', async () => {
    vi.stubEnv('TZ', 'UTC');
    const batches = hourly(500);
    // The two newest swapped: not newest-first, so a batch past `since` proves nothing.
    const shuffled = [batches[1]!, batches[0]!, ...batches.slice(2)];
    const { result, seen, asked } = await search(shuffled, { since: '2026-03-20' });
    expect(result).toMatchObject({ outOfOrder: true, stoppedEarly: false, searched: 500 });
    expect(asked).toHaveLength(5);
    expect(seen).toEqual(
      shuffled.filter((b) => b.createdDate >= '2026-03-20').map((b) => b.batchId),
    );
  });

  it('stops when its signal aborts', async () => {
    const agent = agentOf(hourly(3000));
    const controller = new AbortController();
    const walk = searchMatches({
      fetchPage: agent.fetchPage,
      filters: NO_FILTERS,
      signal: controller.signal,
      onMatches: (_, progress) => {
        if (progress.searched >= 300) controller.abort();
      },
    });
    await expect(walk).rejects.toThrow();
    expect(agent.asked.length).toBeLessThan(30);
  });
});
