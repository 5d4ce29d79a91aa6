import { readDateTime } from '../../../contract/read-batch-runs';
import { formatDateTime, formatRelative } from '../../lib/format';
import { DateTime } from './date-time';
import { formatShortDateTime } from '../../lib/format-date';
import { useNow } from '../../lib/use-now';

/**
 * When something happened: the date and time ("Nov 28, 10:52", the year when not this one),
 * and its age as secondary text that keeps ticking ("3 minutes ago"). `inline` puts both on
 * one line.
 */
export function CreatedTime({ iso, inline = false }: { iso: string | null; inline?: boolean }) {
  const now = useNow();
  // Not given, or not a date-time this page can read: "not given", or the text as sent.
  const { ms, assumedUtc } = readDateTime(iso);
  if (ms === null) return <DateTime sent={iso} />;
  return (
    <time
      dateTime={iso ?? undefined}
      title={formatDateTime(ms) + (assumedUtc ? ' (sent without a time zone, read as UTC)' : '')}
      className={inline ? 'whitespace-nowrap' : 'flex flex-col'}
    >
      <span className="whitespace-nowrap">{formatShortDateTime(ms, now)}</span>
      {inline ? ' · ' : null}
      <span className="text-xs whitespace-nowrap text-slate-600 dark:text-slate-400">
        {formatRelative(ms, now)}
      </span>
    </time>
  );
}
