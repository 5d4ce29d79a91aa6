import { Button } from '../../components/ui/button';
import { formatPercent } from '../../lib/format';
import { hasFilters, NO_FILTERS, type Filters, type Outcome } from '../../lib/view/view';

/** The filters in words, for the chips and for an empty result: "failed · since 2026-11-24". */
export function describeFilters(filters: Filters, outcomeNames: Record<Outcome, string>) {
  const parts: { key: keyof Filters; changes: Partial<Filters>; text: string }[] = [];
  if (filters.outcome) {
    parts.push({ key: 'outcome', changes: { outcome: null }, text: outcomeNames[filters.outcome] });
  }
  if (filters.since)
    parts.push({ key: 'since', changes: { since: null }, text: `From ${filters.since}` });
  if (filters.until)
    parts.push({ key: 'until', changes: { until: null }, text: `To ${filters.until}` });
  if (filters.q) parts.push({ key: 'q', changes: { q: null }, text: `Text “${filters.q}”` });
  if (filters.rate !== null) {
    parts.push({
      key: 'rate',
      changes: { rate: null },
      text: `Pass rate ≤ ${formatPercent(filters.rate / 100)}`,
    });
  }
  return parts;
}

/** Each active filter as a chip with its own remove button, then Clear all. */
export function FilterChips({
  filters,
  onChange,
  outcomeNames,
}: {
  filters: Filters;
  onChange: (changes: Partial<Filters>) => void;
  outcomeNames: Record<Outcome, string>;
}) {
  if (!hasFilters(filters)) return null;
  return (
    <ul aria-label="Active filters" className="flex flex-wrap items-center gap-2 text-sm">
      {describeFilters(filters, outcomeNames).map(({ key, changes, text }) => (
        <li
          key={key}
          className="flex items-center gap-1 rounded-full border border-indigo-300 bg-indigo-50 py-0.5 pr-1 pl-3 dark:border-indigo-700 dark:bg-indigo-950"
        >
          {text}
          <Button
            size="xs"
            variant="plain"
            aria-label={`Remove filter: ${text}`}
            onClick={() => onChange(changes)}
          >
            <span aria-hidden="true">×</span>
          </Button>
        </li>
      ))}
      <li>
        <Button size="xs" onClick={() => onChange(NO_FILTERS)}>
          Clear all
        </Button>
      </li>
    </ul>
  );
}
