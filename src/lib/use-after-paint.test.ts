import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useAfterPaint } from './use-after-paint';

beforeEach(() => {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'],
  });
});
afterEach(() => vi.useRealTimers());

describe('useAfterPaint', () => {
  it('returns the first value at once', () => {
    const { result } = renderHook(() => useAfterPaint('a'));
    expect(result.current).toBe('a');
  });

  it('returns a new value only after the next frame has been painted', () => {
    const { result, rerender } = renderHook(({ value }) => useAfterPaint(value), {
      initialProps: { value: 'a' },
    });
    rerender({ value: 'b' });
    expect(result.current).toBe('a');
    act(() => {
      vi.advanceTimersToNextFrame();
    }); // the frame: its paint comes after its callbacks
    expect(result.current).toBe('a');
    act(() => {
      vi.advanceTimersByTime(1);
    }); // the task queued from the frame (fake timers: 1 ms)
    expect(result.current).toBe('b');
  });

  it('catches up without frames (a tab in the background), and only with the latest value', () => {
    const { result, rerender } = renderHook(({ value }) => useAfterPaint(value), {
      initialProps: { value: 'a' },
    });
    rerender({ value: 'b' });
    rerender({ value: 'c' });
    act(() => {
      vi.advanceTimersByTime(250);
    });
    expect(result.current).toBe('c');
  });
});
