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
})();
