import { Button } from '../../components/ui/button';
import { CopyButton } from '../../components/ui/copy-button';
import { StatusBadge } from '../../components/ui/status-badge';
import { LiveIndicator } from './live-indicator';
import { LIVE_REFRESH_MS } from './live-refresh';
import type { BatchRunsPage } from './use-batch-runs-page';
import type { ExpandedRows } from './use-expanded-rows';

/** The list's heading and its tools: status, live, Copy link, Expand all, Export, Shortcuts. */
export function BatchRunsToolbar({
  title,
  status,
  list,
  rowsOpen,
  linkUrl,
  exportButton,
  onShowShortcuts,
}: {
  title: string;
  /** The agent's status, said here once rather than on every row. */
  status: string | undefined;
  list: BatchRunsPage;
  rowsOpen: ExpandedRows;
  /** The absolute URL of this view, for "Copy link". */
  linkUrl: string;
  exportButton: React.ReactNode;
  onShowShortcuts: () => void;
}) {
  const { query, rows, isLive } = list;
  return (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1">
        <h1 id="batch-runs-heading" className="min-w-0 text-xl font-semibold break-words">
          {title}{' '}
          <span className="ml-1 text-sm font-normal text-slate-600 dark:text-slate-400">
            batch runs
          </span>
        </h1>
        {status !== undefined && (
          <span className="flex items-center gap-1 text-xs text-slate-600 dark:text-slate-400">
            Agent status <StatusBadge status={status} />
          </span>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <span role="status" className="text-xs text-slate-600 dark:text-slate-400">
          {/* A live refresh is not announced each time: the live indicator says it once. */}
          {query.isFetching && (query.isPlaceholderData || query.isError) ? 'Updating…' : ''}
        </span>
        <LiveIndicator active={isLive} intervalMs={LIVE_REFRESH_MS} />
        <CopyButton
          text={linkUrl}
          label="Copy a link to this view"
          className="border border-slate-300 bg-white px-2.5 py-1 font-medium text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
        >
          Copy link
        </CopyButton>
        <Button size="sm" disabled={rows.length === 0} onClick={rowsOpen.toggleAll}>
          {rowsOpen.allOpen ? 'Collapse all' : 'Expand all'}
        </Button>
        {exportButton}
        <Button size="sm" aria-keyshortcuts="?" onClick={onShowShortcuts}>
          Shortcuts <kbd className="font-mono">?</kbd>
        </Button>
      </div>
    </div>
  );
}
