/**
 * Results kept per mirror list version and extended as a walk appends pages (match-set.ts for
 * the filters, history-cache.ts for a test case's runs): an entry of the current version reads
 * only the batches past its `scanned`; a newer version (a batch added at the head, counts that
 * changed, a new walk) starts it over. The entries asked for longest ago are dropped first.
 */
import type { ReadBatchRun } from '../../contract/read-batch-runs.ts';

export interface Scan {
  readonly version: number;
  /** How many of the list's batches it has read (its first `scanned`). */
  readonly scanned: number;
  /** Reads the batches past `scanned`; the ones before must be those already read. */
  scan(batches: readonly ReadBatchRun[]): void;
}

export class ScanCache<T extends Scan> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly max = 8) {}

  get size(): number {
    return this.entries.size;
  }

  /** `key`'s entry over `batches` (list `version`): kept and extended, or made by `create`. */
  get(key: string, batches: readonly ReadBatchRun[], version: number, create: () => T): T {
    let entry = this.entries.get(key);
    this.entries.delete(key);
    if (!entry || entry.version !== version || entry.scanned > batches.length) entry = create();
    entry.scan(batches);
    this.entries.set(key, entry);
    // Map order is insertion order: the first key is the one asked longest ago.
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }

  clear(): void {
    this.entries.clear();
  }
}
