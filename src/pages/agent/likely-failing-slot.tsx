import { useSyncExternalStore, type ReactNode } from 'react';
import type { ReadBatchRun, ReadTestCase } from '../../../contract/read-batch-runs';
import { LikelyFailing } from '../../features/test-case-estimate/likely-failing';
import { NewestEstimate } from './newest-estimate';

const subscribe = () => () => undefined;

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
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  if (matches) {
    return (
      <LikelyFailing
        batches={matches}
        version={matches.length}
        filtered
        historyAction={historyAction}
      />
    );
  }
  if (!ready) return null;
  // The server render and hydration hold the section's room; the browser then asks for the
  // newest 100 and fills it in.
  if (!inBrowser) {
    return (
      <LikelyFailing
        batches={undefined}
        version={0}
        filtered={false}
        historyAction={historyAction}
      />
    );
  }
  return <NewestEstimate agentId={agentId} historyAction={historyAction} />;
}
