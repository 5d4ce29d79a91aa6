import { ApiError } from '../../lib/api-client';
import { Button } from './button';
import { Notice } from './notice';

/** An error by kind, each with what to do next. */
export function ApiErrorNotice({
  error,
  onRetry,
  what = 'batch runs',
}: {
  error: unknown;
  onRetry?: () => void;
  what?: string;
}) {
  const apiError = error instanceof ApiError ? error : undefined;
  const status = apiError?.status;
  const retry = onRetry && (
    <Button variant="primary" onClick={onRetry}>
      Retry
    </Button>
  );

  // The page-wide SessionEndedBanner carries the alert and the Sign in link.
  if (apiError?.sessionEnded) {
    return (
      <Notice tone="info" title="Signed out">
        <p>Sign in again to see the {what}.</p>
      </Notice>
    );
  }
  if (apiError?.kind === 'http' && status === 403) {
    return (
      <Notice tone="error" role="alert" title="Your account may not read this workspace">
        <p>{apiError.message}</p>
        <p>Sign out and sign in with an address this dashboard admits.</p>
      </Notice>
    );
  }
  if (apiError?.kind === 'http' && status === 401) {
    return (
      <Notice tone="error" role="alert" title="The SigmaMind API rejected the server's API key">
        <p>{apiError.message}</p>
        <p>
          Whoever runs this dashboard should set{' '}
          <code className="font-mono">SIGMAMIND_API_KEY</code> on the server to a valid workspace
          key (and <code className="font-mono">SIGMAMIND_API_URL</code> if the API is not at
          api.sigmamind.ai), then restart it. Without a key the dashboard uses its built-in sandbox.
        </p>
      </Notice>
    );
  }
  if (apiError?.kind === 'http' && status === 400) {
    return (
      <Notice tone="error" role="alert" title="The API refused this request">
        <p>
          It said: <q>{apiError.message}</q>
        </p>
        <p>Check the agent id and the page in the address, or pick another agent.</p>
      </Notice>
    );
  }
  if (apiError?.kind === 'http' && status === 404) {
    return (
      <Notice tone="error" role="alert" title={`Not found`}>
        <p>{apiError.message}</p>
        <p>The link may be out of date. Pick another agent or go back.</p>
      </Notice>
    );
  }
  if (apiError?.kind === 'http' && status === 429) {
    return (
      <Notice tone="error" role="alert" title="Too many requests">
        <p>The API is rate-limiting this workspace. Wait a moment, then retry.</p>
        {retry}
      </Notice>
    );
  }
  if (apiError?.kind === 'schema') {
    return (
      <Notice tone="error" role="alert" title="The API's answer was not what the dashboard expects">
        <p>{apiError.message}</p>
        <p>
          This usually means the API changed. Retry, and if it persists report it with the field
          named above.
        </p>
        {retry}
      </Notice>
    );
  }
  if (apiError?.kind === 'network' || apiError?.kind === 'timeout') {
    return (
      <Notice
        tone="error"
        role="alert"
        title={apiError.kind === 'timeout' ? 'The API took too long' : 'Could not reach the server'}
      >
        <p>
          {typeof navigator !== 'undefined' && !navigator.onLine
            ? 'You are offline. The page will load again when you are back online.'
            : `${apiError.message} Check your connection and retry.`}
        </p>
        {retry}
      </Notice>
    );
  }
  return (
    <Notice tone="error" role="alert" title={`Could not load ${what}`}>
      <p>
        {apiError?.message ?? 'Something went wrong.'}
        {status ? ` (HTTP ${status})` : ''}
      </p>
      <p>The SigmaMind API or this dashboard's server is having trouble. Retry in a moment.</p>
      {retry}
    </Notice>
  );
}
