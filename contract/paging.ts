/**
 * The API's paging arithmetic (see API.md): `page` is zero-based, a page holds at most `size`
 * items, and the wrapper says how many pages there are and whether one exists before or after.
 * The sandbox builds its answers with it and the tests build their fixtures with it, so both
 * sides page the same way.
 */

/** The page size the API uses when none is asked for. */
export const API_DEFAULT_PAGE_SIZE = 10;
/** The largest page the API serves: whoever reads every page asks for pages of this size. */
export const API_MAX_PAGE_SIZE = 100;

export interface Paging {
  /** Zero-based. */
  page: number;
  size: number;
}

/** The page wrapper's fields other than `data`. */
export interface PageInfo extends Paging {
  totalCount: number;
  totalPages: number;
  hasNext: boolean;
  hasPrevious: boolean;
}

export interface Page<T> extends PageInfo {
  data: T[];
}

/** What the wrapper says about `page` of a list of `totalCount` items. */
export function pageInfo(totalCount: number, { page, size }: Paging): PageInfo {
  const totalPages = Math.ceil(totalCount / size);
  return {
    page,
    size,
    totalCount,
    totalPages,
    hasNext: page + 1 < totalPages,
    hasPrevious: page > 0 && totalCount > 0,
  };
}

/** The list positions `[start, end)` that `page` holds (empty past the end). */
export function pageSlice(totalCount: number, { page, size }: Paging): [number, number] {
  const start = Math.min(totalCount, page * size);
  return [start, Math.min(totalCount, start + size)];
}
