import { createRoot, hydrateRoot } from 'react-dom/client';
import { preloadView } from './app';
import { createQueryClient } from './lib/query-client';
import { browserLocale, setHydrationHints } from './lib/render-context';
import { hydrateFromPage, readSsrState } from './lib/ssr-state';
import { currentView } from './lib/view/view';
import { startupQueries } from './pages/startup-queries';
import { Root } from './root';
import './styles.css';

const queryClient = createQueryClient();
const view = currentView();
void preloadView(view);

// A page the server rendered carries the data it rendered with (server/ssr.ts).
const ssr = readSsrState(document);
if (ssr) hydrateFromPage(queryClient, ssr.queries);

// A shared link's first page is requested now, while the view's code loads (it is a lazy
// chunk): the view finds it in the cache under the same key. Data the page carried is fresh,
// so nothing is asked twice.
for (const query of startupQueries(view)) void queryClient.prefetchQuery(query);

const root = document.getElementById('root')!;
const app = <Root queryClient={queryClient} search={window.location.search} />;
// Hydrate the server's HTML when it was rendered in this browser's locale and time zone; a
// first visit (the zone is not known yet, public/theme.js remembers it) renders afresh.
const { locale, timeZone } = browserLocale();
if (ssr && ssr.hints.locale === locale && ssr.hints.timeZone === timeZone) {
  setHydrationHints(ssr.hints);
  hydrateRoot(root, app, {
    // Where the server's HTML and the browser's first render differ: React recovers by
    // rendering that part afresh; the component stack says which part it was.
    onRecoverableError: (error, info) =>
      console.error('Server HTML and first render differ:', error, info.componentStack ?? ''),
  });
} else {
  createRoot(root).render(app);
}
