import { useState } from 'react';
import { formatCount, plural } from '../../lib/format';
import { PAGE_SIZES, type PageSize } from '../../lib/view/view';

import { AppLink } from '../../components/ui/app-link';
import { Button, buttonClass } from '../../components/ui/button';

const buttonText = 'text-slate-800 dark:text-slate-100';

/**
 * A step to another page: a real link (it works without JavaScript, in a server-rendered page,
 * and opens in a new tab), an in-app navigation on a plain click. Where there is no such page
 * it is a disabled link: named, but neither focusable nor followed.
 */
function PageLink({
  to,
  disabled,
  pageHref,
  onPageChange,
  children,
}: {
  to: number;
  disabled: boolean;
  pageHref: (page: number) => string;
  onPageChange: (page: number) => void;
  children: React.ReactNode;
}) {
  if (disabled) {
    return (
      <span
        role="link"
        aria-disabled="true"
        className={buttonClass({ className: `${buttonText} cursor-not-allowed opacity-50` })}
      >
        {children}
      </span>
    );
  }
  return (
    <AppLink
      href={pageHref(to)}
      onNavigate={() => onPageChange(to)}
      className={buttonClass({ className: buttonText })}
    >
      {children}
    </AppLink>
  );
}

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
  pageHref,
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
  pageHref: (page: number) => string;
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
          pageHref={pageHref}
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
        <PageLink
          to={1}
          disabled={!hasPrevious || page === 1}
          pageHref={pageHref}
          onPageChange={onPageChange}
        >
          First page
        </PageLink>
        <PageLink
          // From past the end (a stale link), one step back is the last page that exists.
          to={Math.min(page - 1, lastPage)}
          disabled={!hasPrevious}
          pageHref={pageHref}
          onPageChange={onPageChange}
        >
          Previous page
        </PageLink>
        <PageLink
          to={page + 1}
          disabled={!hasNext || busy}
          pageHref={pageHref}
          onPageChange={onPageChange}
        >
          Next page
        </PageLink>
        <PageLink
          to={lastPage}
          disabled={totalPages === undefined || page === lastPage || busy}
          pageHref={pageHref}
          onPageChange={onPageChange}
        >
          Last page
        </PageLink>
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
  pageHref,
}: {
  page: number;
  lastPage: number | undefined;
  onPageChange: (page: number) => void;
  pageHref: (page: number) => string;
}) {
  const [text, setText] = useState(String(page));
  // Without JavaScript the form is a plain GET of this view with the page typed (the server
  // renders it, repairing a bad number as a link's would be).
  const target = new URL(pageHref(page), 'http://view.invalid');
  const kept = [...target.searchParams].filter(([name]) => name !== 'page');
  return (
    <form
      method="get"
      action={target.pathname}
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
      {kept.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <label className="flex items-center gap-1.5">
        <span className="whitespace-nowrap">Go to page</span>
        <input
          name="page"
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
  pageHref,
}: {
  page: number;
  size: number;
  totalCount: number;
  hasPrevious: boolean;
  hasNext: boolean;
  busy: boolean;
  rowCount: number;
  onPageChange: (page: number) => void;
  pageHref: (page: number) => string;
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
        <PageLink
          to={page - 1}
          disabled={!hasPrevious}
          pageHref={pageHref}
          onPageChange={onPageChange}
        >
          ← Newer batch runs
        </PageLink>
        <PageLink
          to={page + 1}
          disabled={!hasNext || busy}
          pageHref={pageHref}
          onPageChange={onPageChange}
        >
          Older batch runs →
        </PageLink>
      </div>
    </nav>
  );
}
