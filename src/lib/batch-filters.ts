/**
 * The list's filters for the browser: the predicates live in contract/batch-filters.ts (the
 * server's search uses the same ones); this adds the viewer's local days. Only lazy chunks
 * (the agent page, the board) import this.
 */
export { batchMatcher, dayEndMs, dayStartMs } from '../../contract/batch-filters';

/** The local day of a moment, `YYYY-MM-DD`. */
export function localDay(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The first day of the last `days` days, today included: 7 → six days ago. */
export function daysAgo(days: number, nowMs = Date.now()): string {
  const now = new Date(nowMs);
  return localDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - days + 1).getTime());
}
