import type { ReadBatchRun, ReadBatchRunPage } from '../../../contract/read-batch-runs';
import type { BatchRunsPage } from '../../features/batch-runs/use-batch-runs-page';
import { ExportButton } from '../../features/export/export-button';
import type { PageFetcher } from '../../lib/page-walker';

/** The list's export: the matches under a filter (through the search), else the agent's pages. */
export function ListExport({
  agentId,
  page,
  rows,
  list,
  fetchPage,
  matches,
}: {
  agentId: string;
  page: number;
  rows: ReadBatchRun[];
  list: BatchRunsPage;
  fetchPage: PageFetcher<ReadBatchRunPage>;
  matches: { matchCount: number; matchPages: PageFetcher<ReadBatchRunPage> } | undefined;
}) {
  if (matches) {
    return (
      <ExportButton
        agentId={agentId}
        what="matching batch runs"
        rows={rows}
        page={page}
        totalCount={matches.matchCount}
        fetchPage={matches.matchPages}
      />
    );
  }
  return (
    <ExportButton
      agentId={agentId}
      rows={list.query.isPlaceholderData ? [] : list.rows}
      page={page}
      totalCount={list.query.data?.totalCount}
      fetchPage={fetchPage}
    />
  );
}
