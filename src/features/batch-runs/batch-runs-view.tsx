import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExpandedState, RowSelectionState, Updater } from '@tanstack/react-table';
import { startTransition, useEffect, useRef, useState } from 'react';
import { Notice } from '../../components/ui/notice';
import { ApiErrorNotice } from '../../components/ui/api-error-notice';
import { CopyButton } from '../../components/ui/copy-button';
import { formatCount } from '../../lib/format';
import { viewHref } from '../../lib/view/view';
import { useView } from '../../lib/view/use-view';
import { batchRunsQueries } from './api/batch-runs-queries';
import { BatchDetail } from './batch-detail';
import { BatchRunsTable } from './batch-runs-table';
import { CompareSelectionBar } from './compare-selection-bar';
import { ComparisonSlot } from './comparison-slot';
import { ExportButton } from './export-button';
import { LiveIndicator } from './live-indicator';
import { LIVE_REFRESH_MS, liveRefetchInterval } from './live-refresh';
import { PageSummary } from './page-summary';
import { PaginationControls } from './pagination-controls';
import { moveRowFocus } from './row-focus';
import { ShortcutsDialog } from './shortcuts-dialog';
import { TableSkeleton } from './table-skeleton';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts';
import { AppLink } from '../../components/ui/app-link';

const toolbarButton =
  'rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:bg-slate-800 dark:hover:bg-slate-700';

export function BatchRunsView({
  agentId,
  emptyNote,
}: {
  agentId: string;
  /** Said under "No batch runs yet", e.g. that the agent is not one of this workspace's. */
  emptyNote?: React.ReactNode;
}) {
  const { view, setPage, setSize, setBatch, setCompare } = useView();
  const { page, size, batch, compare } = view;
  const queryClient = useQueryClient();
  const params = { agentId, page, size };
  const query = useQuery({
    ...batchRunsQueries.list(params),
    placeholderData: keepPreviousData,
    // While a batch on this page is running, ask again every few seconds (not in a hidden tab).
    refetchInterval: (current) => liveRefetchInterval(current.state.data),
    refetchIntervalInBackground: false,
    // A shared link's first page is prefetched at start-up (main.tsx); if that already failed,
    // show its error (with Retry) rather than asking a second time the moment the view mounts.
    retryOnMount: false,
  });
  const { data, isPlaceholderData, isFetching } = query;
  const isLive = !isPlaceholderData && liveRefetchInterval(data) !== false;

  // Prefetch the next page as soon as the server says there is one.
  useEffect(() => {
    if (data?.hasNext && !isPlaceholderData) {
      void queryClient.prefetchQuery(batchRunsQueries.list({ agentId, page: page + 1, size }));
    }
  }, [data?.hasNext, isPlaceholderData, queryClient, agentId, page, size]);

  // Rows opened here; the batch named in the URL is always open.
  const [opened, setOpened] = useState<Record<string, boolean>>({});
  const expanded: Record<string, boolean> = batch ? { ...opened, [batch]: true } : opened;

  function onExpandedChange(updater: Updater<ExpandedState>) {
    const next = typeof updater === 'function' ? updater(expanded) : updater;
    const nextMap =
      next === true
        ? Object.fromEntries((data?.data ?? []).map((row) => [row.batchId, true]))
        : next;
    // One row opened by hand goes into the URL; "Expand all" leaves the URL alone.
    const newlyOpened = Object.keys(nextMap).filter((id) => nextMap[id] && !expanded[id]);
    if (newlyOpened.length === 1) setBatch(newlyOpened[0]!);
    else if (batch && !nextMap[batch]) setBatch(null);
    const nextOpened = Object.fromEntries(Object.entries(nextMap).filter(([, open]) => open));
    // Opening many panels at once ("Expand all" on 100 rows) renders in interruptible slices
    // rather than one long task; a single row opens at once.
    if (newlyOpened.length > 1) startTransition(() => setOpened(nextOpened));
    else setOpened(nextOpened);
  }

  // Batches picked for comparison, in the order picked; kept across pages (ids are row ids).
  const [selection, setSelection] = useState<RowSelectionState>({});
  const selected = Object.keys(selection);
  function onSelectionChange(updater: Updater<RowSelectionState>) {
    setSelection((current) => (typeof updater === 'function' ? updater(current) : updater));
  }

  const rows = data?.data ?? [];
  const agentName = rows[0]?.agent.name;
  // A linked batch that is not on this page is shown on its own (fetched by id).
  const showDetail =
    batch !== null &&
    query.isSuccess &&
    !isPlaceholderData &&
    !rows.some((row) => row.batchId === batch);
  useEffect(() => {
    if (showDetail) return; // the detail view names itself
    document.title = `${agentName ?? agentId} · page ${page} · Batch runs`;
  }, [agentName, agentId, page, showDetail]);

  // Keyboard: j/k (and ↓/↑ inside the table) move between rows, [ and ] page, ? lists them.
  const tableRef = useRef<HTMLDivElement>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const inTable = (event: KeyboardEvent) =>
    event.target instanceof Node && (tableRef.current?.contains(event.target) ?? false);
  useKeyboardShortcuts(
    [
      { keys: ['j'], run: () => moveRowFocus(tableRef.current, 1) },
      { keys: ['k'], run: () => moveRowFocus(tableRef.current, -1) },
      { keys: ['ArrowDown'], when: inTable, run: () => moveRowFocus(tableRef.current, 1) },
      { keys: ['ArrowUp'], when: inTable, run: () => moveRowFocus(tableRef.current, -1) },
      {
        keys: [']'],
        when: () => data?.hasNext === true && !isPlaceholderData,
        run: () => setPage(page + 1),
      },
      { keys: ['['], when: () => data?.hasPrevious === true, run: () => setPage(page - 1) },
      { keys: ['?'], run: () => setShortcutsOpen(true) },
    ],
    !showDetail && !shortcutsOpen && !compare,
  );

  if (compare) {
    return <ComparisonSlot agentId={agentId} ids={compare} onClose={() => setCompare(null)} />;
  }

  if (showDetail) {
    return (
      <BatchDetail
        agentId={agentId}
        batchId={batch}
        agentName={agentName}
        backHref={viewHref({ agentId, page, size })}
        onBack={() => setPage(page)}
      />
    );
  }

  const allOpen = rows.length > 0 && rows.every((row) => expanded[row.batchId]);
  const lastPage = Math.max(data?.totalPages ?? 1, 1);

  let body: React.ReactNode;
  if (query.isPending) {
    body = <TableSkeleton rows={Math.min(size, 20)} />;
  } else if (!data) {
    // Failed with nothing to show; a failed refresh keeps the rows it has (see below).
    body = <ApiErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
  } else if (data.totalCount === 0) {
    body = (
      <Notice title="No batch runs yet">
        <p>
          Agent <code className="font-mono">{agentId}</code> has not run any batch of test cases.
          Start one in SigmaMind, or pick another agent.
        </p>
        {emptyNote}
      </Notice>
    );
  } else if (rows.length === 0) {
    body = (
      <Notice tone="warning" title={`Page ${formatCount(page)} is past the end`}>
        <p>
          This agent has {formatCount(data.totalCount)} batch runs on {formatCount(lastPage)}{' '}
          {lastPage === 1 ? 'page' : 'pages'} of {size}. The link may be older than the data.
        </p>
        <p>
          <AppLink
            href={viewHref({ agentId, page: lastPage, size })}
            onNavigate={() => setPage(lastPage)}
            className="font-medium text-indigo-700 underline dark:text-indigo-300"
          >
            Go to the last page (page {formatCount(lastPage)})
          </AppLink>
        </p>
      </Notice>
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
          agentId={agentId}
          rows={rows}
          totalCount={data.totalCount}
          page={page}
          size={size}
          expanded={expanded}
          onExpandedChange={onExpandedChange}
          scrollToId={batch}
          caption={`Batch runs of ${agentName ?? agentId}, page ${page} of ${lastPage}`}
          rowSelection={selection}
          onRowSelectionChange={onSelectionChange}
        />
      </div>
    );
  }

  return (
    <section aria-labelledby="batch-runs-heading" className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 id="batch-runs-heading" className="text-xl font-semibold">
          {agentName ?? agentId}{' '}
          <span className="ml-1 text-sm font-normal text-slate-600 dark:text-slate-400">
            batch runs
          </span>
        </h1>
        <div className="flex items-center gap-2">
          <span role="status" className="text-xs text-slate-600 dark:text-slate-400">
            {/* A live refresh is not announced each time: the live indicator says it once. */}
            {isFetching && !query.isPending && !isLive ? 'Updating…' : ''}
          </span>
          <LiveIndicator active={isLive} intervalMs={LIVE_REFRESH_MS} />
          <CopyButton
            text={viewHref(view, { absolute: true })}
            label="Copy a link to this view"
            className="border border-slate-300 bg-white px-2.5 py-1 font-medium text-slate-800 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
          >
            Copy link
          </CopyButton>
          <button
            type="button"
            className={toolbarButton}
            disabled={rows.length === 0}
            onClick={() => onExpandedChange(allOpen ? {} : true)}
          >
            {allOpen ? 'Collapse all' : 'Expand all'}
          </button>
          <ExportButton
            agentId={agentId}
            rows={isPlaceholderData ? [] : rows}
            page={page}
            totalCount={data?.totalCount}
            className={toolbarButton}
          />
          <button
            type="button"
            className={toolbarButton}
            aria-keyshortcuts="?"
            onClick={() => setShortcutsOpen(true)}
          >
            Shortcuts <kbd className="font-mono">?</kbd>
          </button>
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
        onPageChange={setPage}
        onSizeChange={setSize}
      />
      <div className="overflow-hidden rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
        {body}
      </div>
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
      <CompareSelectionBar
        selected={selected}
        onCompare={() => {
          const [a, b] = selected;
          if (a && b) setCompare([a, b]);
        }}
        onClear={() => setSelection({})}
      />
    </section>
  );
}
