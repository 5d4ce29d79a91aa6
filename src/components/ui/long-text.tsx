import { useState } from 'react';
import { shorten } from '../../lib/format';

/**
 * Text that may be long (personas, criteria): shown whole when short, otherwise cut at
 * `limit` characters with a button that shows all of it. Always rendered as text.
 */
export function LongText({
  text,
  what,
  limit = 400,
}: {
  text: string;
  what: string;
  limit?: number;
}) {
  const [open, setOpen] = useState(false);
  if (text.trim() === '') return <p className="text-slate-600 italic dark:text-slate-400">Empty</p>;
  const short = shorten(text, limit);
  const long = short !== text;
  return (
    <div>
      <p className="whitespace-pre-wrap break-words [overflow-wrap:anywhere] [unicode-bidi:plaintext]">
        {long && !open ? short : text}
      </p>
      {long && (
        <button
          type="button"
          aria-expanded={open}
          onClick={() => setOpen((value) => !value)}
          className="mt-1 text-xs font-medium text-indigo-700 underline hover:text-indigo-900 dark:text-indigo-300 dark:hover:text-indigo-100"
        >
          {open
            ? `Show less of the ${what}`
            : `Show all of the ${what} (${text.length.toLocaleString()} characters)`}
        </button>
      )}
    </div>
  );
}
