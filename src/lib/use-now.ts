/**
 * One shared clock for relative times ("3 minutes ago"): every component that shows one reads
 * it, and a single interval ticks while any of them is mounted, so ages never freeze.
 */
import { useSyncExternalStore } from 'react';
import { renderedHints } from './render-context';

export const NOW_TICK_MS = 10_000;

let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      listeners.forEach((notify) => notify());
    }, NOW_TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const read = () => now;
/** A server render, and the hydration of its HTML, show ages against the time it rendered at. */
const readRendered = () => renderedHints()?.now ?? now;

/** The current time, re-rendering the caller every NOW_TICK_MS. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, read, readRendered);
}
