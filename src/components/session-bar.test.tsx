import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api-client';
import { sessionQuery } from '../lib/session';
import { createTestQueryClient, renderWithProviders } from '../test/render';
import { SessionBar } from './session-bar';
import { SessionEndedBanner } from './session-ended-banner';

function withSession(user: { email: string; name: string | null } | null) {
  const queryClient = createTestQueryClient();
  queryClient.setQueryData(sessionQuery.queryKey, { sandbox: false, signIn: true, user });
  renderWithProviders(
    <>
      <SessionBar />
      <SessionEndedBanner />
    </>,
    { queryClient },
  );
  return queryClient;
}

/** A /v1 answer of 401 from the dashboard's sign-in, as apiGet reports it. */
async function signInAsked(queryClient: ReturnType<typeof withSession>, hadSession: boolean) {
  await act(() =>
    queryClient.prefetchQuery({
      queryKey: ['agents', { hadSession }],
      queryFn: () =>
        Promise.reject(
          new ApiError('http', 'Sign in', {
            status: 401,
            path: '/v1/agents',
            sessionEnded: true,
            hadSession,
          }),
        ),
    }),
  );
}

describe('the header and the banner after the session', () => {
  it('stops showing the old address when the session ends, and says it ended', async () => {
    const queryClient = withSession({ email: 'lead@example.com', name: null });
    expect(screen.getByText('lead@example.com')).toBeVisible();
    await signInAsked(queryClient, false);
    expect(screen.queryByText('lead@example.com')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
    expect(screen.getByRole('alert')).toHaveTextContent('Your session has ended.');
  });

  it('says the session ended when the server says a session was sent', async () => {
    const queryClient = withSession(null);
    await signInAsked(queryClient, true);
    expect(screen.getByRole('alert')).toHaveTextContent('Your session has ended.');
  });

  it('asks someone who never had a session to sign in, without saying it ended', async () => {
    const queryClient = withSession(null);
    await signInAsked(queryClient, false);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Sign in to read this workspace.');
    expect(alert).not.toHaveTextContent(/ended/);
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute(
      'href',
      '/auth/login?returnTo=%2F',
    );
  });
});
