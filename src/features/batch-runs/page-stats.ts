/**
 * The arithmetic of the page summary: attempts across the batches on screen, and one point per
 * batch for the pass-rate chart. The overall pass rate pools attempts (succeeded over finished
 * across the page), so a batch of 50 attempts weighs more than a batch of 2.
 */
import type { BatchRun } from '../../../contract/api-schemas';
import { passRatePoint, summarizeAttempts, type PassRatePoint } from '../../lib/attempts';

export interface PageStats {
  batches: number;
  unfinishedBatches: number;
  succeeded: number;
  failed: number;
  pending: number;
  finished: number;
  passRate: number | null;
  /** Oldest first, as the chart's x axis runs. */
  points: PassRatePoint[];
}

export function summarizePage(batches: readonly BatchRun[]): PageStats {
  const stats: PageStats = {
    batches: batches.length,
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
    stats.succeeded += summary.succeeded;
    stats.failed += summary.failed;
    stats.pending += summary.pending;
    stats.finished += summary.finished;
    if (summary.isUnfinished) stats.unfinishedBatches += 1;
    stats.points.push(passRatePoint(batch, summary));
  }
  stats.passRate = stats.finished > 0 ? Math.min(1, stats.succeeded / stats.finished) : null;
  stats.points.sort((a, b) => a.createdMs - b.createdMs);
  return stats;
}
