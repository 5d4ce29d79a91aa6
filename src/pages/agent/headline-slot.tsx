import type { ReactNode } from 'react';
import type { ReadTestCase } from '../../../contract/read-batch-runs';
import { AgentHeadline } from '../../features/batch-runs/agent-headline';
import type { LatestBatches } from '../../features/batch-runs/use-latest-batches';
import type { ViewState } from '../../lib/view/use-view';
import { viewHref } from '../../lib/view/view';
import { LikelyFailingSlot } from './likely-failing-slot';
import type { NewestMatchesSource } from './newest-estimate';

/** Above the list: the headline (with a drop's cause) and the likely failing test cases. */
export function HeadlineSlot({
  agentId,
  latest,
  state: { view, setPage, setBatch, setCompare },
  search,
  historyAction,
}: {
  agentId: string;
  latest: LatestBatches;
  state: ViewState;
  search: NewestMatchesSource | undefined;
  historyAction: (testCase: ReadTestCase) => ReactNode;
}) {
  return (
    <>
      <AgentHeadline
        latest={latest}
        onFirstPage={() => setPage(1)}
        batchHref={(batchId) => viewHref({ ...view, batch: batchId, compare: null })}
        onOpenBatch={setBatch}
        compareHref={(ids) => viewHref({ ...view, batch: null, compare: ids })}
        onCompare={(ids) => setCompare([...ids])}
      />
      <LikelyFailingSlot
        agentId={agentId}
        search={search}
        ready={latest.query.isSuccess}
        historyAction={historyAction}
      />
    </>
  );
}
