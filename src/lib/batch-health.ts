/**
 * Is an agent healthy? The rules the agent page's headline and the board share: which batch
 * is the newest *finished* one (an unfinished batch never stands for a pass rate), how it
 * moved against the previous finished one, and why an agent needs attention.
 * Running and stalled are defined in batch-state.ts.
 */
import { dateMs, type ReadBatchRun } from '../../contract/read-batch-runs';
import { summarizeAttempts, type AttemptSummary } from './attempts';
import { isRunning } from './batch-state';
import { describeChanges } from './drop-cause';
import { formatPercent } from './format';

/** A latest finished pass rate below this needs attention. */
export const HEALTHY_PASS_RATE = 0.8;
/** A fall of at least this many percentage points against the previous finished batch. */
export const DROP_POINTS = 10;

export interface FinishedBatch {
  batch: ReadBatchRun;
  summary: AttemptSummary & { passRate: number };
}

export interface AgentHealth {
  /** The newest batch whose attempts have all finished (and at least one has). */
  latest: FinishedBatch | null;
  /** The finished batch before it. */
  previous: FinishedBatch | null;
  /** latest − previous pass rate in percentage points, rounded; null without both. */
  changePoints: number | null;
  /** The newest batch still running, if any. */
  running: ReadBatchRun | null;
  /** Unfinished batches too old to be running (only those newer than `latest` are a reason). */
  stalled: ReadBatchRun[];
  /**
   * On a drop of DROP_POINTS or more: what differs between the previous and the latest
   * finished batch's test cases, in one line (drop-cause.ts); null otherwise.
   */
  dropCause: string | null;
  /** Why the agent needs attention, in words; empty when it does not. */
  reasons: string[];
}

/** Newest first, whatever order the API gave; ties keep the API's order. */
function newestFirst(batches: readonly ReadBatchRun[]): ReadBatchRun[] {
  return batches
    .map((batch, index) => ({ batch, index, ms: dateMs(batch.createdDate) }))
    .sort((a, b) => (b.ms || 0) - (a.ms || 0) || a.index - b.index)
    .map(({ batch }) => batch);
}

/** The health of an agent from its newest batch runs (the first page of the list). */
export function agentHealth(
  batches: readonly ReadBatchRun[],
  now: number = Date.now(),
): AgentHealth {
  const finished: FinishedBatch[] = [];
  let running: ReadBatchRun | null = null;
  const stalled: ReadBatchRun[] = [];
  for (const batch of newestFirst(batches)) {
    const summary = summarizeAttempts(batch);
    if (summary.isUnfinished) {
      if (isRunning(batch, now)) running ??= batch;
      else stalled.push(batch);
    } else if (summary.passRate !== null) {
      finished.push({ batch, summary: { ...summary, passRate: summary.passRate } });
    }
  }
  const [latest = null, previous = null] = finished;
  const changePoints =
    latest && previous
      ? Math.round(latest.summary.passRate * 100) - Math.round(previous.summary.passRate * 100)
      : null;
  const reasons: string[] = [];
  if (latest && latest.summary.passRate < HEALTHY_PASS_RATE) {
    reasons.push(
      `Latest finished batch passed ${formatPercent(latest.summary.passRate)}, below ${formatPercent(HEALTHY_PASS_RATE)}`,
    );
  }
  const dropCause =
    latest && previous && changePoints !== null && changePoints <= -DROP_POINTS
      ? describeChanges(previous.batch, latest.batch)
      : null;
  if (dropCause !== null) {
    reasons.push(`Dropped ${-(changePoints ?? 0)} points against the previous batch: ${dropCause}`);
  }
  // A batch that stalled after the latest finished one: the agent's current run is stuck. Old
  // stalled batches deeper in the history are shown in the list, but are no alarm today.
  const latestMs = latest ? dateMs(latest.batch.createdDate) : -Infinity;
  const stuck = stalled.filter((batch) => dateMs(batch.createdDate) > latestMs);
  if (stuck.length > 0) {
    reasons.push(
      stuck.length === 1
        ? 'The newest batch stalled: started hours ago and never finished'
        : `${stuck.length} newest batches stalled: started hours ago and never finished`,
    );
  }
  return { latest, previous, changePoints, running, stalled, dropCause, reasons };
}
