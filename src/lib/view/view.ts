/**
 * The view lives in the URL: `?agentId=…&page=N&size=M&batch=…&compare=a,b`. This module is
 * its one owner with use-view.ts beside it: the `View` type, the parser (`readView`, which
 * reads raw search params into a valid view and says what it had to repair, so a bad shared
 * link never breaks the page) and the serializer (`viewHref`, defaults left out). `page` is
 * 1-based here, as the UI shows it; `toApiPage` is the one place that converts to the API's
 * zero-based page.
 */
import { createParser, createSerializer } from 'nuqs';
import { OUTCOMES, type Filters, type Outcome } from '../../../contract/filters';
import { currentServerRender } from '../render-context';

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 20;
/** Far beyond any real agent; larger numbers are typos or probes. */
export const MAX_PAGE = 10_000_000;

const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

/** Batches a comparison holds: `compare=a,b`. */
export const MAX_COMPARED = 2;

export interface View {
  agentId: string | null;
  /** 1-based, as shown. */
  page: number;
  size: PageSize;
  batch: string | null;
  compare: readonly [string, string] | null;
  /** Present only when a filter is on (`outcome`, `since`, `until`, `q`, `rate`). */
  filters?: Filters;
}

export { OUTCOMES, type Filters, type Outcome } from '../../../contract/filters';

export const NO_FILTERS: Filters = { outcome: null, since: null, until: null, q: null, rate: null };
export const FILTER_KEYS = Object.keys(NO_FILTERS) as (keyof Filters)[];
/** Longest text search kept from a link. */
export const MAX_QUERY = 200;

export function hasFilters(filters: Filters | undefined): filters is Filters {
  return !!filters && FILTER_KEYS.some((key) => filters[key] !== null);
}

export interface Repair {
  param: 'agentId' | 'page' | 'size' | 'batch' | 'compare' | keyof Filters;
  given: string;
  message: string;
}

export function toApiPage(page: number): number {
  return page - 1;
}

export function isValidId(value: string): boolean {
  return ID_PATTERN.test(value);
}

export function parseId(raw: string | null): string | null {
  if (raw === null) return null;
  const trimmed = raw.trim();
  return isValidId(trimmed) ? trimmed : null;
}

export function parsePage(raw: string | null): number | null {
  if (raw === null || !/^\s*\d+\s*$/.test(raw)) return null;
  const page = Number(raw);
  return page >= 1 && page <= MAX_PAGE ? page : null;
}

export function parseSize(raw: string | null): PageSize | null {
  if (raw === null || !/^\s*\d+\s*$/.test(raw)) return null;
  const size = Number(raw);
  return (PAGE_SIZES as readonly number[]).includes(size) ? (size as PageSize) : null;
}

/** The allowed size a bad one is repaired to: too big → the largest, anything else → the default. */
export function repairSize(raw: string): PageSize {
  const size = Number(raw.trim());
  if (Number.isInteger(size) && size > PAGE_SIZES[PAGE_SIZES.length - 1]!) {
    return PAGE_SIZES[PAGE_SIZES.length - 1]!;
  }
  return DEFAULT_PAGE_SIZE;
}

export function parseCompare(raw: string | null): readonly [string, string] | null {
  if (raw === null) return null;
  const parts = raw.split(',').map((part) => part.trim());
  if (parts.length !== 2) return null;
  const [a, b] = parts as [string, string];
  return isValidId(a) && isValidId(b) && a !== b ? [a, b] : null;
}

export function parseOutcome(raw: string | null): Outcome | null {
  const value = raw?.trim().toLowerCase();
  return (OUTCOMES as readonly (string | undefined)[]).includes(value) ? (value as Outcome) : null;
}

/** A real calendar day written `YYYY-MM-DD`. */
export function parseDay(raw: string | null): string | null {
  const day = raw?.trim() ?? '';
  const date = new Date(`${day}T00:00:00Z`);
  return /^\d{4}-\d\d-\d\d$/.test(day) && date.toISOString().startsWith(day) ? day : null;
}

/** Text to search, spaces tidied and cut to MAX_QUERY characters; none when empty. */
export function parseQuery(raw: string | null): string | null {
  return raw?.trim().replace(/\s+/g, ' ').slice(0, MAX_QUERY) || null;
}

/** A percentage; above 100 reads as 100. */
export function parseRate(raw: string | null): number | null {
  return raw !== null && /^\s*\d+(\.\d+)?\s*%?\s*$/.test(raw)
    ? Math.min(100, Number.parseFloat(raw))
    : null;
}

/** The filters of a link, each bad value dropped (filter-repairs.ts says why, lazily). */
function readFilters(search: URLSearchParams): Filters {
  const { since, until } = {
    since: parseDay(search.get('since')),
    until: parseDay(search.get('until')),
  };
  const swap = since !== null && until !== null && since > until;
  return {
    outcome: parseOutcome(search.get('outcome')),
    since: swap ? until : since,
    until: swap ? since : until,
    q: parseQuery(search.get('q')),
    rate: parseRate(search.get('rate')),
  };
}

/** Shortens what a user pasted so a message can quote it without swallowing the page. */
export function quote(value: string, max = 40): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

export function readView(search: URLSearchParams): { view: View; repairs: Repair[] } {
  const repairs: Repair[] = [];

  const rawAgent = search.get('agentId');
  const agentId = parseId(rawAgent);
  if (rawAgent !== null && agentId === null) {
    repairs.push({
      param: 'agentId',
      given: rawAgent,
      message:
        rawAgent.trim() === ''
          ? 'The link had an empty agent id; pick an agent below.'
          : `“${quote(rawAgent)}” is not a valid agent id (letters, digits, “_” and “-” only); pick an agent below.`,
    });
  }

  const rawPage = search.get('page');
  const parsedPage = parsePage(rawPage);
  if (rawPage !== null && parsedPage === null) {
    repairs.push({
      param: 'page',
      given: rawPage,
      message: `“${quote(rawPage)}” is not a page number; showing page 1.`,
    });
  }

  const rawSize = search.get('size');
  let size = parseSize(rawSize);
  if (rawSize !== null && size === null) {
    size = repairSize(rawSize);
    repairs.push({
      param: 'size',
      given: rawSize,
      message: `Page size “${quote(rawSize)}” is not one of ${PAGE_SIZES.join(', ')}; showing ${size} per page.`,
    });
  }

  const rawBatch = search.get('batch');
  const batch = parseId(rawBatch);
  if (rawBatch !== null && batch === null) {
    repairs.push({
      param: 'batch',
      given: rawBatch,
      message: `“${quote(rawBatch)}” is not a valid batch id.`,
    });
  }

  const rawCompare = search.get('compare');
  const compare = parseCompare(rawCompare);
  if (rawCompare !== null && compare === null) {
    repairs.push({
      param: 'compare',
      given: rawCompare,
      message: `“${quote(rawCompare)}” does not name two different batch ids to compare.`,
    });
  }

  const filters = readFilters(search);
  const view: View = {
    agentId,
    page: parsedPage ?? 1,
    size: size ?? DEFAULT_PAGE_SIZE,
    batch: agentId ? batch : null,
    compare: agentId ? compare : null,
  };
  if (agentId && hasFilters(filters)) view.filters = filters;
  return { view, repairs };
}

/** The view of the address bar now (for start-up work before React renders). */
export function currentView(): View {
  return readView(new URLSearchParams(window.location.search)).view;
}

const idParser = createParser({ parse: parseId, serialize: (id: string) => id });

/** The same field parsers as `readView`, in the shape nuqs reads and writes the URL with. */
export const viewParsers = {
  agentId: idParser,
  page: createParser({ parse: parsePage, serialize: String }).withDefault(1),
  size: createParser({ parse: parseSize, serialize: String }).withDefault(DEFAULT_PAGE_SIZE),
  batch: idParser,
  outcome: createParser({ parse: parseOutcome, serialize: String }),
  since: createParser({ parse: parseDay, serialize: String }),
  until: createParser({ parse: parseDay, serialize: String }),
  q: createParser({ parse: parseQuery, serialize: String }),
  rate: createParser({ parse: parseRate, serialize: String }),
  compare: createParser({
    parse: parseCompare,
    serialize: (ids: readonly [string, string]) => ids.join(','),
    eq: (a, b) => a[0] === b[0] && a[1] === b[1],
  }),
};

const serialize = createSerializer(viewParsers);

/**
 * The URL of a view, defaults left out: relative for anchors inside the app, absolute for
 * "Copy link".
 */
export function viewHref(view: Partial<View>, { absolute = false } = {}): string {
  // A server render only renders the app's one page, `/`.
  const server = currentServerRender();
  const path = server ? '/' : window.location.pathname;
  return serialize(absolute ? `${server?.origin ?? window.location.origin}${path}` : path, {
    agentId: view.agentId ?? null,
    page: view.page ?? null,
    size: view.size ?? null,
    batch: view.batch ?? null,
    compare: view.compare ?? null,
    ...(view.filters ?? NO_FILTERS),
  });
}
