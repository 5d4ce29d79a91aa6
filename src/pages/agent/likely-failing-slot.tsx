import { startTransition, useEffect, useState, type ReactNode } from 'react';
import type { ReadBatchRun, ReadTestCase } from '../../../contract/read-batch-runs';
import { LikelyFailing } from '../../features/test-case-estimate/likely-failing';
import { useNewestBatches } from './newest-estimate';

/**
 * Where the likely-failing estimate reads from: under a filter, the matches the search found
 * (handed over as they grow); otherwise the agent's newest 100 batch runs, asked for in the
 * browser only, after hydration and once the headline's first page has arrived. The
 * server-rendered page carries the headline (and its drop line); this section fills in after.
 */
export function LikelyFailingSlot({
  agentId,
  matches,
  ready,
  historyAction,
}: {
  agentId: string;
  matches: readonly ReadBatchRun[] | undefined;
  /** The headline's first page arrived (no point asking for more when it failed). */
  ready: boolean;
  historyAction: (testCase: ReadTestCase) => ReactNode;
}) {
  // Switched in a transition once hydrated, so that filling the section in is time-sliced: as
  // a store's snapshot (useSyncExternalStore) it was a blocking render right after hydration.
  const [inBrowser, setInBrowser] = useState(false);
  useEffect(() => startTransition(() => setInBrowser(true)), []);
  const newest = useNewestBatches(agentId, !matches && ready && inBrowser);
  if (!matches && !ready) return null;
  // One section whatever it reads, so switching never remounts it. The server render and
  // hydration hold its room; the browser then asks for the newest 100 and fills it in.
  const batches = matches ?? newest;
  return (
    <LikelyFailing
      batches={batches}
      version={matches ? matches.length : (newest?.length ?? 0)}
      filtered={matches !== undefined}
      historyAction={historyAction}
    />
  );
}
