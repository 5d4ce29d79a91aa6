import { AgentPicker } from './features/agents/agent-picker';
import { AgentsBoard } from './features/agents/agents-board';
import { UnknownAgentNote } from './features/agents/unknown-agent-note';
import { BatchRunsView } from './features/batch-runs/batch-runs-view';
import { OfflineBanner } from './components/offline-banner';
import { ThemeToggle } from './components/theme-toggle';
import { UrlRepairNotices } from './components/url-repair-notices';
import { useView } from './lib/view-state';

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
          <a
            href="/"
            onClick={(event) => {
              event.preventDefault();
              selectAgent(null);
            }}
            className="text-lg font-semibold tracking-tight"
          >
            SigmaMind{' '}
            <span className="font-normal text-slate-600 dark:text-slate-400">batch runs</span>
          </a>
          <div className="flex flex-wrap items-center gap-3">
            <AgentPicker agentId={view.agentId} onSelect={selectAgent} />
            <ThemeToggle />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl space-y-4 px-4 py-6">
        <UrlRepairNotices />
        {view.agentId ? (
          <BatchRunsView
            key={view.agentId}
            agentId={view.agentId}
            emptyNote={<UnknownAgentNote agentId={view.agentId} />}
          />
        ) : (
          <AgentsBoard onOpenAgent={selectAgent} />
        )}
      </main>
      <OfflineBanner />
    </div>
  );
}
