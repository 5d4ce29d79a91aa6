import { useEffect, useState } from 'react';

/** Copies `text`; says so visibly and to screen readers for two seconds. */
export function CopyButton({
  text,
  label,
  children,
  className = '',
}: {
  text: string;
  /** Accessible name, e.g. "Copy batch id batch_123". */
  label: string;
  children?: React.ReactNode;
  className?: string;
}) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (status === 'idle') return;
    const timer = window.setTimeout(() => setStatus('idle'), 2000);
    return () => window.clearTimeout(timer);
  }, [status]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('copied');
    } catch {
      setStatus('failed');
    }
  }

  return (
    <span className="inline-flex items-center gap-1">
      <button
        type="button"
        onClick={() => void copy()}
        aria-label={children ? undefined : label}
        title={label}
        className={`rounded px-1.5 py-0.5 text-xs text-slate-600 hover:bg-slate-200 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-700 dark:hover:text-white ${className}`}
      >
        {children ?? (
          <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5 fill-current">
            <path d="M4 2a2 2 0 0 1 2-2h6a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V2zm2 0v8h6V2H6zM2 5v9a1 1 0 0 0 1 1h7v1H3a2 2 0 0 1-2-2V5h1z" />
          </svg>
        )}
      </button>
      <span role="status" className="text-xs text-emerald-700 dark:text-emerald-400">
        {status === 'copied' ? 'Copied' : status === 'failed' ? 'Copy failed' : ''}
      </span>
    </span>
  );
}
