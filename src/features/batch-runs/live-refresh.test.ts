import { describe, expect, it } from 'vitest';
import { makeBatch } from '../../test/fixtures';
import { STALLED_AFTER_MS, isRunning } from '../../lib/batch-state';
import {
  LIVE_REFRESH_MS,
  SLOW_REFRESH_MS,
  hasRunningBatch,
  liveRefetchInterval,
} from './live-refresh';

const NOW = Date.UTC(2026, 10, 28, 12);
const minutesAgo = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();

/** A batch whose single test case asks for 5 attempts, `finished` of them done. */
function batch(finished: number, createdDate = minutesAgo(1)) {
  return makeBatch(0, {
    createdDate,
    successfulAttempts: finished,
    failedAttempts: 0,
    totalAttempts: finished,
  });
}

describe('isRunning', () => {
  it('is true for a young batch with attempts pending', () => {
    expect(isRunning(batch(0), NOW)).toBe(true);
    expect(isRunning(batch(4), NOW)).toBe(true);
  });

  it('is false once every attempt has finished', () => {
    expect(isRunning(batch(5), NOW)).toBe(false);
  });

  it('takes a batch unfinished for longer than the stall limit as stalled', () => {
    const justUnder = new Date(NOW - STALLED_AFTER_MS + 1).toISOString();
    const atLimit = new Date(NOW - STALLED_AFTER_MS).toISOString();
    expect(isRunning(batch(2, justUnder), NOW)).toBe(true);
    expect(isRunning(batch(2, atLimit), NOW)).toBe(false);
  });

  it('counts a batch dated ahead of our clock as young', () => {
    expect(isRunning(batch(1, minutesAgo(-5)), NOW)).toBe(true);
  });
});

describe('liveRefetchInterval', () => {
  it('polls while any batch on the page runs', () => {
    const page = { data: [batch(5), batch(3), batch(5)] };
    expect(hasRunningBatch(page, NOW)).toBe(true);
    expect(liveRefetchInterval(page, 1, NOW)).toBe(LIVE_REFRESH_MS);
    expect(liveRefetchInterval(page, 4, NOW)).toBe(LIVE_REFRESH_MS);
  });

  it('stops on a later page when all have finished, or only stalled ones are left', () => {
    expect(liveRefetchInterval({ data: [batch(5), batch(5)] }, 2, NOW)).toBe(false);
    expect(
      liveRefetchInterval({ data: [batch(5), batch(1, minutesAgo(60 * 24 * 30))] }, 2, NOW),
    ).toBe(false);
  });

  it('keeps the first page on the slow cycle when nothing runs, so a new batch appears', () => {
    expect(liveRefetchInterval({ data: [batch(5), batch(5)] }, 1, NOW)).toBe(SLOW_REFRESH_MS);
    expect(liveRefetchInterval({ data: [] }, 1, NOW)).toBe(SLOW_REFRESH_MS);
    expect(liveRefetchInterval(undefined, 1, NOW)).toBe(SLOW_REFRESH_MS);
  });

  it('does not poll a later page without data or for an empty page', () => {
    expect(liveRefetchInterval(undefined, 2, NOW)).toBe(false);
    expect(liveRefetchInterval({ data: [] }, 2, NOW)).toBe(false);
  });
});
