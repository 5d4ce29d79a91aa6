/** Rows of the same height as the table's, so nothing jumps when data arrives. */
export function TableSkeleton({ rows }: { rows: number }) {
  return (
    <div
      role="status"
      aria-live="polite"
      className="divide-y divide-slate-200 dark:divide-slate-800"
    >
      <span className="sr-only">Loading batch runs…</span>
      <div className="h-9 bg-slate-100 dark:bg-slate-800" />
      {Array.from({ length: rows }, (_, index) => (
        <div key={index} className="flex h-[3.25rem] items-center gap-4 px-3" aria-hidden="true">
          <div className="h-4 w-6 animate-pulse rounded bg-slate-200 dark:bg-slate-700" />
          <div className="h-4 w-48 animate-pulse rounded bg-slate-200 dark:bg-slate-700" />
          <div className="h-4 w-24 animate-pulse rounded bg-slate-200 dark:bg-slate-700" />
          <div className="h-4 w-16 animate-pulse rounded bg-slate-200 dark:bg-slate-700" />
          <div className="h-4 flex-1 animate-pulse rounded bg-slate-200 dark:bg-slate-700" />
          <div className="h-4 w-28 animate-pulse rounded bg-slate-200 dark:bg-slate-700" />
        </div>
      ))}
    </div>
  );
}
