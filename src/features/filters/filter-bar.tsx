import { useId } from 'react';
import { Button } from '../../components/ui/button';
import { NO_FILTERS, OUTCOMES, type Filters, type Outcome } from '../../lib/view/view';
import { FilterChips } from './filter-chips';
import { PRESETS, useFilterForm } from './use-filter-form';

const OUTCOME_NAMES: Record<Outcome, string> = {
  failed: 'Failed something',
  passed: 'Passed',
  unfinished: 'Unfinished',
};

const fieldClass =
  'rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-800';

/**
 * The filters above the table: outcome, a date range (presets or custom days), text and a
 * pass-rate ceiling. Selects apply at once; text and rate apply with Search (one history
 * entry, not one per keystroke). Active filters show below as removable chips.
 */
export function FilterBar({
  filters = NO_FILTERS,
  onChange,
}: {
  filters: Filters | undefined;
  onChange: (changes: Partial<Filters>) => void;
}) {
  const id = useId();
  const { preset, custom, q, setQ, rate, setRate, choosePreset, submit } = useFilterForm(
    filters,
    onChange,
  );

  return (
    <section aria-label="Filters" className="space-y-2">
      <form
        role="search"
        aria-label="Filter batch runs"
        className="flex flex-wrap items-end gap-3 text-sm"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <label className="flex flex-col gap-1">
          <span>Outcome</span>
          <select
            className={fieldClass}
            value={filters.outcome ?? ''}
            onChange={(event) => onChange({ outcome: (event.target.value || null) as Outcome })}
          >
            <option value="">Any outcome</option>
            {OUTCOMES.map((outcome) => (
              <option key={outcome} value={outcome}>
                {OUTCOME_NAMES[outcome]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span>Created</span>
          <select
            className={fieldClass}
            value={custom ? 'custom' : preset}
            onChange={(event) => choosePreset(event.target.value)}
          >
            <option value="all">Any time</option>
            {PRESETS.map(({ days, label }) => (
              <option key={days} value={days}>
                {label}
              </option>
            ))}
            <option value="custom">Custom range</option>
          </select>
        </label>
        {(custom || preset === 'custom') && (
          <>
            <label className="flex flex-col gap-1">
              <span>From</span>
              <input
                type="date"
                className={fieldClass}
                value={filters.since ?? ''}
                max={filters.until ?? undefined}
                onChange={(event) => onChange({ since: event.target.value || null })}
              />
            </label>
            <label className="flex flex-col gap-1">
              <span>To</span>
              <input
                type="date"
                className={fieldClass}
                value={filters.until ?? ''}
                min={filters.since ?? undefined}
                onChange={(event) => onChange({ until: event.target.value || null })}
              />
            </label>
          </>
        )}
        {/* A row of its own on a phone: its placeholder names all five fields it searches. */}
        <label className="flex min-w-full flex-1 flex-col gap-1 sm:min-w-48">
          <span>Text</span>
          <input
            type="search"
            className={fieldClass}
            value={q}
            placeholder="Test case, persona, criteria, model, mock data"
            aria-describedby={`${id}-q`}
            onChange={(event) => setQ(event.target.value)}
          />
          <span id={`${id}-q`} className="sr-only">
            Matched without regard to case
          </span>
        </label>
        <label className="flex flex-col gap-1">
          <span>Pass rate at most (%)</span>
          <input
            type="number"
            min={0}
            max={100}
            className={`${fieldClass} w-24`}
            value={rate}
            onChange={(event) => setRate(event.target.value)}
          />
        </label>
        <Button type="submit">Search</Button>
      </form>
      <FilterChips filters={filters} onChange={onChange} outcomeNames={OUTCOME_NAMES} />
    </section>
  );
}
