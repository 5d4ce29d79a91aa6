/**
 * Wall-clock progress for the live agent, without state: time is cut into cycles of C seconds,
 * a new batch starts at each cycle boundary and its attempts finish at fixed offsets within the
 * first two thirds of the cycle. Any replica asked at the same instant gives the same answer,
 * and within a cycle the finished count only grows.
 */
import type { Rng } from './random.ts';

export const DEFAULT_CYCLE_SECONDS = 60;
/** The live agent's newest batches that follow the clock: this cycle's and the previous one's. */
export const LIVE_BATCHES = 2;
/** Share of a cycle over which a live batch's attempts complete. */
const RUN_SHARE = 2 / 3;
/** No attempt completes in the first moments of a cycle, so a fresh batch shows as just started. */
const FIRST_COMPLETION_SHARE = 0.03;

export interface Clock {
  nowMs: number;
  cycleMs: number;
}

/** Reads SANDBOX_LIVE_CYCLE_SECONDS: a whole number of seconds, 60 when unset. */
export function currentCycle(clock: Clock): number {
  return Math.floor(clock.nowMs / clock.cycleMs);
}

/** When each of a live batch's attempts completes, in ms after the batch started, ascending. */
export function completionOffsets(rng: Rng, attempts: number, cycleMs: number): number[] {
  const from = FIRST_COMPLETION_SHARE * cycleMs;
  const to = RUN_SHARE * cycleMs;
  return Array.from({ length: attempts }, () => from + rng.next() * (to - from)).sort(
    (a, b) => a - b,
  );
}

export function completedBy(offsets: readonly number[], elapsedMs: number): number {
  return offsets.filter((offset) => offset <= elapsedMs).length;
}
