/**
 * The agent page (`?agentId=…`): the host that composes the features. It reads the URL (the
 * one place below app.tsx that does), holds what the features share (the list's page and open
 * rows, the batches picked for comparison, the page reader of the walks) and passes it down:
 * the list (batch-runs), the comparison (compare), the export and each test case's history.
 * The features import none of each other; compare, export and history load on first use.
 */
import { useQuery } from '@tanstack/react-query';
import { usePageFetcher } from '../../features/batch-runs/api/use-page-fetcher';
import { agentsQueries } from '../../features/agents/api/agents-queries';
import { BatchDetail } from '../../features/batch-runs/batch-detail';
import { BatchRunsView } from '../../features/batch-runs/batch-runs-view';
import { useBatchRunsPage } from '../../features/batch-runs/use-batch-runs-page';
import { useExpandedRows } from '../../features/batch-runs/use-expanded-rows';
import { useLatestBatches } from '../../features/batch-runs/use-latest-batches';
import { CompareSelectionBar } from '../../features/compare/compare-selection-bar';
import { useView } from '../../lib/view/use-view';
import { viewHref } from '../../lib/view/view';
import { FilterBar } from '../../features/filters/filter-bar';
import { ComparisonSlot } from './comparison-slot';
import { HeadlineSlot } from './headline-slot';
import { ListExport } from './list-export';
import { useCompareSelection } from './use-compare-selection';
import { useFilteredList } from './use-filtered-list';
import { useHistoryButton } from './use-history-button';

export function AgentPage({ agentId }: { agentId: string }) {
  const state = useView();
  const { view, setPage, setSize, setBatch, setCompare, setFilters } = state;
  const { page, size, batch, compare, filters } = view;
  // The workspace's agents name the agent even when no row does (an empty agent, an error),
  // and tell an unknown id from an agent without batch runs.
  const agents = useQuery(agentsQueries.list());
  const known = agents.data?.find((agent) => agent.agentId === agentId);
  const fetchPage = usePageFetcher(agentId);
  const search = useFilteredList({
    agentId,
    filters,
    page,
    size,
    onFiltersChange: setFilters,
  });
  // Under a filter the list's query is only the headline's first page, at the view's size as
  // without one, read from the mirror the search reads (so the link asks SigmaMind no more).
  const knownName = known?.agentName || undefined;
  const list = useBatchRunsPage(
    search
      ? { agentId, page: 1, size, source: 'mirror', batch: null, knownName, prefetchNext: false }
      : { agentId, page, size, batch, knownName },
  );
  // The headline reads the first page at the list's own size, so it is the same query.
  const latest = useLatestBatches({ agentId, page, size, source: search && 'mirror' });
  const rows = search ? search.filtered.rows : list.rows;
  const rowsOpen = useExpandedRows(rows, batch, setBatch);
  // A linked batch that is not among the matches on screen is shown on its own, once known.
  const showDetail = search
    ? batch !== null && !search.filtered.growing && !rows.some((row) => row.batchId === batch)
    : list.showDetail;
  const { selection, selected, onRowSelectionChange, clear } = useCompareSelection();

  const historyButton = useHistoryButton(agentId, setBatch);

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
        agentStatus={known?.status ?? list.rows[0]?.agent.status ?? undefined}
        unknownAgent={agents.isSuccess && !known}
        page={page}
        size={size}
        batch={batch}
        list={list}
        rowsOpen={rowsOpen}
        linkUrl={viewHref(view, { absolute: true })}
        headline={
          <HeadlineSlot
            agentId={agentId}
            latest={latest}
            state={state}
            search={search?.newest}
            historyAction={historyButton}
          />
        }
        onPageChange={setPage}
        pageHref={(to) => viewHref({ ...view, page: to, batch: null, compare: null })}
        onOpenBatch={setBatch}
        onSizeChange={setSize}
        rowSelection={selection}
        onRowSelectionChange={onRowSelectionChange}
        testCaseAction={historyButton}
        filtered={search?.filtered}
        exportButton={
          <ListExport
            agentId={agentId}
            page={page}
            rows={rows}
            list={list}
            fetchPage={fetchPage}
            matches={
              search && { matchCount: search.filtered.matchCount, matchPages: search.matchPages }
            }
          />
        }
      >
        <CompareSelectionBar
          selected={selected}
          onCompare={() => {
            const [a, b] = selected;
            if (a && b) setCompare([a, b]);
          }}
          onClear={clear}
        />
      </BatchRunsView>
    </div>
  );
}
