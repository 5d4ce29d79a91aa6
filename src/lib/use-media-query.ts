import { useSyncExternalStore } from 'react';
import { renderedHints } from './render-context';

/**
 * Whether a CSS media query matches now, following changes; false where matchMedia is missing.
 * A server render, and the hydration of its HTML, use what the server decided (render-context.ts).
 */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (notify) => {
      if (typeof window.matchMedia !== 'function') return () => undefined;
      const list = window.matchMedia(query);
      list.addEventListener('change', notify);
      return () => list.removeEventListener('change', notify);
    },
    () => typeof window.matchMedia === 'function' && window.matchMedia(query).matches,
    () => renderedHints()?.media[query] ?? false,
  );
}
