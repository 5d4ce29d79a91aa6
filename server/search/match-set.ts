/**
 * The matches of one filter over one mirror, found once and then extended: while a walk
 * appends pages, only the batches added since the last search are tested; anything else that
 * changes the list (a new head batch, a batch whose counts changed, a new walk) gives the
 * mirror a new `version` and the set starts over. `MatchCache` keeps the sets of the filters
 * asked most recently, so the second viewer of a link, or the next page of matches, costs a
 * slice instead of a pass over every batch.
 */
import { attemptCounts, batchMatcher, type Filters } from '../../contract/batch-filters.ts';
import type { ReadBatchRun } from '../../contract/read-batch-runs.ts';
import type { SearchSummary } from '../../contract/search-answer.ts';
import { chartPoints, type ChartPoint } from './chart.ts';
import { ScanCache, type Scan } from './scan-cache.ts';

export type { SearchSummary } from '../../contract/search-answer.ts';

export class MatchSet implements Scan {
  readonly matches: ReadBatchRun[] = [];
  /** Batches of the list tested so far (its first `scanned`). */
  scanned = 0;
  private readonly counts = {
    failed: 0,
    passed: 0,
    unfinished: 0,
    succeeded: 0,
    failedAttempts: 0,
    finished: 0,
    pending: 0,
  };
  /** The chart's points, made again only when the matches grew. */
  private chart: { matches: number; points: ChartPoint[] } | null = null;
  private readonly matcher: (batch: ReadBatchRun) => boolean;

  constructor(
    filters: Filters,
    timeZone?: string,
    readonly version = 0,
  ) {
    this.matcher = batchMatcher(filters, timeZone);
  }

  /** Tests the batches past `scanned`; the ones before must be those already tested. */
  scan(batches: readonly ReadBatchRun[]): void {
    for (let index = this.scanned; index < batches.length; index += 1) {
      const batch = batches[index]!;
      if (this.matcher(batch)) this.take(batch);
    }
    this.scanned = batches.length;
  }

  /** The pooled chart over every match (chart.ts), kept until the matches grow. */
  chartPoints(): ChartPoint[] {
    if (this.chart?.matches !== this.matches.length) {
      this.chart = { matches: this.matches.length, points: chartPoints(this.matches) };
    }
    return this.chart.points;
  }

  summary(): SearchSummary {
    const { finished, succeeded } = this.counts;
    return { ...this.counts, passRate: finished > 0 ? Math.min(1, succeeded / finished) : null };
  }

  private take(batch: ReadBatchRun): void {
    this.matches.push(batch);
    const counts = attemptCounts(batch);
    if (counts.isUnfinished) {
      this.counts.unfinished += 1;
      this.counts.pending += counts.pending;
      return;
    }
    if (counts.failed > 0) this.counts.failed += 1;
    else if (counts.countsGiven) this.counts.passed += 1;
    this.counts.succeeded += counts.succeeded;
    this.counts.failedAttempts += counts.failed;
    this.counts.finished += counts.finished;
  }
}

/** The match sets of the filters asked most recently, for one mirror. */
export class MatchCache {
  private readonly sets: ScanCache<MatchSet>;

  constructor(max = 8) {
    this.sets = new ScanCache(max);
  }

  get size(): number {
    return this.sets.size;
  }

  /** The filter's matches over `batches` (list `version`), reusing what was found before. */
  matches(
    batches: readonly ReadBatchRun[],
    version: number,
    filters: Filters,
    timeZone?: string,
  ): MatchSet {
    const key = JSON.stringify([filters, timeZone ?? null]);
    return this.sets.get(key, batches, version, () => new MatchSet(filters, timeZone, version));
  }

  clear(): void {
    this.sets.clear();
  }
}
