/**
 * In the page: whether its app is ready for clicks and keys. A server-rendered page (one with
 * an `ssr-state` element) shows its rows before its code runs; app.tsx marks
 * `<html data-view-ready>` once the view has hydrated. Passed to `page.waitForFunction` by the
 * end-to-end fixtures and the bench.
 */
export const viewReady = () =>
  !document.getElementById('ssr-state') || document.documentElement.hasAttribute('data-view-ready');
