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
let started = false;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (timer === undefined) {
    // The clock's first start, as a server-rendered page hydrates, keeps the time the page was
    // rendered at until the first tick: a time that differs from the hydrated one makes React
    // re-render every age on the page at once, in one blocking task (useSyncExternalStore
    // updates are never time-sliced), 70 ms on a phone for ages that read the same.
    now = started ? Date.now() : (renderedHints()?.now ?? Date.now());
    started = true;
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
