/**
 * A test case's runs over an agent's mirror, kept per list version (agent-mirror.ts) like the
 * filters' match sets (match-set.ts), through the same ScanCache: the history dialog asks again
 * every few hundred ms while the mirror fills, and each ask then reads only the batches the
 * walk appended since, instead of all 52,340. A newer version starts over.
 */
import type { ReadBatchRun } from '../../contract/read-batch-runs.ts';
import { testCaseRuns, type TestCaseRunCounts } from '../../contract/test-case-runs.ts';
import { ScanCache, type Scan } from './scan-cache.ts';

class Runs implements Scan {
  readonly runs: TestCaseRunCounts[] = [];
  scanned = 0;

  constructor(
    private readonly testCaseId: string,
    readonly version: number,
  ) {}

  scan(batches: readonly ReadBatchRun[]): void {
    if (this.scanned >= batches.length) return;
    const added = testCaseRuns(batches.slice(this.scanned), this.testCaseId);
    for (const run of added) this.runs.push(run);
    this.scanned = batches.length;
  }
}

export class HistoryCache {
  private readonly entries: ScanCache<Runs>;

  constructor(max = 8) {
    this.entries = new ScanCache(max);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The test case's runs over `batches` (list `version`), newest first. */
  runs(batches: readonly ReadBatchRun[], version: number, testCaseId: string): TestCaseRunCounts[] {
    const create = () => new Runs(testCaseId, version);
    return this.entries.get(testCaseId, batches, version, create).runs;
  }

  clear(): void {
    this.entries.clear();
  }
}
