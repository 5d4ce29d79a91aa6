/**
 * The list's filters as the URL names them: kept apart from their meaning
 * (batch-filters.ts), which reads batch runs, so the first chunk (the URL's parser) does not
 * carry the row reader and zod with it.
 */
export const OUTCOMES = ['failed', 'passed', 'unfinished'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The list's filters, combined with AND; `since`/`until` are inclusive days in local time. */
export interface Filters {
  outcome: Outcome | null;
  since: string | null;
  until: string | null;
  q: string | null;
  /** Pass rate at or below this percentage (0–100). */
  rate: number | null;
}
