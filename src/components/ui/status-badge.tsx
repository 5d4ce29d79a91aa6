/** An agent status as one casing, whatever the API spells ("active", "Live", "TESTING"). */
function formatStatus(status: string): string {
  const words = status.trim().replace(/[_-]+/g, ' ').toLowerCase();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Unknown';
}

/** Statuses that say something is wrong with the agent; the others are neutral. */
const PROBLEM_STATUSES = new Set(['error', 'failed', 'failing', 'disabled', 'inactive', 'paused']);

/**
 * An agent's status in one casing ("Live", "Active", "Testing"), in a neutral colour unless it
 * is a problem state: a status is not a verdict on the tests.
 */
export function StatusBadge({ status }: { status: string }) {
  const label = formatStatus(status);
  const problem = PROBLEM_STATUSES.has(label.toLowerCase());
  const tone = problem
    ? 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100'
    : 'bg-slate-100 text-slate-800 dark:bg-slate-800 dark:text-slate-200';
  return (
    <span
      className={`inline-block rounded-full border border-slate-300 px-2 py-0.5 text-xs font-medium whitespace-nowrap dark:border-slate-600 ${tone}`}
    >
      {label}
    </span>
  );
}
