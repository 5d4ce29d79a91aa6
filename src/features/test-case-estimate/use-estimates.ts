/**
 * The estimate of the batches the page hands over, computed after the first paint (the
 * server render and hydration show the section's frame, never hold for it), in slices of a
 * few milliseconds (run-in-slices.ts): on a phone's CPU the 200 bootstrap refits take a few
 * hundred milliseconds, which in one task would block taps and scrolling (Lighthouse's TBT).
 * When the batches change (a search's matches grow), the running estimate is dropped and a new
 * one started; the last finished estimate of the same array stays shown meanwhile (another
 * agent's batches show "Estimating…" instead).
 */
import { startTransition, useEffect, useState } from 'react';
import type { ReadBatchRun } from '../../../contract/read-batch-runs';
import { estimateSteps, type Estimates } from '../../lib/test-case-estimate';
import { runInSlices, yieldToBrowser } from '../../lib/run-in-slices';

export function useEstimates(
  batches: readonly ReadBatchRun[] | undefined,
  /** Changes whenever `batches` gained items (a search's array grows in place). */
  version: number,
): Estimates | undefined {
  const [done, setDone] = useState<{ of: readonly ReadBatchRun[]; estimates: Estimates }>();
  useEffect(() => {
    if (batches === undefined) return;
    const abort = new AbortController();
    const { signal } = abort;
    // The frame that brought the batches paints first.
    void yieldToBrowser()
      .then(() => runInSlices(estimateSteps(batches), { signal }))
      .then(
        // Showing it is time-sliced too: a table of test cases, rendered in one task, was
        // 50-100 ms on a phone's CPU.
        (estimates) => startTransition(() => setDone({ of: batches, estimates })),
        (error: unknown) => {
          if (!signal.aborted) throw error;
        },
      );
    return () => abort.abort();
  }, [batches, version]);
  return done !== undefined && done.of === batches ? done.estimates : undefined;
}
