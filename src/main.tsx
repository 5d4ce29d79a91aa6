import { startTransition } from 'react';
import { preloadView } from './app';
import { holdRequests } from './lib/api-client';
import { createQueryClient } from './lib/query-client';
import { browserLocale, rememberTimeZone, setHydrationHints } from './lib/render-context';
import { yieldToBrowser } from './lib/run-in-slices';
import { hydrateFromPage, readSsrState } from './lib/ssr-state';
import { currentView } from './lib/view/view';
import { Root } from './root';
import './styles.css';

const queryClient = createQueryClient();
const view = currentView();
// The code of the view the URL names starts loading at once (the page does not preload it:
// those requests would compete with what the first paint needs).
const viewCode = preloadView(view);
const reactDom = import('./lib/react-dom/react-dom-client');

// A page the server rendered carries the data it rendered with (server/ssr.ts).
const ssr = readSsrState(document);
if (ssr) {
  // Its batch runs come as the API sent them (carried-batch-runs.ts), read here again. Each
  // step of start-up is a task of its own (yieldToBrowser): on a phone's CPU, together they
  // would hold the main thread for several hundred milliseconds after the first paint.
  const { expandBatchRuns } = await import('./lib/carried-batch-runs');
  const queries = expandBatchRuns(ssr.queries);
  await yieldToBrowser();
  hydrateFromPage(queryClient, queries);
  // What the API told the server to wait before asking again, the browser waits too.
  holdRequests(ssr.notBefore);
}

// React DOM is evaluated in a task of its own: together with the app's modules, evaluating it
// was one task of 180-260 ms on a phone's CPU after the first paint.
const { createRoot, hydrateRoot } = await reactDom;
await yieldToBrowser();
const root = document.getElementById('root')!;
const app = <Root queryClient={queryClient} search={window.location.search} />;
if (ssr && document.visibilityState === 'visible') {
  // The server's HTML is painted before anything else runs: finding the time zone and
  // hydrating take a long task, which would otherwise hold the first paint back. (A tab opened
  // in the background has no frames to wait for.)
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
// Hydrate the server's HTML when it was rendered in this browser's locale and time zone; a
// first visit (the zone is not known yet) renders afresh, and the zone is remembered for the next.
const { locale, timeZone } = browserLocale();
rememberTimeZone(timeZone);
if (ssr) await yieldToBrowser();
if (ssr && ssr.hints.locale === locale && ssr.hints.timeZone === timeZone) {
  setHydrationHints(ssr.hints);
  // The view's code first (loading since start-up), so the whole page hydrates in one pass;
  // nothing is fetched before then: an answer arriving mid-way would differ from the HTML.
  // What the page did not carry, its views ask for as they mount.
  await viewCode;
  // In a transition, hydration is time-sliced: React yields to the browser every few
  // milliseconds instead of holding the main thread for the whole page (on a phone's CPU, one
  // long task of several hundred milliseconds). The server's HTML stays shown meanwhile.
  startTransition(() => {
    hydrateRoot(root, app, {
      // Where the server's HTML and the browser's first render differ: React recovers by
      // rendering that part afresh; the component stack says which part it was.
      onRecoverableError: (error, info) =>
        console.error('Server HTML and first render differ:', error, info.componentStack ?? ''),
    });
  });
} else {
  // A shared link's first page is requested as soon as its reader loads (a small chunk the view
  // shares), while the view's code loads: the view finds it in the cache under the same key.
  // What the page carried is not asked again.
  void import('./pages/startup-queries').then(({ prefetchStartup }) => {
    void Promise.all(prefetchStartup(queryClient, view, true));
  });
  // Time-sliced as well; the server's HTML, if any, stays until the page replaces it.
  const fresh = createRoot(root);
  startTransition(() => fresh.render(app));
}
