import { startTransition, useEffect, useState, type ReactNode } from 'react';
import type { ReadTestCase } from '../../../contract/read-batch-runs';
import { LikelyFailing } from '../../features/test-case-estimate/likely-failing';
import { useNewestBatches, useNewestMatches, type NewestMatchesSource } from './newest-estimate';

/**
 * Where the likely-failing estimate reads from: under a filter, the newest matches the search
 * found (asked here once it has ended); otherwise the agent's newest 100 batch runs, asked for in the
 * browser only, after hydration and once the headline's first page has arrived. The
 * server-rendered page carries the headline (and its drop line); this section fills in after.
 */
export function LikelyFailingSlot({
  agentId,
  search,
  ready,
  historyAction,
}: {
  agentId: string;
  /** The filtered view's search; undefined without a filter. */
  search: NewestMatchesSource | undefined;
  /** The headline's first page arrived (no point asking for more when it failed). */
  ready: boolean;
  historyAction: (testCase: ReadTestCase) => ReactNode;
}) {
  // Switched in a transition once hydrated, so that filling the section in is time-sliced: as
  // a store's snapshot (useSyncExternalStore) it was a blocking render right after hydration.
  const [inBrowser, setInBrowser] = useState(false);
  useEffect(() => startTransition(() => setInBrowser(true)), []);
  const matches = useNewestMatches(search);
  const newest = useNewestBatches(agentId, !search && ready && inBrowser);
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
