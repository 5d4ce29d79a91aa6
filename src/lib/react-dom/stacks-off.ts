/**
 * Turns V8's stack capture off until `react-dom-client.ts` has loaded React DOM (that module
 * imports this one first and restores the limit in its own body, which runs right after React
 * DOM's; nothing else runs in between).
 *
 * Why: React DOM creates five Error objects as it loads (SuspenseException and the like: signals
 * it throws to itself, never shown). With a DevTools client attached, as under Lighthouse, V8
 * records each one's stack with line and column, and so re-parses React DOM's 180 KB body for
 * its source positions: loading it took 70-140 ms there against 7 ms in a browser with no
 * DevTools, one long task after the first paint that only the lab saw. A limit that is not a
 * number makes V8 capture no stack at all, for the inspector too.
 */
const errors = Error as unknown as { stackTraceLimit?: unknown };

/** The limit in force before React DOM loaded. */
export const stackTraceLimit = errors.stackTraceLimit;
errors.stackTraceLimit = undefined;

/** Stack capture as before. */
export function restoreStackTraces(): void {
  errors.stackTraceLimit = stackTraceLimit;
}
