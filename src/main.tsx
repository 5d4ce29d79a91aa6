import { QueryClientProvider } from '@tanstack/react-query';
import { NuqsAdapter } from 'nuqs/adapters/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { batchRunsQueries } from './features/batch-runs/api/batch-runs-queries';
import { createQueryClient } from './lib/query-client';
import { currentView } from './lib/view/view';
import './styles.css';

const queryClient = createQueryClient();

// A shared link's first page is requested now, while the view's code loads (it is a lazy
// chunk): the view finds it in the cache under the same key.
const view = currentView();
if (view.agentId && !view.compare) {
  // A filtered link's search starts with the first page of 100 (the walker's page size).
  const first = view.filters ? { page: 1, size: 100 } : view;
  void queryClient.prefetchQuery(
    batchRunsQueries.list({ agentId: view.agentId, page: first.page, size: first.size }),
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <NuqsAdapter>
        <App />
      </NuqsAdapter>
    </QueryClientProvider>
  </StrictMode>,
);
