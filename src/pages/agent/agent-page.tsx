/**
 * The agent page (`?agentId=…`): the host that composes the features. It reads the URL (the
 * one place below app.tsx that does), holds what the features share (the list's page and open
 * rows, the batches picked for comparison, the page reader of the walks) and passes it down:
 * the list (batch-runs), the comparison (compare), the export and each test case's history.
 * The features import none of each other; compare, export and history load on first use.
 */
import type { RowSelectionState, Updater } from '@tanstack/react-table';
import { useState } from 'react';
import type { TestCase } from '../../../contract/api-schemas';
import { usePageFetcher } from '../../features/batch-runs/api/use-page-fetcher';
import { BatchDetail } from '../../features/batch-runs/batch-detail';
import { BatchRunsView } from '../../features/batch-runs/batch-runs-view';
import { useBatchRunsPage } from '../../features/batch-runs/use-batch-runs-page';
import { useExpandedRows } from '../../features/batch-runs/use-expanded-rows';
import { CompareSelectionBar } from '../../features/compare/compare-selection-bar';
import { ExportButton } from '../../features/export/export-button';
import { TestCaseHistoryButton } from '../../features/test-case-history/test-case-history-button';
import { WALK_PAGE_SIZE } from '../../lib/page-walker';
import { useView } from '../../lib/view/use-view';
import { viewHref } from '../../lib/view/view';
import { FilterBar } from '../../features/filters/filter-bar';
import { ComparisonSlot } from './comparison-slot';
import { useFilteredList } from './use-filtered-list';

export function AgentPage({
  agentId,
  emptyNote,
}: {
  agentId: string;
  /** Said under "No batch runs yet", e.g. that the agent is not one of this workspace's. */
  emptyNote?: React.ReactNode;
}) {
  const { view, setPage, setSize, setBatch, setCompare, setFilters } = useView();
  const { page, size, batch, compare, filters } = view;
  const fetchPage = usePageFetcher(agentId);
  const search = useFilteredList({
    fetchPage,
    filters,
    page,
    size,
    onFiltersChange: setFilters,
  });
  // Under a filter the list's query is the search's first page (same key: one request).
  const list = useBatchRunsPage(
    search
      ? { agentId, page: 1, size: WALK_PAGE_SIZE, batch: null }
      : { agentId, page, size, batch },
  );
  const rows = search ? search.filtered.rows : list.rows;
  const rowsOpen = useExpandedRows(rows, batch, setBatch);
  // A linked batch that is not among the matches on screen is shown on its own, once known.
  const showDetail = search
    ? batch !== null && !search.filtered.growing && !rows.some((row) => row.batchId === batch)
    : list.showDetail;
  // Batches picked for comparison, in the order picked; kept across pages (ids are row ids).
  const [selection, setSelection] = useState<RowSelectionState>({});
  const selected = Object.keys(selection);

  const historyButton = (testCase: TestCase) => (
    <TestCaseHistoryButton
      agentId={agentId}
      testCase={testCase}
      fetchPage={fetchPage}
      onOpenBatch={setBatch}
    />
  );

  if (compare) {
    return (
      <ComparisonSlot
        agentId={agentId}
        ids={compare}
        onClose={() => setCompare(null)}
        onOpenBatch={(batchId) => {
          // One history entry: the comparison closes and the batch opens.
          setCompare(null);
          setBatch(batchId);
        }}
      />
    );
  }

  if (showDetail && batch) {
    return (
      <BatchDetail
        agentId={agentId}
        batchId={batch}
        agentName={list.agentName}
        backHref={viewHref({ agentId, page, size, filters })}
        onBack={() => setPage(page)}
        linkUrl={viewHref(view, { absolute: true })}
        testCaseAction={historyButton}
      />
    );
  }

  return (
    <div className="space-y-3">
      <FilterBar key={agentId} filters={filters} onChange={setFilters} />
      <BatchRunsView
        agentId={agentId}
        page={page}
        size={size}
        batch={batch}
        list={list}
        rowsOpen={rowsOpen}
        linkUrl={viewHref(view, { absolute: true })}
        emptyNote={emptyNote}
        onPageChange={setPage}
        onSizeChange={setSize}
        rowSelection={selection}
        onRowSelectionChange={(updater: Updater<RowSelectionState>) =>
          setSelection((current) => (typeof updater === 'function' ? updater(current) : updater))
        }
        testCaseAction={historyButton}
        filtered={search?.filtered}
        exportButton={
          search ? (
            <ExportButton
              agentId={agentId}
              what="matching batch runs"
              rows={rows}
              page={page}
              totalCount={search.filtered.matchCount}
              fetchPage={search.matchPages}
            />
          ) : (
            <ExportButton
              agentId={agentId}
              rows={list.query.isPlaceholderData ? [] : list.rows}
              page={page}
              totalCount={list.query.data?.totalCount}
              fetchPage={fetchPage}
            />
          )
        }
      >
        <CompareSelectionBar
          selected={selected}
          onCompare={() => {
            const [a, b] = selected;
            if (a && b) setCompare([a, b]);
          }}
          onClear={() => setSelection({})}
        />
      </BatchRunsView>
    </div>
  );
}
