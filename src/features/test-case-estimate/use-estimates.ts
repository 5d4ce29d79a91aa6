/**
 * The estimate of the batches the page hands over, computed after the first paint (the
 * server render and hydration show the section's frame, never hold for it). It is a few
 * milliseconds of arithmetic on at most ESTIMATE_BATCHES batches (bench/estimate.ts measures
 * it), so it runs on the main thread.
 */
import { useMemo } from 'react';
import type { ReadBatchRun } from '../../../contract/read-batch-runs';
import { estimateTestCases, type Estimates } from '../../lib/test-case-estimate';
import { useAfterPaint } from '../../lib/use-after-paint';

export function useEstimates(
  batches: readonly ReadBatchRun[] | undefined,
  /** Changes whenever `batches` gained items (a search's array grows in place). */
  version: number,
): Estimates | undefined {
  const shown = useAfterPaint(batches === undefined ? undefined : { batches, version });
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the version stands for the array's content
  return useMemo(() => shown && estimateTestCases(shown.batches), [shown?.batches, shown?.version]);
}
