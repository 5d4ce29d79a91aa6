/**
 * One agent's batch runs, newest first, as the API lists them. Filled by walking
 * `GET /v1/batch-runs` in pages of 100 (a few in flight, pages added in order so the held
 * prefix is always the newest), then kept fresh by `refresh()`: a head check on page 0 adds
 * only the new batches when the count grew by n and the (n+1)th is the newest held; unfinished
 * batches are read again by id until they finish; anything else (a shrunk count, an order that
 * does not line up, a batch gone) starts a new walk. Every walk and refresh is shared by all
 * the requests that arrive while it runs.
 */
import { attemptCounts } from '../../contract/batch-filters.ts';
import {
  batchRunPageReader,
  dateMs,
  readBatchRun,
  type ReadBatchRun,
} from '../../contract/read-batch-runs.ts';
import { internBatch, Interner } from './intern.ts';
import { HistoryCache } from './history-cache.ts';
import { MatchCache } from './match-set.ts';
import type { UpstreamGet } from './upstream.ts';

export const MIRROR_PAGE_SIZE = 100;
const HOUR = 3_600_000;

/**
 * A real turn of the event loop (timers, I/O, other requests) between two pages of a walk: the
 * in-process sandbox answers synchronously, so without it a cold walk would hold the process.
 */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A batch read again as it was (both read by the same reader, so keys come in one order). */
function unchanged(held: ReadBatchRun, read: ReadBatchRun): boolean {
  return held.totalAttempts === read.totalAttempts && JSON.stringify(held) === JSON.stringify(read);
}

export interface Coverage {
  /** Batch runs held (the newest `searched` of the agent's). */
  searched: number;
  /** Batch runs the agent has, as the API last said. */
  of: number;
  complete: boolean;
}

export class AgentMirror {
  batches: ReadBatchRun[] = [];
  totalCount = 0;
  complete = false;
  bytes = 0;
  lastUsed = 0;
  lastChecked = 0;
  /**
   * When the page 0 that the held head comes from was read (the walk's first page, or the last
   * head check); 0 while a new walk has not read it yet.
   */
  headReadAt = 0;
  /** The last walk's failure, until a walk or refresh succeeds. */
  error: Error | null = null;
  /**
   * Changes whenever `batches` changes other than by pages appended at the end (a new walk, a
   * batch added at the head, a batch whose counts changed): match sets of an older version
   * start over, those of this one only test what was appended.
   */
  version = 0;
  /** Each recent filter's matches (search.ts). */
  readonly searches = new MatchCache();
  /** Each recent test case's runs (history.ts). */
  readonly histories = new HistoryCache();
  private interner = new Interner();
  private ids = new Set<string>();
  /** When each unfinished batch is next read again: soon for a recent one, hourly for an old one. */
  private nextCheck = new Map<string, number>();
  private walking: Promise<void> | null = null;
  /** The last page's turn: pages of concurrent workers take turns one after the other. */
  private turn: Promise<void> = Promise.resolve();
  private refreshing: Promise<void> | null = null;
  /** Who waits for the mirror to hold a number of batch runs (`holding`). */
  private waiters: { count: number; resolve: () => void }[] = [];

  constructor(
    readonly agentId: string,
    private readonly get: UpstreamGet,
    private readonly concurrency = 3,
    private readonly onGrow: () => void = () => {},
    /** Head checks at most this often; requests in between answer from what is held. */
    private readonly freshMs = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  get coverage(): Coverage {
    return { searched: this.batches.length, of: this.totalCount, complete: this.complete };
  }

  /** Bytes held: batches plus their distinct strings. */
  get size(): number {
    return this.bytes + this.interner.bytes;
  }

  get distinctStrings(): number {
    return this.interner.size;
  }

  /** Starts the walk unless one runs or the mirror is complete; resolves when it ends. */
  fill(): Promise<void> {
    if (this.complete) return Promise.resolve();
    this.walking ??= this.walk().finally(() => {
      this.walking = null;
      this.grown();
    });
    return this.walking;
  }

  /**
   * Resolves once the newest `count` batch runs are held (or all the agent has), or the walk
   * ends: the head of a filling mirror is known long before its walk completes.
   */
  holding(count: number): Promise<void> {
    if (this.holds(count) || !this.walking) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  /** The newest `count` batch runs are held, as of a page 0 read since the last reset. */
  holds(count: number): boolean {
    return this.headReadAt > 0 && this.batches.length >= Math.min(count, this.totalCount);
  }

  /** Brings a complete mirror up to date (shared by concurrent callers); fills one that is not. */
  refresh(): Promise<void> {
    if (!this.complete) return this.fill();
    if (!this.refreshing && this.now() - this.lastChecked < this.freshMs) return Promise.resolve();
    this.refreshing ??= this.checkHead().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private reset(): void {
    this.batches = [];
    this.ids = new Set();
    this.nextCheck = new Map();
    this.interner = new Interner();
    this.bytes = 0;
    this.totalCount = 0;
    this.headReadAt = 0;
    this.complete = false;
    this.version += 1;
    this.searches.clear();
    this.histories.clear();
  }

  private async readPage(page: number) {
    const query = `agentId=${encodeURIComponent(this.agentId)}&page=${page}&size=${MIRROR_PAGE_SIZE}`;
    const body = await this.get(`/v1/batch-runs?${query}`);
    return batchRunPageReader.parse(body);
  }

  private add(batch: ReadBatchRun, atHead = false): void {
    if (this.ids.has(batch.batchId)) return;
    this.ids.add(batch.batchId);
    this.bytes += internBatch(batch, this.interner);
    if (attemptCounts(batch).isUnfinished) this.scheduleCheck(batch);
    if (atHead) {
      this.batches.unshift(batch);
      this.version += 1;
    } else this.batches.push(batch);
  }

  private async walk(): Promise<void> {
    this.reset();
    try {
      const first = await this.readPage(0);
      this.totalCount = first.totalCount;
      this.headReadAt = this.now();
      for (const batch of first.data) this.add(batch);
      this.grown();
      const pending = new Map<number, ReadBatchRun[]>();
      let nextToAdd = 1;
      let nextToAsk = 1;
      const worker = async () => {
        while (nextToAsk < first.totalPages) {
          const page = nextToAsk++;
          const read = await this.readPage(page);
          // Each page on its own turn of the event loop (one page a turn, whichever worker
          // read it), however fast the upstream answers: other requests get in between.
          await (this.turn = this.turn.then(yieldToEventLoop));
          this.totalCount = read.totalCount;
          pending.set(page, read.data);
          // Pages join in order, so what is held is always the newest part of the list.
          while (pending.has(nextToAdd)) {
            for (const batch of pending.get(nextToAdd)!) this.add(batch);
            pending.delete(nextToAdd++);
          }
          this.grown();
        }
      };
      await Promise.all(Array.from({ length: this.concurrency }, worker));
      this.complete = true;
      this.error = null;
      this.lastChecked = this.now();
    } catch (error) {
      this.error = error instanceof Error ? error : new Error(String(error));
      throw this.error;
    }
  }

  private async checkHead(): Promise<void> {
    const head = await this.readPage(0);
    const grew = head.totalCount - this.totalCount;
    const newestHeld = this.batches[0]?.batchId;
    const linesUp =
      grew >= 0 &&
      grew < head.data.length + (newestHeld === undefined ? 1 : 0) &&
      (newestHeld === undefined || head.data[grew]?.batchId === newestHeld);
    if (!linesUp) {
      this.complete = false;
      return this.fill();
    }
    for (let index = grew - 1; index >= 0; index -= 1) this.add(head.data[index]!, true);
    this.totalCount = head.totalCount;
    // Page 0 also brings the newest held batches as they are now.
    const fresh = new Map(head.data.map((batch) => [batch.batchId, batch]));
    for (let index = 0; index < this.batches.length && index < head.data.length; index += 1) {
      const now = fresh.get(this.batches[index]!.batchId);
      if (now) this.replace(index, now);
    }
    if (!(await this.refreshUnfinished(head.data.length))) {
      this.complete = false;
      return this.fill();
    }
    this.lastChecked = this.headReadAt = this.now();
    this.grown();
  }

  /** After batches were added: the budget's check, and whoever waits for this many. */
  private grown(): void {
    this.onGrow();
    const ready = this.waiters.filter(({ count }) => this.holds(count) || !this.walking);
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((waiter) => !ready.includes(waiter));
    for (const { resolve } of ready) resolve();
  }

  /** Reads every unfinished batch past the head again by id; false when one is gone. */
  private async refreshUnfinished(from: number): Promise<boolean> {
    const indexes: number[] = [];
    for (let index = from; index < this.batches.length; index += 1) {
      const batch = this.batches[index]!;
      if (!attemptCounts(batch).isUnfinished) continue;
      const due = this.nextCheck.get(batch.batchId);
      if (due === undefined) this.scheduleCheck(batch);
      else if (due <= this.now()) indexes.push(index);
    }
    let gone = false;
    const worker = async () => {
      while (indexes.length > 0 && !gone) {
        const index = indexes.shift()!;
        const batch = this.batches[index]!;
        const path = `/v1/batch-runs/${encodeURIComponent(batch.batchId)}?agentId=${encodeURIComponent(this.agentId)}`;
        const body = await this.get(path, { notFound: true });
        if (body === null) {
          gone = true;
          return;
        }
        const read = readBatchRun(body);
        if ('reason' in read || read.batchId !== batch.batchId) {
          gone = true;
          return;
        }
        this.replace(index, read);
      }
    };
    await Promise.all(Array.from({ length: this.concurrency }, worker));
    return !gone;
  }

  /**
   * An unfinished batch is read again after a twentieth of its age, between 2 s and an hour:
   * a running one soon, one left unfinished for days (abandoned) rarely.
   */
  private scheduleCheck(batch: ReadBatchRun): void {
    const age = this.now() - dateMs(batch.createdDate);
    const wait = Number.isNaN(age) ? HOUR : Math.min(HOUR, Math.max(2000, age / 20));
    this.nextCheck.set(batch.batchId, this.now() + wait);
  }

  /** Holds the batch as read again, unless nothing in it changed (the version stays). */
  private replace(index: number, batch: ReadBatchRun): void {
    this.scheduleCheck(batch);
    if (unchanged(this.batches[index]!, batch)) return;
    this.bytes += internBatch(batch, this.interner);
    this.batches[index] = batch;
    this.version += 1;
  }
}
