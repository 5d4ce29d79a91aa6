import { readDateTime } from '../../../contract/read-batch-runs';
import { formatDateTime, formatRelative } from '../../lib/format';
import { NotGiven } from './not-given';

/**
 * A date-time from the API: absolute (or relative, with the absolute as tooltip and for
 * screen readers). Without an offset it is read as UTC and the tooltip says so; one that does
 * not parse is shown as sent; none at all is "not given".
 */
export function DateTime({ sent, relative = false }: { sent: string | null; relative?: boolean }) {
  if (sent === null) return <NotGiven />;
  const { ms, assumedUtc } = readDateTime(sent);
  if (ms === null) {
    return (
      <span title="Not a date-time this page can read: shown as sent" className="break-all">
        {sent}
      </span>
    );
  }
  const absolute =
    formatDateTime(ms) + (assumedUtc ? ' (sent without a time zone, read as UTC)' : '');
  return (
    <time dateTime={sent} title={absolute} className="whitespace-nowrap">
      {relative ? (
        <>
          <span aria-hidden="true">{formatRelative(ms)}</span>
          <span className="sr-only">{absolute}</span>
        </>
      ) : (
        absolute
      )}
    </time>
  );
}

/**
 * A date-time as the API sent it, in words: formatted when it reads (an offset-less one as
 * UTC, said so), as sent when it does not, "not given" when there was none.
 */
export function formatSentDateTime(sent: string | null): string {
  if (sent === null) return 'date not given';
  const { ms, assumedUtc } = readDateTime(sent);
  if (ms === null) return sent;
  return formatDateTime(ms) + (assumedUtc ? ' (UTC)' : '');
}
