// Applies the reader's theme before the first paint, so a dark-mode reader never sees a white
// flash. An external classic script (the CSP forbids inline ones), loaded in <head> before the
// stylesheet. Same key and rule as src/lib/theme.ts, which takes over once the app runs.
/* global document, window */
(() => {
  let choice = null;
  try {
    choice = window.localStorage.getItem('sigmamind-theme');
  } catch {
    // storage blocked: follow the system
  }
  const dark =
    choice === 'dark' ||
    (choice !== 'light' &&
      typeof window.matchMedia === 'function' &&
      window.matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);

  // The server renders the next page for this browser's width, remembered in a cookie
  // (server/ssr.ts reads it; it carries nothing else). The time zone is remembered by the app
  // (src/lib/render-context.ts): finding it costs Intl 20 ms, too much before the first paint.
  try {
    document.cookie = `sm-vw=${Math.round(window.innerWidth)}; path=/; max-age=31536000; SameSite=Lax${window.location.protocol === 'https:' ? '; Secure' : ''}`;
  } catch {
    // cookies disabled: pages are rendered for a wide screen, then redrawn
  }
})();
