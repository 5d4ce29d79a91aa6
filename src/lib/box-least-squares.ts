/**
 * Weighted least squares with every unknown kept in [0, 1], by cyclic coordinate descent:
 * each step sets one unknown to the exact minimiser of the quadratic along its axis, clipped
 * to the box. For a convex quadratic over a box this converges to the global minimum (it is
 * Gauss–Seidel projected onto the box, a textbook method for box-constrained least squares);
 * with a dozen unknowns and fifty rows it needs no library and a few microseconds.
 */

/** Stop when no unknown moved more than this in a sweep (a rate to 1e-7). */
const TOLERANCE = 1e-7;
const MAX_SWEEPS = 500;

/** Minimises Σ_rows weight·(y − Σ_j x_j p_j)² over p ∈ [0,1]^k; a column of zeros stays NaN. */
export function boxLeastSquares(
  rows: readonly { x: readonly number[]; y: number; weight: number }[],
  k: number,
  /** Where to start (a nearby solution converges in a few sweeps); 0.5 each otherwise. */
  start?: readonly number[],
): number[] {
  const gram = Array.from({ length: k }, () => new Float64Array(k));
  const rhs = new Float64Array(k);
  for (const { x, y, weight } of rows) {
    for (let i = 0; i < k; i++) {
      const xi = x[i] ?? 0;
      if (xi === 0) continue;
      rhs[i] = (rhs[i] ?? 0) + weight * xi * y;
      const row = gram[i] as Float64Array;
      for (let j = 0; j < k; j++) row[j] = (row[j] ?? 0) + weight * xi * (x[j] ?? 0);
    }
  }
  const p = Array.from({ length: k }, (_, i) => {
    if ((gram[i]?.[i] ?? 0) <= 0) return Number.NaN;
    const from = start?.[i];
    return from === undefined || Number.isNaN(from) ? 0.5 : from;
  });
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let moved = 0;
    for (let i = 0; i < k; i++) {
      const row = gram[i] as Float64Array;
      const diagonal = row[i] ?? 0;
      if (diagonal <= 0) continue;
      let residual = rhs[i] ?? 0;
      for (let j = 0; j < k; j++)
        if (j !== i && !Number.isNaN(p[j])) residual -= (row[j] ?? 0) * (p[j] ?? 0);
      const next = Math.min(1, Math.max(0, residual / diagonal));
      moved = Math.max(moved, Math.abs(next - (p[i] ?? 0)));
      p[i] = next;
    }
    if (moved < TOLERANCE) break;
  }
  return p;
}

/** mulberry32: a small seeded generator, so the same batches always give the same intervals. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
