import type { RowSelectionState, Updater } from '@tanstack/react-table';
import { useRef, useState } from 'react';
import type { ReadBatchRun as BatchRun } from '../../../contract/read-batch-runs';
import { ApiErrorNotice } from '../../components/ui/api-error-notice';
import type { PageSize } from '../../lib/view/view';
import { NoBatchRuns, PastTheEnd, UnreadableRows } from './batch-runs-notices';
import { useMediaQuery } from '../../lib/use-media-query';
import { NARROW_QUERY } from '../../lib/render-context';
import { BatchRunCards } from './batch-run-cards';
import { BatchRunsTable } from './batch-runs-table';
import { BatchRunsToolbar } from './batch-runs-toolbar';
import type { MatchSummary } from './match-stats';
import { MatchesSummary } from './matches-summary';
import { PageSummary } from './page-summary';
import { BottomPagination, PaginationControls } from './pagination-controls';
import { ShortcutsDialog } from './shortcuts-dialog';
import { TableSkeleton } from './table-skeleton';
import type { TestCaseAction } from './test-case-panel';
import type { BatchRunsPage } from './use-batch-runs-page';
import type { ExpandedRows } from './use-expanded-rows';
import { useListShortcuts } from './use-list-shortcuts';

export interface BatchRunsViewProps {
  agentId: string;
  /** The agent's status, said once in the heading. */
  agentStatus: string | undefined;
  /** The workspace's agent list does not have this agent. */
  unknownAgent: boolean;
  page: number;
  size: PageSize;
  batch: string | null;
  list: BatchRunsPage;
  rowsOpen: ExpandedRows;
  /** The absolute URL of this view, for "Copy link". */
  linkUrl: string;
  /** The agent's latest results, above the page summary. */
  headline?: React.ReactNode;
  onPageChange: (page: number) => void;
  /** The link to a page of this list (pagination links work without JavaScript too). */
  pageHref: (page: number) => string;
  /** Opens one batch (`&batch=`), e.g. picked on the chart. */
  onOpenBatch: (batchId: string) => void;
  onSizeChange: (size: PageSize) => void;
  rowSelection: RowSelectionState;
  onRowSelectionChange: (updater: Updater<RowSelectionState>) => void;
  exportButton: React.ReactNode;
  testCaseAction?: TestCaseAction;
  children?: React.ReactNode;
  /** With a filter on: the page of matches to show instead of the list's page. */
  filtered?: FilteredList;
}

/** A search's matches as the list shows them; the page that runs the search fills it in. */
export interface FilteredList {
  /** The matches on this page. */
  rows: BatchRun[];
  /** Matches found so far. */
  matchCount: number;
  /** The search still runs: more matches (and pages) may come. */
  growing: boolean;
  /** The search's progress line (with Stop). */
  status: React.ReactNode;
  /** What an empty result says. */
  empty: React.ReactNode;
  /** The search's counts and chart over every match (so far); undefined until it answers. */
  summary?: MatchSummary;
}

/** Paging over matches: the same arithmetic as the server's, over what was found so far. */
function matchPaging(filtered: FilteredList, page: number, size: number) {
  return {
    totalPages: Math.max(1, Math.ceil(filtered.matchCount / size)),
    hasPrevious: page > 1 && filtered.matchCount > 0,
    hasNext: filtered.matchCount > page * size,
  };
}

/**
 * An agent's batch runs, one page at a time: toolbar, page summary, pagination and the table.
 * The page that hosts it owns the query (useBatchRunsPage), the open rows (useExpandedRows)
 * and the comparison's selection, and fills the toolbar's export slot and each test case's
 * action; `children` go below the table.
 */
export function BatchRunsView(props: BatchRunsViewProps) {
  const {
    agentId,
    page,
    size,
    list,
    rowsOpen,
    linkUrl,
    onPageChange,
    pageHref,
    onSizeChange,
    exportButton,
    headline,
    children,
    filtered,
  } = props;
  const { query, rows } = list;
  const { data, isPlaceholderData } = query;
  const paging = filtered
    ? { ...matchPaging(filtered, page, size), totalCount: filtered.matchCount, busy: false }
    : {
        totalPages: data?.totalPages,
        totalCount: data?.totalCount,
        hasPrevious: data?.hasPrevious ?? false,
        hasNext: data?.hasNext ?? false,
        busy: isPlaceholderData,
      };
  const tableRef = useRef<HTMLDivElement>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  useListShortcuts({
    tableRef,
    canGoNext: () => paging.hasNext && !paging.busy,
    canGoBack: () => paging.hasPrevious,
    page,
    onPageChange,
    onHelp: () => setShortcutsOpen(true),
    enabled: !shortcutsOpen,
  });

  return (
    <section aria-labelledby="batch-runs-heading" className="space-y-3">
      <BatchRunsToolbar
        title={list.agentName ?? agentId}
        status={props.agentStatus}
        list={list}
        rowsOpen={rowsOpen}
        linkUrl={linkUrl}
        exportButton={exportButton}
        onShowShortcuts={() => setShortcutsOpen(true)}
      />
      {headline}
      {filtered ? (
        filtered.summary &&
        filtered.summary.totalCount > 0 && (
          <MatchesSummary matches={filtered.summary} onOpenBatch={props.onOpenBatch} />
        )
      ) : query.isPending ? (
        <PageSummary page={page} batches={undefined} totalCount={undefined} />
      ) : rows.length > 0 ? (
        <PageSummary
          page={page}
          batches={rows}
          totalCount={data?.totalCount}
          dimmed={isPlaceholderData}
          onOpenBatch={props.onOpenBatch}
        />
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
      {filtered?.status}
      <PaginationControls
        page={page}
        size={size}
        {...paging}
        growing={filtered?.growing}
        matching={filtered !== undefined}
        onPageChange={onPageChange}
        pageHref={pageHref}
        onSizeChange={onSizeChange}
      />
      <UnreadableRows items={data?.unreadable ?? []} />
      {/* overflow-clip, not hidden: a clipping box that does not scroll keeps the table's
          header sticky against the window. */}
      <div className="overflow-clip rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
        <ListBody {...props} tableRef={tableRef} />
      </div>
      {data && rows.length > 0 && (
        <BottomPagination
          page={page}
          size={size}
          totalCount={data.totalCount}
          hasPrevious={data.hasPrevious}
          hasNext={data.hasNext}
          busy={isPlaceholderData}
          rowCount={rows.length}
          onPageChange={onPageChange}
          pageHref={pageHref}
        />
      )}
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
      {children}
    </section>
  );
}

/** The box under the pagination: loading, failed, empty, past the end, or the table. */
function ListBody({
  agentId,
  page,
  size,
  batch,
  list,
  rowsOpen,
  unknownAgent,
  onPageChange,
  rowSelection,
  onRowSelectionChange,
  testCaseAction,
  tableRef,
  filtered,
}: BatchRunsViewProps & { tableRef: React.RefObject<HTMLDivElement | null> }) {
  const { query } = list;
  const { data, isPlaceholderData } = query;
  // Below 1024 px the table's columns do not fit: each batch run becomes a card.
  const narrow = useMediaQuery(NARROW_QUERY);
  const rows = filtered ? filtered.rows : list.rows;
  const notice = filtered ? matchesNotice(filtered, size) : listNotice();
  if (notice !== undefined) return notice;

  /** Loading, failed, empty or past the end of the list; undefined when rows are on screen. */
  function listNotice() {
    if (query.isPending) return <TableSkeleton rows={Math.min(size, 20)} />;
    if (!data) {
      // Failed with nothing to show; a failed refresh keeps the rows it has (see below).
      return <ApiErrorNotice error={query.error} onRetry={() => void query.refetch()} />;
    }
    if (data.totalCount === 0) {
      return <NoBatchRuns agentId={agentId} agentName={list.agentName} unknown={unknownAgent} />;
    }
    if (rows.length > 0) return undefined;
    // Every batch run of this page was unreadable: the note above says which.
    if (data.unreadable?.length) return null;
    return pastTheEnd(data.totalCount, list.lastPage);
  }

  /** The same over a search's matches. */
  function matchesNotice(matches: FilteredList, size: number) {
    if (rows.length > 0) return undefined;
    if (matches.growing) return <TableSkeleton rows={Math.min(size, 20)} />;
    if (matches.matchCount === 0) return matches.empty;
    return pastTheEnd(matches.matchCount, matchPaging(matches, page, size).totalPages);
  }

  function pastTheEnd(totalCount: number, lastPage: number) {
    return (
      <PastTheEnd
        agentId={agentId}
        page={page}
        size={size}
        totalCount={totalCount}
        lastPage={lastPage}
        onPageChange={onPageChange}
      />
    );
  }

  const caption = filtered
    ? `Matching batch runs of ${list.agentName ?? agentId}, page ${page}`
    : `Batch runs of ${list.agentName ?? agentId}, page ${page} of ${list.lastPage}`;
  if (narrow) {
    return (
      <div className={`transition-opacity ${isPlaceholderData ? 'opacity-60' : ''}`}>
        <BatchRunCards
          rows={rows}
          caption={caption}
          expanded={rowsOpen.expanded}
          onExpandedChange={rowsOpen.onExpandedChange}
          rowSelection={rowSelection}
          onRowSelectionChange={onRowSelectionChange}
          testCaseAction={testCaseAction}
        />
      </div>
    );
  }
  // `relative` and a clip: sr-only text in the cells is absolutely placed; this keeps it
  // inside the box (a narrow window would otherwise scroll sideways) without making a scroll
  // box, which would stop the header from sticking.
  return (
    <div
      ref={tableRef}
      className={`relative overflow-x-clip transition-opacity ${isPlaceholderData ? 'opacity-60' : ''}`}
    >
      <BatchRunsTable
        rows={rows}
        totalCount={filtered ? filtered.matchCount : (data?.totalCount ?? 0)}
        page={page}
        size={size}
        expanded={rowsOpen.expanded}
        unfilled={rowsOpen.unfilled}
        onExpandedChange={rowsOpen.onExpandedChange}
        scrollToId={batch}
        caption={caption}
        rowSelection={rowSelection}
        onRowSelectionChange={onRowSelectionChange}
        testCaseAction={testCaseAction}
      />
    </div>
  );
}
