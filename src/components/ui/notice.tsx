/** A boxed message for a state of the page: what happened and what to do next. */
export function Notice({
  tone = 'info',
  title,
  children,
  role,
}: {
  tone?: 'info' | 'warning' | 'error';
  title: string;
  children?: React.ReactNode;
  role?: 'alert' | 'status';
}) {
  const tones = {
    info: 'border-slate-300 bg-white dark:border-slate-700 dark:bg-slate-900',
    warning: 'border-amber-300 bg-amber-50 dark:border-amber-700 dark:bg-amber-950',
    error: 'border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950',
  };
  return (
    <div role={role} className={`rounded-lg border p-6 text-sm ${tones[tone]}`}>
      <h2 className="mb-1 text-base font-semibold">{title}</h2>
      <div className="space-y-2 text-slate-700 dark:text-slate-300">{children}</div>
    </div>
  );
}
