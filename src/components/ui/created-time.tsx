import { formatDateTime, formatRelative } from '../../lib/format';
import { formatShortDateTime } from '../../lib/format-date';
import { useNow } from '../../lib/use-now';

/**
 * When something happened: the date and time ("Nov 28, 10:52", the year when not this one),
 * and its age as secondary text that keeps ticking ("3 minutes ago"). `inline` puts both on
 * one line.
 */
export function CreatedTime({ iso, inline = false }: { iso: string; inline?: boolean }) {
  const now = useNow();
  return (
    <time
      dateTime={iso}
      title={formatDateTime(iso)}
      className={inline ? 'whitespace-nowrap' : 'flex flex-col'}
    >
      <span className="whitespace-nowrap">{formatShortDateTime(iso, now)}</span>
      {inline ? ' · ' : null}
      <span className="text-xs whitespace-nowrap text-slate-600 dark:text-slate-400">
        {formatRelative(iso, now)}
      </span>
    </time>
  );
}
