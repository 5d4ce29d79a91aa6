import { useState } from 'react';
import { daysAgo, localDay } from '../../lib/batch-filters';
import { parseRate, type Filters } from '../../lib/view/view';

export const PRESETS = [
  { days: 1, label: 'Last 24 hours' },
  { days: 7, label: 'Last 7 days' },
  { days: 30, label: 'Last 30 days' },
] as const;

/** Which preset a range is, if it is one (read from the dates, so a shared link shows it too). */
function presetOf(filters: Filters): string {
  if (!filters.since && !filters.until) return 'all';
  if (filters.until && filters.until !== localDay(Date.now())) return 'custom';
  // "Last 24 hours" is yesterday and today: days are the URL's unit.
  const preset = PRESETS.find(({ days }) => daysAgo(days === 1 ? 2 : days) === filters.since);
  return preset ? String(preset.days) : 'custom';
}

/**
 * The filter bar's form state: the date preset, and the text and rate being typed (applied with
 * Search). When the URL changes under the form (Back, a chip removed), the fields follow it.
 */
export function useFilterForm(filters: Filters, onChange: (changes: Partial<Filters>) => void) {
  const preset = presetOf(filters);
  const [custom, setCustom] = useState(preset === 'custom');
  const [q, setQ] = useState(filters.q ?? '');
  const [rate, setRate] = useState(filters.rate === null ? '' : String(filters.rate));
  // When the URL changes under the form (Back, a chip removed), the fields follow it.
  const [shown, setShown] = useState(filters);
  if (shown !== filters && (shown.q !== filters.q || shown.rate !== filters.rate)) {
    setShown(filters);
    setQ(filters.q ?? '');
    setRate(filters.rate === null ? '' : String(filters.rate));
  }

  function choosePreset(value: string) {
    if (value === 'custom') {
      setCustom(true);
      return;
    }
    setCustom(false);
    if (value === 'all') onChange({ since: null, until: null });
    else {
      const days = Number(value);
      onChange({ since: daysAgo(days === 1 ? 2 : days), until: null });
    }
  }

  return {
    preset,
    custom,
    q,
    setQ,
    rate,
    setRate,
    choosePreset,
    submit: () => onChange({ q: q.trim() || null, rate: parseRate(rate) }),
  };
}
