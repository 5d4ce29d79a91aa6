/**
 * The API's page parameters, read from a request. The arithmetic of the page wrapper lives in
 * the contract (contract/paging.ts), shared with the app's tests. A page asks only for its own
 * slice of the list, so its cost does not depend on the list's length.
 */
import {
  API_DEFAULT_PAGE_SIZE,
  API_MAX_PAGE_SIZE,
  pageInfo,
  pageSlice,
  type Page,
  type Paging,
} from '../../contract/paging.ts';

/** The API declares page and size as int32. */
const INT32_MAX = 2_147_483_647;
const DIGITS = /^\d+$/;

/** Parses `page` and `size`, or returns the message naming the parameter that is wrong. */
export function parsePaging(raw: { page?: string; size?: string }): Paging | { error: string } {
  const page = raw.page === undefined ? 0 : parseWhole(raw.page);
  if (page === undefined) return { error: 'page must be a non-negative integer' };
  if (page > INT32_MAX) return { error: `page must be at most ${INT32_MAX}` };

  const size = raw.size === undefined ? API_DEFAULT_PAGE_SIZE : parseWhole(raw.size);
  if (size === undefined || size < 1) return { error: 'size must be a positive integer' };
  if (size > API_MAX_PAGE_SIZE) return { error: `size must be at most ${API_MAX_PAGE_SIZE}` };
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
  paging: Paging,
  slice: (start: number, end: number) => T[],
): Page<T> {
  return { data: slice(...pageSlice(totalCount, paging)), ...pageInfo(totalCount, paging) };
}
