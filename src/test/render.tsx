import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { NuqsAdapter } from 'nuqs/adapters/react';
import type { ReactElement } from 'react';

/** Renders with a fresh QueryClient (no retries) and the URL set to `url`. */
export function renderWithProviders(ui: ReactElement, { url = '/' }: { url?: string } = {}) {
  window.history.replaceState(null, '', url);
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity } },
  });
  const result = render(
    <QueryClientProvider client={queryClient}>
      <NuqsAdapter>{ui}</NuqsAdapter>
    </QueryClientProvider>,
  );
  return { ...result, queryClient };
}
