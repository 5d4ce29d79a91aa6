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

  // The server renders the next page for this browser: its time zone and width, remembered in
  // two cookies (server/ssr.ts reads them; they carry nothing else).
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const attributes = `; path=/; max-age=31536000; SameSite=Lax${window.location.protocol === 'https:' ? '; Secure' : ''}`;
    document.cookie = `sm-tz=${encodeURIComponent(zone)}${attributes}`;
    document.cookie = `sm-vw=${Math.round(window.innerWidth)}${attributes}`;
  } catch {
    // cookies disabled: pages are rendered for UTC and a wide screen, then redrawn
  }
})();
