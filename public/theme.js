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

  // Intl's first use loads its locale data: 30-70 ms here, four times that on a phone. Done
  // now, while the page is still arriving and before its first paint, it is not a long task
  // after that paint (Lighthouse mobile's TBT): the app reads the reader's zone
  // (src/lib/render-context.ts) and formats dates at once. Numbers load data of their own
  // (1.5-5 ms more), which the page's first render otherwise paid inside one component.
  try {
    new Intl.DateTimeFormat().resolvedOptions();
    new Intl.NumberFormat().format(0);
  } catch {
    // no Intl: the app says so
  }

  // The server renders the next page for this browser's width, remembered in a cookie
  // (server/ssr.ts reads it; it carries nothing else). The time zone is remembered by the app
  // (src/lib/render-context.ts), which reads it once the app runs.
  try {
    document.cookie = `sm-vw=${Math.round(window.innerWidth)}; path=/; max-age=31536000; SameSite=Lax${window.location.protocol === 'https:' ? '; Secure' : ''}`;
  } catch {
    // cookies disabled: pages are rendered for a wide screen, then redrawn
  }
})();
