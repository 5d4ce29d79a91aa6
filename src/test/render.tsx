import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { NuqsAdapter } from 'nuqs/adapters/react';
import type { ReactElement } from 'react';

export function createTestQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
}

/** Renders with a fresh QueryClient (no retries), or the one given, and the URL set to `url`. */
export function renderWithProviders(
  ui: ReactElement,
  {
    url = '/',
    queryClient = createTestQueryClient(),
  }: { url?: string; queryClient?: QueryClient } = {},
) {
  window.history.replaceState(null, '', url);
  const result = render(
    <QueryClientProvider client={queryClient}>
      <NuqsAdapter>{ui}</NuqsAdapter>
    </QueryClientProvider>,
  );
  return { ...result, queryClient };
}
