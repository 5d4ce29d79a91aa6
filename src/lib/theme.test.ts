import { beforeEach, describe, expect, it } from 'vitest';
import earlyThemeScript from '../../public/theme.js?raw';
import { THEME_STORAGE_KEY, readThemePreference, resolveTheme } from './theme';

const isDark = () => document.documentElement.classList.contains('dark');

/** Runs code as a classic script element, in the page's own window, as the browser would. */
function runScript(code: string) {
  const script = document.createElement('script');
  script.textContent = code;
  document.head.append(script);
  script.remove();
}

beforeEach(() => {
  localStorage.clear();
  document.documentElement.classList.remove('dark');
});

describe('resolveTheme and the stored choice', () => {
  it('follows the system unless the reader chose', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('reads junk in storage as System', () => {
    localStorage.setItem(THEME_STORAGE_KEY, 'purple');
    expect(readThemePreference()).toBe('system');
    localStorage.setItem(THEME_STORAGE_KEY, 'dark');
    expect(readThemePreference()).toBe('dark');
  });
});

describe('public/theme.js (runs before the app, so the first paint has the right theme)', () => {
  /** jsdom has no matchMedia; the script sees this one. */
  const systemPrefers = (dark: boolean) =>
    runScript(`window.matchMedia = () => ({ matches: ${String(dark)} });`);

  it('applies the stored choice under the same key as the app', () => {
    systemPrefers(false);
    localStorage.setItem(THEME_STORAGE_KEY, 'dark');
    runScript(earlyThemeScript);
    expect(isDark()).toBe(true);
    systemPrefers(true);
    localStorage.setItem(THEME_STORAGE_KEY, 'light');
    runScript(earlyThemeScript);
    expect(isDark()).toBe(false);
  });

  it('follows the system without a stored choice', () => {
    systemPrefers(true);
    runScript(earlyThemeScript);
    expect(isDark()).toBe(true);
    systemPrefers(false);
    runScript(earlyThemeScript);
    expect(isDark()).toBe(false);
  });
});
