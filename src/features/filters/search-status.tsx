import { Button } from '../../components/ui/button';
import { Notice } from '../../components/ui/notice';
import { formatCount, plural } from '../../lib/format';
import type { Filters } from '../../lib/view/view';
import { describeFilters } from './filter-chips';
import type { FilterSearch } from './use-filter-search';

const OUTCOME_WORDS = { failed: 'failed something', passed: 'passed', unfinished: 'unfinished' };

/** "Searched 1,300 of 52,340 batch runs · 23 matches" with Stop while it runs, then how it ended. */
export function SearchStatus({ search }: { search: FilterSearch }) {
  const { progress, status, matchCount } = search;
  const searched = progress ? formatCount(progress.searched) : '0';
  const total = progress ? formatCount(progress.totalCount) : '…';
  const line = `Searched ${searched} of ${total} batch runs · ${plural(matchCount, 'match', 'matches')}`;
  return (
    <div className="flex min-h-8 flex-wrap items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
      <p role="status" className="tabular-nums">
        {line}
        {status === 'searching' && '…'}
        {status === 'stopped' && ' · stopped'}
      </p>
      {status === 'searching' && (
        <Button size="sm" onClick={search.stop}>
          Stop
        </Button>
      )}
      {status === 'failed' && (
        <p role="alert" className="text-red-800 dark:text-red-300">
          The search stopped: {search.error?.message}
        </p>
      )}
    </div>
  );
}

/** No match: says what was searched and offers to widen the range. */
export function NoMatches({
  search,
  filters,
  onChange,
}: {
  search: FilterSearch;
  filters: Filters;
  onChange: (changes: Partial<Filters>) => void;
}) {
  const what = describeFilters(filters, OUTCOME_WORDS)
    .map((part) => part.text)
    .join(', ');
  const searched = search.progress?.searched ?? 0;
  return (
    <Notice title="No matching batch runs">
      <p>
        None of the {plural(searched, 'batch run', 'batch runs')} searched match: {what}.
      </p>
      {(filters.since || filters.until) && (
        <Button className="mt-2" onClick={() => onChange({ since: null, until: null })}>
          Search all dates
        </Button>
      )}
    </Notice>
  );
}
