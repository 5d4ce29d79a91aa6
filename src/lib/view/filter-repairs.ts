/**
 * Why a link's filters were repaired, in words: loaded only when a link has a filter, so the
 * first visit does not pay for these messages. The values are repaired by view.ts's parsers
 * (readView gives them here as `filters`); this compares them with what the link said.
 * It imports nothing from view.ts: the first chunk stays one piece.
 */
import type { Filters, Repair } from './view';

const quote = (value: string) => (value.length > 40 ? `${value.slice(0, 40)}…` : value);

export function filterRepairs(search: URLSearchParams, filters: Filters): Repair[] {
  const repairs: Repair[] = [];
  const explain = (param: Repair['param'], given: string, message: string) =>
    repairs.push({ param, given, message: `${message} (“${quote(given)}”).` });

  const outcome = search.get('outcome');
  if (outcome !== null && filters.outcome === null) {
    explain(
      'outcome',
      outcome,
      'The outcome filter must be failed, passed or unfinished; showing every outcome',
    );
  }
  const days = { since: search.get('since'), until: search.get('until') };
  const swapped = filters.since !== null && filters.since === days.until?.trim();
  for (const key of ['since', 'until'] as const) {
    const raw = days[key];
    if (raw !== null && filters[key] === null) {
      explain(
        key,
        raw,
        `“${key}” is not a date written YYYY-MM-DD; the range has no ${key === 'since' ? 'start' : 'end'}`,
      );
    }
  }
  if (swapped && filters.since !== filters.until) {
    explain(
      'until',
      days.until ?? '',
      `The range ended before it began; showing ${filters.since} to ${filters.until}`,
    );
  }
  const q = search.get('q');
  if (q !== null && filters.q === null) {
    explain('q', q, 'The search text was empty; searching no text');
  } else if (q !== null && filters.q !== null && q.trim().length > filters.q.length) {
    explain('q', q, `The search text was cut to ${filters.q.length} characters`);
  }
  const rate = search.get('rate');
  if (rate !== null && filters.rate === null) {
    explain(
      'rate',
      rate,
      'The pass-rate filter must be a percentage from 0 to 100; showing every pass rate',
    );
  } else if (rate !== null && Number.parseFloat(rate) > 100) {
    explain('rate', rate, 'A pass rate is at most 100%; showing at or below 100%');
  }
  return repairs;
}
