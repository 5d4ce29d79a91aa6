/**
 * The API's page parameters and page wrapper. A page asks only for its own slice of the list,
 * so its cost does not depend on the list's length.
 */
export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 100;
/** The API declares page and size as int32. */
const INT32_MAX = 2_147_483_647;
const DIGITS = /^\d+$/;

export interface Paging {
  page: number;
  size: number;
}

export interface Page<T> extends Paging {
  data: T[];
  totalCount: number;
  totalPages: number;
  hasNext: boolean;
  hasPrevious: boolean;
}

/** Parses `page` and `size`, or returns the message naming the parameter that is wrong. */
export function parsePaging(raw: { page?: string; size?: string }): Paging | { error: string } {
  const page = raw.page === undefined ? 0 : parseWhole(raw.page);
  if (page === undefined) return { error: 'page must be a non-negative integer' };
  if (page > INT32_MAX) return { error: `page must be at most ${INT32_MAX}` };

  const size = raw.size === undefined ? DEFAULT_PAGE_SIZE : parseWhole(raw.size);
  if (size === undefined || size < 1) return { error: 'size must be a positive integer' };
  if (size > MAX_PAGE_SIZE) return { error: `size must be at most ${MAX_PAGE_SIZE}` };
  return { page, size };
}

/** Digits only (surrounding spaces allowed): rejects '', '-1', '1.5', '1e3', 'abc'. */
function parseWhole(text: string): number | undefined {
  const trimmed = text.trim();
  return DIGITS.test(trimmed) ? Number(trimmed) : undefined;
}

/** `slice(start, end)` returns the items at those list positions; only this page's are asked for. */
export function pageOf<T>(
  totalCount: number,
  { page, size }: Paging,
  slice: (start: number, end: number) => T[],
): Page<T> {
  const totalPages = Math.ceil(totalCount / size);
  const start = Math.min(totalCount, page * size);
  return {
    data: slice(start, Math.min(totalCount, start + size)),
    page,
    size,
    totalCount,
    totalPages,
    hasNext: page + 1 < totalPages,
    hasPrevious: page > 0 && totalCount > 0,
  };
}
