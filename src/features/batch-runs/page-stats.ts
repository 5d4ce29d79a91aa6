/**
 * The arithmetic of the page summary: attempts across the batches on screen, and one point per
 * batch for the pass-rate chart. The pass rate pools the attempts of the *finished* batches
 * (succeeded over finished), so a batch of 50 attempts weighs more than a batch of 2; an
 * unfinished batch counts as progress (its pending attempts), never towards a rate, and is not
 * plotted as one.
 */
import type { ReadBatchRun } from '../../../contract/read-batch-runs';
import { passRatePoint, summarizeAttempts, type PassRatePoint } from '../../lib/attempts';

export interface PageStats {
  batches: number;
  /** Batches whose counts were not given: left out of every sum below. */
  uncounted: number;
  unfinishedBatches: number;
  succeeded: number;
  failed: number;
  pending: number;
  finished: number;
  passRate: number | null;
  /** One per batch in list order, reversed (the list is newest first; the chart's x axis runs
   * oldest to newest). Unfinished batches have no passRate. */
  points: PassRatePoint[];
}

export function summarizePage(batches: readonly ReadBatchRun[]): PageStats {
  const stats: PageStats = {
    batches: batches.length,
    uncounted: 0,
    unfinishedBatches: 0,
    succeeded: 0,
    failed: 0,
    pending: 0,
    finished: 0,
    passRate: null,
    points: [],
  };
  for (const batch of batches) {
    const summary = summarizeAttempts(batch);
    if (!summary.countsGiven) stats.uncounted += 1;
    if (summary.isUnfinished) {
      stats.unfinishedBatches += 1;
      stats.pending += summary.pending;
    } else {
      stats.succeeded += summary.succeeded;
      stats.failed += summary.failed;
      stats.finished += summary.finished;
    }
    stats.points.push(passRatePoint(batch, summary));
  }
  stats.passRate = stats.finished > 0 ? Math.min(1, stats.succeeded / stats.finished) : null;
  stats.points.reverse();
  return stats;
}
