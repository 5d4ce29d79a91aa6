import { useState } from 'react';
import { formatCount, plural } from '../../lib/format';
import { PAGE_SIZES, type PageSize } from '../../lib/view/view';

import { Button } from '../../components/ui/button';

const buttonText = 'text-slate-800 dark:text-slate-100';

/**
 * Previous/Next follow the server's hasPrevious/hasNext exactly; they are also held while
 * placeholder data is on screen so a click cannot skip a page that has not arrived yet.
 */
export function PaginationControls({
  page,
  size,
  totalPages,
  totalCount,
  hasPrevious,
  hasNext,
  busy,
  onPageChange,
  onSizeChange,
  growing = false,
  matching = false,
}: {
  page: number;
  size: PageSize;
  totalPages: number | undefined;
  totalCount: number | undefined;
  hasPrevious: boolean;
  hasNext: boolean;
  busy: boolean;
  onPageChange: (page: number) => void;
  onSizeChange: (size: PageSize) => void;
  /** Over a search's matches while it runs: the last page is only the last found so far. */
  growing?: boolean;
  /** Counting a filter's matches, not all batch runs. */
  matching?: boolean;
}) {
  const lastPage = Math.max(totalPages ?? 1, 1);
  return (
    <nav
      aria-label="Pagination"
      className="flex min-h-10 flex-wrap items-center justify-between gap-3"
    >
      <p className="text-sm text-slate-700 tabular-nums dark:text-slate-300">
        <span>
          Page {formatCount(page)} of {totalPages === undefined ? '…' : formatCount(lastPage)}
          {growing && (
            <>
              <span aria-hidden="true">+</span>
              <span className="sr-only"> so far, still searching</span>
            </>
          )}
        </span>
        {totalCount !== undefined && (
          <span className="text-slate-600 dark:text-slate-400">
            {' '}
            ·{' '}
            {matching
              ? plural(totalCount, 'matching batch run', 'matching batch runs')
              : plural(totalCount, 'batch run', 'batch runs')}
          </span>
        )}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <GoToPage
          key={page}
          page={page}
          lastPage={totalPages === undefined ? undefined : lastPage}
          onPageChange={onPageChange}
        />
        <label className="flex items-center gap-2 text-sm">
          <span>Rows per page</span>
          <select
            value={size}
            onChange={(event) => onSizeChange(Number(event.target.value) as PageSize)}
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-800"
          >
            {PAGE_SIZES.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        </label>
        <Button
          className={buttonText}
          disabled={!hasPrevious || page === 1}
          onClick={() => onPageChange(1)}
        >
          First page
        </Button>
        <Button
          className={buttonText}
          disabled={!hasPrevious}
          // From past the end (a stale link), one step back is the last page that exists.
          onClick={() => onPageChange(Math.min(page - 1, lastPage))}
        >
          Previous page
        </Button>
        <Button
          className={buttonText}
          disabled={!hasNext || busy}
          onClick={() => onPageChange(page + 1)}
        >
          Next page
        </Button>
        <Button
          className={buttonText}
          disabled={totalPages === undefined || page === lastPage || busy}
          onClick={() => onPageChange(lastPage)}
        >
          Last page
        </Button>
      </div>
    </nav>
  );
}

/**
 * "Go to page": a number typed and confirmed with Enter or Go. Bad input is repaired, not
 * refused: anything that is not a whole number puts the current page back, a number past
 * either end goes to the first or the last page, and the box shows where it went.
 */
function GoToPage({
  page,
  lastPage,
  onPageChange,
}: {
  page: number;
  lastPage: number | undefined;
  onPageChange: (page: number) => void;
}) {
  const [text, setText] = useState(String(page));
  return (
    <form
      className="flex items-center gap-1.5 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        const wanted = Number.parseInt(text.replace(/[^\d-]/g, ''), 10);
        if (Number.isNaN(wanted)) {
          setText(String(page));
          return;
        }
        const target = Math.min(Math.max(wanted, 1), lastPage ?? wanted);
        setText(String(target));
        if (target !== page) onPageChange(target);
      }}
    >
      <label className="flex items-center gap-1.5">
        <span className="whitespace-nowrap">Go to page</span>
        <input
          type="text"
          inputMode="numeric"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onFocus={(event) => event.target.select()}
          className="w-16 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm tabular-nums dark:border-slate-600 dark:bg-slate-800"
        />
      </label>
      <Button type="submit" className={buttonText}>
        Go
      </Button>
    </form>
  );
}

/**
 * Below the table: where the reader is, in batch runs, and a step to the newer or older ones
 * (the list runs newest first), so a long page does not send them back to the top.
 */
export function BottomPagination({
  page,
  size,
  totalCount,
  hasPrevious,
  hasNext,
  busy,
  rowCount,
  onPageChange,
}: {
  page: number;
  size: number;
  totalCount: number;
  hasPrevious: boolean;
  hasNext: boolean;
  busy: boolean;
  rowCount: number;
  onPageChange: (page: number) => void;
}) {
  const first = (page - 1) * size + 1;
  return (
    <nav
      aria-label="Pagination below the table"
      className="flex flex-wrap items-center justify-between gap-3"
    >
      <p className="text-sm text-slate-700 tabular-nums dark:text-slate-300">
        Batch runs {formatCount(first)}–{formatCount(first + rowCount - 1)} of{' '}
        {formatCount(totalCount)}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <Button
          className={buttonText}
          disabled={!hasPrevious}
          onClick={() => onPageChange(page - 1)}
        >
          ← Newer batch runs
        </Button>
        <Button
          className={buttonText}
          disabled={!hasNext || busy}
          onClick={() => onPageChange(page + 1)}
        >
          Older batch runs →
        </Button>
      </div>
    </nav>
  );
}
