import type { RowSelectionState, Updater } from '@tanstack/react-table';
import { useRef, useState } from 'react';
import { AppLink } from '../../components/ui/app-link';
import { ApiErrorNotice } from '../../components/ui/api-error-notice';
import { Button } from '../../components/ui/button';
import { CopyButton } from '../../components/ui/copy-button';
import { Notice } from '../../components/ui/notice';
import { formatCount } from '../../lib/format';
import { viewHref, type PageSize } from '../../lib/view/view';
import { BatchRunsTable } from './batch-runs-table';
import { LiveIndicator } from './live-indicator';
import { LIVE_REFRESH_MS } from './live-refresh';
import { PageSummary } from './page-summary';
import { PaginationControls } from './pagination-controls';
import { ShortcutsDialog } from './shortcuts-dialog';
import { TableSkeleton } from './table-skeleton';
import type { TestCaseAction } from './test-case-panel';
import type { BatchRunsPage } from './use-batch-runs-page';
import type { ExpandedRows } from './use-expanded-rows';
import { useListShortcuts } from './use-list-shortcuts';

/**
 * An agent's batch runs, one page at a time: toolbar, page summary, pagination and the table.
 * The page that hosts it owns the query (useBatchRunsPage), the open rows (useExpandedRows)
 * and the comparison's selection, and fills the toolbar's export slot and each test case's
 * action; `children` go below the table.
 */
export function BatchRunsView({
  agentId,
  page,
  size,
  batch,
  list,
  rowsOpen,
  linkUrl,
  emptyNote,
  onPageChange,
  onSizeChange,
  rowSelection,
  onRowSelectionChange,
  exportButton,
  testCaseAction,
  children,
}: {
  agentId: string;
  page: number;
  size: PageSize;
  batch: string | null;
  list: BatchRunsPage;
  rowsOpen: ExpandedRows;
  /** The absolute URL of this view, for "Copy link". */
  linkUrl: string;
  /** Said under "No batch runs yet", e.g. that the agent is not one of this workspace's. */
  emptyNote?: React.ReactNode;
  onPageChange: (page: number) => void;
  onSizeChange: (size: PageSize) => void;
  rowSelection: RowSelectionState;
  onRowSelectionChange: (updater: Updater<RowSelectionState>) => void;
  exportButton: React.ReactNode;
  testCaseAction?: TestCaseAction;
  children?: React.ReactNode;
}) {
  const { query, rows } = list;
  const { data, isPlaceholderData } = query;
  const tableRef = useRef<HTMLDivElement>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  useListShortcuts({
    tableRef,
    canGoNext: () => data?.hasNext === true && !isPlaceholderData,
    canGoBack: () => data?.hasPrevious === true,
    page,
    onPageChange,
    onHelp: () => setShortcutsOpen(true),
    enabled: !shortcutsOpen,
  });

  let body: React.ReactNode;
  if (query.isPending) {
    body = <TableSkeleton rows={Math.min(size, 20)} />;
  } else if (!data) {
    // Failed with nothing to show; a failed refresh keeps the rows it has (see below).
    body = <ApiErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  } else if (data.totalCount === 0) {
    body = <NoBatchRuns agentId={agentId}>{emptyNote}</NoBatchRuns>;
  } else if (rows.length === 0) {
    body = (
      <PastTheEnd
        agentId={agentId}
        page={page}
        size={size}
        totalCount={data.totalCount}
        lastPage={list.lastPage}
        onPageChange={onPageChange}
      />
    );
  } else {
    // `relative`: sr-only text in the cells is absolutely placed; this keeps it inside the
    // scroll box, or a narrow window would scroll the whole page sideways.
    body = (
      <div
        ref={tableRef}
        className={`relative overflow-x-auto transition-opacity ${isPlaceholderData ? 'opacity-60' : ''}`}
      >
        <BatchRunsTable
          rows={rows}
          totalCount={data.totalCount}
          page={page}
          size={size}
          expanded={rowsOpen.expanded}
          onExpandedChange={rowsOpen.onExpandedChange}
          scrollToId={batch}
          caption={`Batch runs of ${list.agentName ?? agentId}, page ${page} of ${list.lastPage}`}
          rowSelection={rowSelection}
          onRowSelectionChange={onRowSelectionChange}
          testCaseAction={testCaseAction}
        />
      </div>
    );
  }

  return (
    <section aria-labelledby="batch-runs-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 id="batch-runs-heading" className="text-xl font-semibold">
          {list.agentName ?? agentId}{' '}
          <span className="ml-1 text-sm font-normal text-slate-600 dark:text-slate-400">
            batch runs
          </span>
        </h1>
        <div className="flex items-center gap-2">
          <span role="status" className="text-xs text-slate-600 dark:text-slate-400">
            {/* A live refresh is not announced each time: the live indicator says it once. */}
            {query.isFetching && !query.isPending && !list.isLive ? 'Updating…' : ''}
          </span>
          <LiveIndicator active={list.isLive} intervalMs={LIVE_REFRESH_MS} />
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
          <Button size="sm" aria-keyshortcuts="?" onClick={() => setShortcutsOpen(true)}>
            Shortcuts <kbd className="font-mono">?</kbd>
          </Button>
        </div>
      </div>
      {query.isPending ? (
        <PageSummary batches={undefined} totalCount={undefined} />
      ) : rows.length > 0 ? (
        <PageSummary batches={rows} totalCount={data?.totalCount} dimmed={isPlaceholderData} />
      ) : null}
      {query.isError && data && (
        <p role="alert" className="text-sm text-amber-800 dark:text-amber-300">
          Could not refresh: {query.error.message} Showing the rows loaded before.{' '}
          <button
            type="button"
            className="font-medium underline"
            onClick={() => void query.refetch()}
          >
            Retry
          </button>
        </p>
      )}
      <PaginationControls
        page={page}
        size={size}
        totalPages={data?.totalPages}
        totalCount={data?.totalCount}
        hasPrevious={data?.hasPrevious ?? false}
        hasNext={data?.hasNext ?? false}
        busy={isPlaceholderData}
        onPageChange={onPageChange}
        onSizeChange={onSizeChange}
      />
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
        {body}
      </div>
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
      {children}
    </section>
  );
}

function NoBatchRuns({ agentId, children }: { agentId: string; children?: React.ReactNode }) {
  return (
    <Notice title="No batch runs yet">
      <p>
        Agent <code className="font-mono">{agentId}</code> has not run any batch of test cases.
        Start one in SigmaMind, or pick another agent.
      </p>
      {children}
    </Notice>
  );
}

/** A stale link's page past the last one: says so and links to the last page. */
function PastTheEnd({
  agentId,
  page,
  size,
  totalCount,
  lastPage,
  onPageChange,
}: {
  agentId: string;
  page: number;
  size: PageSize;
  totalCount: number;
  lastPage: number;
  onPageChange: (page: number) => void;
}) {
  return (
    <Notice tone="warning" title={`Page ${formatCount(page)} is past the end`}>
      <p>
        This agent has {formatCount(totalCount)} batch runs on {formatCount(lastPage)}{' '}
        {lastPage === 1 ? 'page' : 'pages'} of {size}. The link may be older than the data.
      </p>
      <p>
        <AppLink
          href={viewHref({ agentId, page: lastPage, size })}
          onNavigate={() => onPageChange(lastPage)}
          className="font-medium text-indigo-700 underline dark:text-indigo-300"
        >
          Go to the last page (page {formatCount(lastPage)})
        </AppLink>
      </p>
    </Notice>
  );
}
