import { describe, expect, it } from 'vitest';
import { AgentMirror } from './agent-mirror.ts';
import { batch, fakeApi, newestFirst, PERSONA } from './fake-api.ts';
import { Mirrors } from './mirrors.ts';
import type { UpstreamGet } from './upstream.ts';

/** The test's clock: batches are from January 2026, so "now" is a day later. */
let now = Date.UTC(2026, 0, 2);
const mirrorOf = (get: UpstreamGet) => new AgentMirror('a1', get, 3, undefined, 0, () => now);

describe('filling', () => {
  it('walks every page newest first and holds each batch once', async () => {
    const { api, get } = fakeApi(newestFirst(250));
    const mirror = mirrorOf(get);
    await mirror.fill();
    expect(mirror.coverage).toEqual({ searched: 250, of: 250, complete: true });
    expect(mirror.batches.map((b) => b.batchId)).toEqual(api.list.map((b) => b.batchId));
    expect(api.requests).toHaveLength(3);
  });

  it('shares one walk among concurrent callers', async () => {
    const { api, get } = fakeApi(newestFirst(520));
    const mirror = mirrorOf(get);
    await Promise.all(Array.from({ length: 10 }, () => mirror.refresh()));
    expect(api.requests).toHaveLength(6);
  });

  it('stores a repeated string once', async () => {
    const { get } = fakeApi(newestFirst(300));
    const mirror = mirrorOf(get);
    await mirror.fill();
    // 300 batches parsed from 3 pages, hold their 10 distinct strings once.
    expect(mirror.distinctStrings).toBe(10);
    expect(mirror.batches[299]!.testCases[0]!.userPrompt).toBe(PERSONA);
  });
});

describe('the head of a filling mirror', () => {
  it('is held after the first page, long before the walk ends', async () => {
    const { api, get } = fakeApi(newestFirst(1000));
    // Pages after the first wait until released: the walk cannot end meanwhile.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow: UpstreamGet = async (path, options) => {
      if (!path.includes('page=0&')) await held;
      return get(path, options);
    };
    const mirror = mirrorOf(slow);
    expect(mirror.holds(20)).toBe(false);
    const walk = mirror.fill();
    await mirror.holding(20);
    expect(mirror.holds(20)).toBe(true);
    expect(mirror.coverage.complete).toBe(false);
    expect(mirror.batches.slice(0, 20).map((b) => b.batchId)).toEqual(
      api.list.slice(0, 20).map((b) => b.batchId),
    );
    // More than a page: once the pages that hold them are in.
    let holding250 = false;
    const more = mirror.holding(250).then(() => (holding250 = true));
    await Promise.resolve();
    expect(holding250).toBe(false);
    release();
    await more;
    expect(mirror.batches.length).toBeGreaterThanOrEqual(250);
    await walk;
  });

  it('holds all an agent has when it has fewer', async () => {
    const { get } = fakeApi(newestFirst(5));
    const mirror = mirrorOf(get);
    void mirror.fill();
    await mirror.holding(20);
    expect(mirror.holds(20)).toBe(true);
    expect(mirror.batches).toHaveLength(5);
  });

  it('lets waiters go when the walk fails, holding nothing', async () => {
    const mirror = mirrorOf(() => Promise.reject(new Error('502 from the API')));
    const walk = mirror.fill().catch(() => 'failed');
    await mirror.holding(20);
    expect(mirror.holds(20)).toBe(false);
    expect(await walk).toBe('failed');
  });

  it('is not held again after a reset until the new walk reads page 0', async () => {
    const { api, get } = fakeApi(newestFirst(150));
    // Calls after the first `free` wait until released.
    let free = Infinity;
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const gated: UpstreamGet = async (path, options) => {
      if (free-- <= 0) await gate;
      return get(path, options);
    };
    const mirror = mirrorOf(gated);
    await mirror.fill();
    expect(mirror.holds(20)).toBe(true);
    // A shrunk count starts a new walk: the head check passes, the walk's page 0 waits.
    api.list = api.list.slice(1);
    free = 1;
    const refresh = mirror.refresh();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(mirror.holds(20)).toBe(false);
    const page0 = mirror.holding(20);
    release();
    await page0;
    expect(mirror.holds(20)).toBe(true);
    await refresh;
    expect(mirror.batches).toHaveLength(149);
  });
});

describe('refresh', () => {
  it('adds only the new batches at the head', async () => {
    const { api, get } = fakeApi(newestFirst(150));
    const mirror = mirrorOf(get);
    await mirror.fill();
    api.list = [...newestFirst(3, 150), ...api.list];
    api.requests = [];
    await mirror.refresh();
    expect(api.requests).toHaveLength(1);
    expect(mirror.coverage).toEqual({ searched: 153, of: 153, complete: true });
    expect(mirror.batches.slice(0, 4).map((b) => b.batchId)).toEqual([
      'b153',
      'b152',
      'b151',
      'b150',
    ]);
  });

  it('reads an unfinished batch past the head by id until it finishes', async () => {
    const list = newestFirst(150);
    list[120] = batch(30, { finished: 1 });
    const { api, get } = fakeApi(list);
    const mirror = mirrorOf(get);
    await mirror.fill();
    api.list[120] = batch(30, { finished: 2 });
    api.requests = [];
    await mirror.refresh();
    // Not yet due: a day-old unfinished batch is read again after an hour.
    expect(api.requests).toHaveLength(1);
    now += 3_600_000;
    api.requests = [];
    await mirror.refresh();
    expect(api.requests).toEqual([
      '/v1/batch-runs?agentId=a1&page=0&size=100',
      '/v1/batch-runs/b30?agentId=a1',
    ]);
    expect(mirror.batches[120]!.totalAttempts).toBe(2);
    now += 3_600_000;
    api.requests = [];
    await mirror.refresh();
    expect(api.requests).toHaveLength(1);
  });

  it('walks again when a batch was deleted', async () => {
    const { api, get } = fakeApi(newestFirst(150));
    const mirror = mirrorOf(get);
    await mirror.fill();
    api.list.splice(40, 1);
    api.requests = [];
    await mirror.refresh();
    expect(api.requests).toHaveLength(3);
    expect(mirror.coverage).toEqual({ searched: 149, of: 149, complete: true });
    expect(mirror.batches.some((b) => b.batchId === 'b110')).toBe(false);
  });

  it('walks again when a new batch is added and an old one deleted (the order does not line up)', async () => {
    const { api, get } = fakeApi(newestFirst(150));
    const mirror = mirrorOf(get);
    await mirror.fill();
    api.list = [batch(151), ...api.list.slice(0, 149)];
    await mirror.refresh();
    expect(mirror.batches.map((b) => b.batchId)).toEqual(api.list.map((b) => b.batchId));
  });
});

describe('the memory budget', () => {
  it('drops the least recently used agents first, never the one in use', async () => {
    const { get } = fakeApi(newestFirst(200));
    const probe = new AgentMirror('probe', get);
    await probe.fill();
    const mirrors = new Mirrors({
      get,
      budgetBytes: probe.size * 2.5,
      now: (() => {
        let t = 0;
        return () => ++t;
      })(),
    });
    await mirrors.for('a').fill();
    await mirrors.for('b').fill();
    mirrors.for('a');
    await mirrors.for('c').fill();
    expect([mirrors.has('a'), mirrors.has('b'), mirrors.has('c')]).toEqual([true, false, true]);
    expect(mirrors.bytes).toBeLessThanOrEqual(probe.size * 2.5);
  });
});
