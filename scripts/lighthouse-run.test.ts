import { describe, expect, it } from 'vitest';
import { cpuBlockingTime } from './lighthouse-run';

const main = { pid: 1, tid: 7 };
const task = (ts: number, dur: number, tdur: number, thread = main) => ({
  name: 'RunTask',
  ph: 'X',
  ...thread,
  ts: ts * 1000,
  dur: dur * 1000,
  tdur: tdur * 1000,
});

describe('blocking time from CPU time', () => {
  it('counts the main thread’s tasks after the first paint by their CPU time, slowed down', () => {
    const events = [
      { name: 'firstContentfulPaint', ph: 'R', ...main, ts: 1_000_000 },
      task(500, 200, 100), // before the first paint
      task(1_100, 40, 30), // 4 × 30 = 120 ms: 70 blocking
      task(1_200, 90, 10), // a long wait for a CPU, 10 ms of work: 40 ms, not blocking
      task(1_300, 60, 60, { pid: 1, tid: 8 }), // another thread
      task(1_400, 20, 20), // 80 ms: 30 blocking
    ];
    expect(cpuBlockingTime(events, 4)).toBe(100);
    expect(cpuBlockingTime(events, 1)).toBe(0);
  });

  it('is not a number without a first paint', () => {
    expect(cpuBlockingTime([task(0, 100, 100)], 4)).toBeNaN();
  });
});
