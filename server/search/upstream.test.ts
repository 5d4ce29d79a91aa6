import { describe, expect, it } from 'vitest';
import { AgentMirror } from './agent-mirror.ts';
import { retryAfterMs, upstreamGet, UpstreamError } from './upstream.ts';

const page = (page: number, totalCount: number) =>
  Response.json({
    data: Array.from({ length: Math.min(100, totalCount - page * 100) }, (_, i) => ({
      batchId: `b${page * 100 + i}`,
      createdDate: '2026-01-01T00:00:00Z',
      testCases: [],
    })),
    page,
    size: 100,
    totalCount,
    totalPages: Math.ceil(totalCount / 100),
    hasNext: (page + 1) * 100 < totalCount,
    hasPrevious: page > 0,
  });

describe('reading through the forwarder', () => {
  it('waits out a 429 mid-walk as Retry-After says, then continues the walk', async () => {
    const waits: number[] = [];
    const asked: number[] = [];
    let throttled = false;
    const handler = (request: Request) => {
      const n = Number(new URL(request.url).searchParams.get('page'));
      asked.push(n);
      if (n === 2 && !throttled) {
        throttled = true;
        return Promise.resolve(
          new Response('slow down', { status: 429, headers: { 'Retry-After': '3' } }),
        );
      }
      return Promise.resolve(page(n, 350));
    };
    const get = upstreamGet(handler, {
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    });
    const mirror = new AgentMirror('a1', get, 1);
    await mirror.fill();
    expect(waits).toEqual([3000]);
    expect(asked).toEqual([0, 1, 2, 2, 3]);
    expect(mirror.coverage).toEqual({ searched: 350, of: 350, complete: true });
  });

  it('fails the walk on other errors, and the next request walks again', async () => {
    let fail = true;
    const handler = (request: Request) => {
      if (fail) return Promise.resolve(new Response('no', { status: 500 }));
      return Promise.resolve(page(Number(new URL(request.url).searchParams.get('page')), 50));
    };
    const mirror = new AgentMirror('a1', upstreamGet(handler));
    await expect(mirror.fill()).rejects.toBeInstanceOf(UpstreamError);
    fail = false;
    await mirror.refresh();
    expect(mirror.coverage.complete).toBe(true);
  });

  it('reads Retry-After as seconds or a date', () => {
    expect(retryAfterMs('2')).toBe(2000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(retryAfterMs(null)).toBe(1000);
  });
});
