import { createRoot, hydrateRoot } from 'react-dom/client';
import { preloadView } from './app';
import { holdRequests } from './lib/api-client';
import { createQueryClient } from './lib/query-client';
import { browserLocale, setHydrationHints } from './lib/render-context';
import { hydrateFromPage, readSsrState } from './lib/ssr-state';
import { currentView } from './lib/view/view';
import { Root } from './root';
import './styles.css';

const queryClient = createQueryClient();
const view = currentView();

// A page the server rendered carries the data it rendered with (server/ssr.ts).
const ssr = readSsrState(document);
if (ssr) {
  hydrateFromPage(queryClient, ssr.queries);
  // What the API told the server to wait before asking again, the browser waits too.
  holdRequests(ssr.notBefore);
}

const root = document.getElementById('root')!;
const app = <Root queryClient={queryClient} search={window.location.search} />;
// Hydrate the server's HTML when it was rendered in this browser's locale and time zone; a
// first visit (the zone is not known yet, public/theme.js remembers it) renders afresh.
const { locale, timeZone } = browserLocale();
if (ssr && ssr.hints.locale === locale && ssr.hints.timeZone === timeZone) {
  setHydrationHints(ssr.hints);
  // The page's code first (the server named it for preloading), so the whole page hydrates in
  // one pass; nothing is fetched before then: an answer arriving mid-way would differ from the
  // HTML. What the page did not carry, its views ask for as they mount.
  await preloadView(view);
  hydrateRoot(root, app, {
    // Where the server's HTML and the browser's first render differ: React recovers by
    // rendering that part afresh; the component stack says which part it was.
    onRecoverableError: (error, info) =>
      console.error('Server HTML and first render differ:', error, info.componentStack ?? ''),
  });
} else {
  // A shared link's first page is requested as soon as its reader loads (a small chunk the view
  // shares), while the view's code loads: the view finds it in the cache under the same key.
  // What the page carried is not asked again.
  void import('./pages/startup-queries').then(({ startupQueries }) => {
    for (const query of startupQueries(view)) {
      if (!queryClient.getQueryState(query.queryKey)) void queryClient.prefetchQuery(query);
    }
  });
  void preloadView(view);
  createRoot(root).render(app);
}
