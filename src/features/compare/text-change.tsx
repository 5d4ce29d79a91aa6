import { useState } from 'react';
import { textDifference } from '../../lib/batch-diff';

/** Characters of unchanged text kept on each side of a change before it is elided. */
const CONTEXT = 120;

/**
 * A long text in both versions, the part that differs marked, the unchanged start and end
 * elided around it until "Show whole text" is pressed. Rendered as text only.
 */
export function TextChange({
  name,
  before,
  after,
}: {
  name: string;
  before: string;
  after: string;
}) {
  const [whole, setWhole] = useState(false);
  const diff = textDifference(before, after);
  const prefix = Array.from(diff.prefix);
  const suffix = Array.from(diff.suffix);
  const cut = !whole && (prefix.length > CONTEXT || suffix.length > CONTEXT);
  const start =
    whole || prefix.length <= CONTEXT ? diff.prefix : `…${prefix.slice(-CONTEXT).join('')}`;
  const end =
    whole || suffix.length <= CONTEXT ? diff.suffix : `${suffix.slice(0, CONTEXT).join('')}…`;

  const version = (label: string, middle: string, tone: string) => (
    <div className="min-w-0 rounded-md border border-slate-200 p-3 dark:border-slate-700">
      <p className="mb-1 text-xs font-medium text-slate-600 dark:text-slate-400">{label}</p>
      <p className="whitespace-pre-wrap break-words [overflow-wrap:anywhere] [unicode-bidi:plaintext]">
        {start}
        {middle && (
          <mark className={`rounded-sm px-0.5 ${tone}`}>
            <span className="sr-only">[changed: </span>
            {middle}
            <span className="sr-only">]</span>
          </mark>
        )}
        {end}
      </p>
    </div>
  );

  return (
    <div>
      <h4 className="mb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-400">
        {name}
      </h4>
      <div className="grid gap-2 md:grid-cols-2">
        {version(
          'Older batch',
          diff.before,
          'bg-red-100 text-red-950 dark:bg-red-900 dark:text-red-50',
        )}
        {version(
          'Newer batch',
          diff.after,
          'bg-emerald-100 text-emerald-950 dark:bg-emerald-900 dark:text-emerald-50',
        )}
      </div>
      {(cut || whole) && (
        <button
          type="button"
          aria-expanded={whole}
          onClick={() => setWhole((value) => !value)}
          className="mt-1 text-xs font-medium text-indigo-700 underline hover:text-indigo-900 dark:text-indigo-300 dark:hover:text-indigo-100"
        >
          {whole
            ? `Show only the change in the ${name.toLowerCase()}`
            : `Show the whole ${name.toLowerCase()}`}
        </button>
      )}
    </div>
  );
}
