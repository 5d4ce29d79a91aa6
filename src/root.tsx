import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { NuqsAdapter } from 'nuqs/adapters/react';
import { StrictMode } from 'react';
import { App } from './app';

/**
 * The whole tree, the same in the browser (main.tsx) and on the server (entry-server.tsx), so
 * hydration meets what the server rendered. `search` is the URL's query the server rendered
 * (nuqs reads it where there is no address bar, and while hydrating); after that the browser's
 * address bar is the URL.
 */
export function Root({ queryClient, search }: { queryClient: QueryClient; search: string }) {
  return (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <NuqsAdapter serverSearch={search}>
          <App />
        </NuqsAdapter>
      </QueryClientProvider>
    </StrictMode>
  );
}
