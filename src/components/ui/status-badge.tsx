/** An agent's status as the API spells it (Live, Testing, active, …). */
export function StatusBadge({ status }: { status: string }) {
  const key = status.toLowerCase();
  const tone =
    key === 'live' || key === 'active'
      ? 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100'
      : key === 'testing'
        ? 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100'
        : 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100';
  return (
    <span
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${tone}`}
    >
      {status || 'Unknown'}
    </span>
  );
}
