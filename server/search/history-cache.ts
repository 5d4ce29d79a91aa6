/**
 * A test case's runs over an agent's mirror, kept per list version (agent-mirror.ts) like the
 * filters' match sets (match-set.ts): the history dialog asks again every few hundred ms while
 * the mirror fills, and each ask then reads only the batches the walk appended since, instead
 * of all 52,340. A newer version (a batch added at the head, counts that changed) starts over.
 */
import type { ReadBatchRun } from '../../contract/read-batch-runs.ts';
import { testCaseRuns, type TestCaseRunCounts } from '../../contract/test-case-runs.ts';

interface Runs {
  version: number;
  /** How many of the list's batches `runs` covers. */
  scanned: number;
  runs: TestCaseRunCounts[];
}

export class HistoryCache {
  private readonly entries = new Map<string, Runs>();

  constructor(private readonly max = 8) {}

  get size(): number {
    return this.entries.size;
  }

  /** The test case's runs over `batches` (list `version`), newest first. */
  runs(batches: readonly ReadBatchRun[], version: number, testCaseId: string): TestCaseRunCounts[] {
    let entry = this.entries.get(testCaseId);
    this.entries.delete(testCaseId);
    if (!entry || entry.version !== version || entry.scanned > batches.length) {
      entry = { version, scanned: 0, runs: [] };
    }
    if (entry.scanned < batches.length) {
      for (const run of testCaseRuns(batches.slice(entry.scanned), testCaseId))
        entry.runs.push(run);
      entry.scanned = batches.length;
    }
    this.entries.set(testCaseId, entry);
    // Map order is insertion order: the first key is the one asked longest ago.
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return entry.runs;
  }

  clear(): void {
    this.entries.clear();
  }
}
