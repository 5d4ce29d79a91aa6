import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { StrictMode, type ComponentType, type ReactNode } from 'react';
import { App } from './app';

/**
 * The whole tree, the same in the browser (main.tsx) and on the server (entry-server.tsx), so
 * hydration meets what the server rendered. Only the URL adapter differs: the browser's reads
 * and writes the address bar, the server's reads the request's URL.
 */
export function Root({
  queryClient,
  UrlAdapter,
}: {
  queryClient: QueryClient;
  UrlAdapter: ComponentType<{ children: ReactNode }>;
}) {
  return (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <UrlAdapter>
          <App />
        </UrlAdapter>
      </QueryClientProvider>
    </StrictMode>
  );
}
