/**
 * What the sandbox knows and the API hides: each test case's own probability of passing one
 * attempt. The API reports successes per batch only; the sandbox draws every attempt of every
 * test case from these probabilities, so an estimate made from batch totals (the dashboard's
 * "likely failing test cases") can be checked against the truth (truth.test.ts).
 *
 * Per agent: most test cases are easy, two are hard, one sits in between, and one that was
 * edited got harder with its edit (batches older than the edit ran it at its old, easy rate).
 * Drawn from a PRNG seeded with the agent id, so the truth is the same on every start.
 */
import type { TestCase } from '../../contract/api-schemas.ts';
import { rngFor } from './random.ts';

export interface PassTruth {
  /** The pass probability of the current version. */
  current: number;
  /** The pass probability of the version before the edit (equal to current when not edited). */
  previous: number;
}

/** Only what the truth needs to know of a pool entry (pool.ts builds the rest). */
interface Edited {
  previous: TestCase | undefined;
}

/**
 * Picked among the first seeds so that the example agent's newest finished batch (the
 * documented one, 80%) is 10+ points below the one before it, as are those of the 52,340-run
 * agent and two more: the dashboard's "what changed" line has drops to explain.
 */
const TRUTH_SEED = 7;
const HARD = 2;
const MEDIUM = 1;

/** One truth per pool position, in pool order. */
export function drawTruths(agentId: string, entries: readonly Edited[]): PassTruth[] {
  const rng = rngFor(agentId, 'pass-truth', TRUTH_SEED);
  const order = rng.sample([...entries.keys()], entries.length);
  const truths: PassTruth[] = entries.map(() => ({ current: 0, previous: 0 }));
  order.forEach((position, rank) => {
    const p =
      rank < HARD
        ? 0.15 + 0.3 * rng.next()
        : rank < HARD + MEDIUM
          ? 0.55 + 0.2 * rng.next()
          : 0.88 + 0.11 * rng.next();
    truths[position] = { current: round(p), previous: round(p) };
  });
  // The first edited easy test case got harder with its edit.
  const easy = new Set(order.slice(HARD + MEDIUM));
  const harder = order.find((position) => easy.has(position) && entries[position]?.previous);
  const truth = harder === undefined ? undefined : truths[harder];
  if (truth) truth.current = round(0.25 + 0.15 * rng.next());
  return truths;
}

function round(p: number): number {
  return Math.round(p * 1000) / 1000;
}
