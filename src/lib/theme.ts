/**
 * Light or dark: the reader picks System (follow prefers-color-scheme), Light or Dark; the
 * choice is kept in localStorage, and the `dark` class on <html> switches Tailwind's dark:
 * variants. public/theme.js applies the same choice before the first paint (an external script,
 * since the CSP forbids inline ones); keep the key and the rule here and there in step.
 */
import { useCallback, useEffect, useSyncExternalStore } from 'react';

export const THEME_PREFERENCES = ['system', 'light', 'dark'] as const;
export type ThemePreference = (typeof THEME_PREFERENCES)[number];
export type Theme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'sigmamind-theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

export function readThemePreference(): ThemePreference {
  try {
    const stored = window.localStorage.getItem(THEME_STORAGE_KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system'; // storage blocked: follow the system
  }
}

export function storeThemePreference(preference: ThemePreference): void {
  try {
    if (preference === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, preference);
  } catch {
    // storage blocked: the choice lasts for this page only
  }
}

export function resolveTheme(preference: ThemePreference, systemPrefersDark: boolean): Theme {
  if (preference === 'system') return systemPrefersDark ? 'dark' : 'light';
  return preference;
}

export function applyTheme(theme: Theme): void {
  document.documentElement.classList.toggle('dark', theme === 'dark');
}

function darkQuery(): MediaQueryList | undefined {
  return typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : undefined;
}

function subscribeToSystem(onChange: () => void): () => void {
  const query = darkQuery();
  query?.addEventListener('change', onChange);
  return () => query?.removeEventListener('change', onChange);
}

const systemPrefersDark = () => darkQuery()?.matches ?? false;

/** Tabs and components that show the choice hear of a change made here. */
const preferenceListeners = new Set<() => void>();

function subscribeToPreference(onChange: () => void): () => void {
  preferenceListeners.add(onChange);
  // A choice made in another tab applies here too.
  const onStorage = (event: StorageEvent) => {
    if (event.key === THEME_STORAGE_KEY || event.key === null) onChange();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    preferenceListeners.delete(onChange);
    window.removeEventListener('storage', onStorage);
  };
}

/**
 * The reader's choice and the theme it gives now; follows the system and other tabs. A server
 * render (and the hydration of its HTML) cannot read the choice, so it shows System until the
 * browser's own takes over; public/theme.js has already applied the right colours by then.
 */
export function useTheme() {
  const preference = useSyncExternalStore(
    subscribeToPreference,
    readThemePreference,
    () => 'system' as const,
  );
  const systemDark = useSyncExternalStore(subscribeToSystem, systemPrefersDark, () => false);
  const theme = resolveTheme(preference, systemDark);

  // Applies the live choice, not the rendered one: while hydrating, the render shows System
  // and must not undo what public/theme.js applied.
  useEffect(() => applyTheme(resolveTheme(readThemePreference(), systemPrefersDark())), [theme]);

  const setPreference = useCallback((next: ThemePreference) => {
    storeThemePreference(next);
    preferenceListeners.forEach((notify) => notify());
  }, []);

  return { preference, theme, setPreference };
}
