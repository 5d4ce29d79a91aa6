import { Component, Suspense, type ReactNode } from 'react';
import { Button } from './button';
import { Notice } from './notice';

interface State {
  failed: boolean;
}

/**
 * Where a part loaded on first use (React.lazy) is shown: a quiet line while its code
 * arrives, and, if the code cannot be loaded (offline, a deploy replaced the files), a
 * message with a way forward instead of a blank page.
 */
export class LazyBoundary extends Component<{ what: string; children: ReactNode }, State> {
  state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  render() {
    const { what, children } = this.props;
    if (this.state.failed) {
      return (
        <Notice tone="error" role="alert" title={`Could not load ${what}`}>
          <p>
            The page could not fetch this part of the dashboard. Check your connection, then reload.
          </p>
          <Button variant="primary" onClick={() => window.location.reload()}>
            Reload the page
          </Button>
        </Notice>
      );
    }
    return (
      <Suspense
        fallback={
          <p role="status" className="p-3 text-sm text-slate-600 dark:text-slate-400">
            Loading {what}…
          </p>
        }
      >
        {children}
      </Suspense>
    );
  }
}
