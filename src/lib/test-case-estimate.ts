/**
 * Which test cases most likely fail, estimated from batch totals (the API counts successes per
 * batch, never per test case). Over the newest finished batches: a batch's successful attempts
 * ≈ Σ over its test cases of attempts × that test case's pass rate. The rates are fitted in
 * [0, 1] by weighted least squares (box-least-squares.ts; each batch weighted by 1 / its
 * attempts, since a batch's count varies about in proportion to its attempts), and their
 * uncertainty comes from refitting on batches resampled with replacement (a seeded bootstrap,
 * 99 % percentile interval). Test cases that always ran together (the same batches) cannot be
 * told apart by any method: they are fitted as one and listed without a number.
 */
import type { ReadBatchRun, ReadTestCase } from '../../contract/read-batch-runs';
import { summarizeAttempts } from './attempts';
import { boxLeastSquares, seededRandom } from './box-least-squares';
import { runToEnd } from './run-in-slices';

export const ESTIMATE_BATCHES = 50;
const RESAMPLES = 200;
const SEED = 21;
/** A 99 % interval: with fifty batches and a dozen unknowns a 95 % one proved too short. */
const LOW_Q = 0.005;
const HIGH_Q = 0.995;

export interface TestCaseEstimate {
  testCaseId: string;
  /** The test case as the newest batch that ran it had it. */
  testCase: ReadTestCase;
  /** Batches among those used that ran it. */
  batches: number;
  /** Null when it cannot be told apart from others (see `sameAs`). */
  rate: { estimate: number; low: number; high: number } | null;
  /** Labels of the test cases it always ran with; empty when it is identifiable. */
  sameAs: string[];
}

export interface Estimates {
  /** Finished batches with complete counts the estimate used. */
  used: number;
  /** Finished batches among the newest N left out for missing counts or attempts. */
  leftOut: number;
  /** Lowest estimated pass rate first; those without a number last. */
  ranked: TestCaseEstimate[];
}

interface Row {
  x: number[];
  y: number;
  weight: number;
}

interface EstimateOptions {
  limit?: number;
  resamples?: number;
}

/** `batches` newest first (as the list gives them); the first `limit` finished ones are used. */
export function estimateTestCases(
  batches: readonly ReadBatchRun[],
  options: EstimateOptions = {},
): Estimates {
  return runToEnd(estimateSteps(batches, options));
}

/**
 * The same estimate as steps: it yields after the fit and after each bootstrap refit, so the
 * browser can run it in slices (run-in-slices.ts) instead of in one long task.
 */
export function* estimateSteps(
  batches: readonly ReadBatchRun[],
  { limit = ESTIMATE_BATCHES, resamples = RESAMPLES }: EstimateOptions = {},
): Generator<void, Estimates, undefined> {
  const finished = batches.filter((batch) => {
    const summary = summarizeAttempts(batch);
    return summary.countsGiven ? !summary.isUnfinished && summary.finished > 0 : true;
  });
  const window = finished.slice(0, limit);
  const usable = window.filter(
    (batch) =>
      summarizeAttempts(batch).countsGiven &&
      batch.testCases.every((tc) => tc.testCaseId !== null && tc.attempt !== null),
  );
  // Columns: one per test case id, in order of first appearance (newest first).
  const columns = new Map<string, { testCase: ReadTestCase; incidence: string[] }>();
  usable.forEach((batch, b) => {
    for (const testCase of batch.testCases) {
      const id = testCase.testCaseId as string;
      const column = columns.get(id) ?? { testCase, incidence: [] };
      if (column.incidence.at(-1) !== String(b)) column.incidence.push(String(b));
      columns.set(id, column);
    }
  });
  // Test cases with identical incidence are one unknown.
  const groupOf = new Map<string, number>();
  const groups: string[][] = [];
  for (const [id, { incidence }] of columns) {
    const key = incidence.join(',');
    const existing = groups.findIndex(
      (g) => columns.get(g[0] as string)?.incidence.join(',') === key,
    );
    if (existing >= 0) groups[existing]?.push(id);
    else groups.push([id]);
    groupOf.set(id, existing >= 0 ? existing : groups.length - 1);
  }
  const rows: Row[] = usable.map((batch) => {
    const x = new Array<number>(groups.length).fill(0);
    for (const tc of batch.testCases) {
      const g = groupOf.get(tc.testCaseId as string) as number;
      x[g] = (x[g] ?? 0) + (tc.attempt as number);
    }
    const summary = summarizeAttempts(batch);
    return { x, y: summary.succeeded, weight: 1 / Math.max(1, summary.finished) };
  });
  const fit = boxLeastSquares(rows, groups.length);
  yield;
  const draws = yield* bootstrap(rows, groups.length, resamples, fit);
  const ranked = [...columns].map(([id, { testCase, incidence }]): TestCaseEstimate => {
    const g = groupOf.get(id) as number;
    const members = groups[g] ?? [];
    const sameAs = members
      .filter((other) => other !== id)
      .map((other) => columns.get(other)?.testCase.label ?? other);
    const estimate = fit[g] ?? Number.NaN;
    const attempts = rows.reduce((sum, row) => sum + (row.x[g] ?? 0), 0);
    const rate =
      sameAs.length === 0 && !Number.isNaN(estimate)
        ? { estimate, ...interval(draws[g] ?? [], estimate, rows.length, groups.length, attempts) }
        : null;
    return { testCaseId: id, testCase, batches: incidence.length, rate, sameAs };
  });
  ranked.sort(
    (a, b) =>
      (a.rate?.estimate ?? 2) - (b.rate?.estimate ?? 2) ||
      (a.rate?.high ?? 2) - (b.rate?.high ?? 2) ||
      b.batches - a.batches,
  );
  return { used: usable.length, leftOut: window.length - usable.length, ranked };
}

/** Each unknown's fitted values over `resamples` refits on batches drawn with replacement. */
function* bootstrap(
  rows: readonly Row[],
  k: number,
  resamples: number,
  fit: readonly number[],
): Generator<void, number[][], undefined> {
  const random = seededRandom(SEED);
  const draws: number[][] = Array.from({ length: k }, () => []);
  if (rows.length === 0) return draws;
  for (let r = 0; r < resamples; r++) {
    const sample = Array.from(
      { length: rows.length },
      () => rows[Math.floor(random() * rows.length)] as Row,
    );
    boxLeastSquares(sample, k, fit).forEach((value, g) => {
      if (!Number.isNaN(value)) draws[g]?.push(value);
    });
    yield;
  }
  return draws;
}

/**
 * The bootstrap's 2.5th and 97.5th percentiles, their distance from the estimate stretched by
 * √(n / (n − k)) (the bootstrap's spread is short by about that much with n batches and k
 * unknowns, as a residual variance is), and never narrower than the Wilson interval of the
 * test case's own attempts: even attempt by attempt outcomes could not say more than that.
 */
function interval(
  values: readonly number[],
  estimate: number,
  n: number,
  k: number,
  attempts: number,
): { low: number; high: number } {
  if (values.length === 0 || n <= k) return { low: 0, high: 1 };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? estimate;
  const stretch = Math.sqrt(n / (n - k));
  const wilson = wilsonInterval(estimate, attempts);
  return {
    low: clamp(Math.min(estimate - stretch * (estimate - at(LOW_Q)), wilson.low)),
    high: clamp(Math.max(estimate + stretch * (at(HIGH_Q) - estimate), wilson.high)),
  };
}

const Z = 2.576;

export function wilsonInterval(p: number, n: number): { low: number; high: number } {
  if (n <= 0) return { low: 0, high: 1 };
  const z2 = Z * Z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: clamp(centre - half), high: clamp(centre + half) };
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}
