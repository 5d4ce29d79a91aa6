import { Suspense, useEffect } from 'react';
import { preloadable } from './components/ui/preloadable';
import { LazyBoundary } from './components/ui/lazy-boundary';
import { OfflineBanner } from './components/offline-banner';
import { ThemeToggle } from './components/theme-toggle';
import { UrlRepairNotices } from './components/url-repair-notices';
import { useView } from './lib/view/use-view';
import type { View } from './lib/view/view';
import { AppLink } from './components/ui/app-link';

// Neither view is in the first chunk (scripts/check-budgets.mjs holds it under 100 kB gzip):
// each loads on first use, and the one the URL names is requested at start-up (preloadView,
// from main.tsx), alongside the first page of data, so a shared link does not wait twice.
const AgentPage = preloadable(() =>
  import('./pages/agent/agent-page').then((module) => module.AgentPage),
);
const AgentsBoard = preloadable(() =>
  import('./features/agents/agents-board').then((module) => module.AgentsBoard),
);
// Who is signed in, the sandbox badge and the session-ended banner load beside the first view:
// none of it is needed to paint the first rows.
const SessionBar = preloadable(() =>
  import('./components/session-bar').then((module) => module.SessionBar),
);
const SessionEndedBanner = preloadable(() =>
  import('./components/session-ended-banner').then((module) => module.SessionEndedBanner),
);
const AgentPicker = preloadable(() =>
  import('./features/agents/agent-picker').then((module) => module.AgentPicker),
);

/**
 * Loads the code of everything the view a link names shows at first (its page or the board,
 * and the header's parts); after it, they render without suspending (preloadable.tsx).
 */
export function preloadView(view: Pick<View, 'agentId'>): Promise<unknown> {
  return Promise.all([
    (view.agentId ? AgentPage : AgentsBoard).preload(),
    AgentPicker.preload(),
    SessionBar.preload(),
    SessionEndedBanner.preload(),
    // A failed load is shown by the LazyBoundary when the view renders; nothing to report here.
  ]).catch(() => undefined);
}

export function App() {
  const { view, selectAgent } = useView();
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <AppLink
            href="/"
            onNavigate={() => selectAgent(null)}
            className="text-lg font-semibold tracking-tight"
          >
            SigmaMind{' '}
            <span className="font-normal text-slate-600 dark:text-slate-400">batch runs</span>
          </AppLink>
          <div className="flex flex-wrap items-center gap-3">
            <Suspense fallback={<PickerPlaceholder />}>
              <AgentPicker agentId={view.agentId} onSelect={selectAgent} />
            </Suspense>
            <ThemeToggle />
            <Suspense fallback={null}>
              <SessionBar />
            </Suspense>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl space-y-4 px-4 py-6">
        <Suspense fallback={null}>
          <SessionEndedBanner />
        </Suspense>
        {/* The repair notices sit with the view, in its boundary: a server-rendered page is
            repaired (its URL rewritten) only once the view has hydrated. */}
        {view.agentId ? (
          <LazyBoundary what="the batch runs">
            <ViewReady />
            <UrlRepairNotices />
            <AgentPage key={view.agentId} agentId={view.agentId} />
          </LazyBoundary>
        ) : (
          <LazyBoundary what="the agents">
            <ViewReady />
            <UrlRepairNotices />
            <AgentsBoard onOpenAgent={selectAgent} />
          </LazyBoundary>
        )}
      </main>
      <OfflineBanner />
    </div>
  );
}

/**
 * Marks the page once the view's code has run (`<html data-view-ready>`): a server-rendered
 * page shows its rows before then, but its buttons and shortcuts only work from then on. The
 * end-to-end tests wait for it after each navigation.
 */
function ViewReady() {
  useEffect(() => {
    document.documentElement.dataset.viewReady = '';
  }, []);
  return null;
}

/** The agent picker's box, same size, while its code loads: the header does not move. */
function PickerPlaceholder() {
  return (
    <div className="w-full sm:w-96" aria-hidden="true">
      <div className="h-[2.125rem] w-full rounded-md border border-slate-300 bg-white dark:border-slate-600 dark:bg-slate-800" />
    </div>
  );
}
