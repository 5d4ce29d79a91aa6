/**
 * Short dates and times through Intl, in the reader's locale ("Nov 28, 10:52"). Apart from
 * format.ts because only the lazily loaded pages show them.
 */
import { readerFormat } from './format';

const dateTimeOptions: Intl.DateTimeFormatOptions = {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};
const dateFormat = (kind: string, options: Intl.DateTimeFormatOptions) =>
  readerFormat(
    kind,
    (locale, timeZone) => new Intl.DateTimeFormat(locale, { ...options, timeZone }),
  );
const shortDateTime = () => dateFormat('shortDateTime', dateTimeOptions);
const shortDateTimeWithYear = () =>
  dateFormat('shortDateTimeWithYear', { ...dateTimeOptions, year: 'numeric' });
const shortDate = () => dateFormat('shortDate', { month: 'short', day: 'numeric' });
const timeOnly = () =>
  dateFormat('timeOnly', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "Nov 28". */
export function formatShortDate(iso: string | number): string {
  const date = new Date(iso);
  // A date-time that does not read (sent as the API sent it) is shown as sent.
  return Number.isNaN(date.getTime()) ? String(iso) : shortDate().format(date);
}

/** "10:52". */
export function formatTime(iso: string | number): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso) : timeOnly().format(date);
}

/** "Nov 28, 10:52"; with the year ("Nov 28, 2025, 10:52") when it is not this year. */
export function formatShortDateTime(iso: string | number, now: number = Date.now()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  const format =
    date.getFullYear() === new Date(now).getFullYear() ? shortDateTime() : shortDateTimeWithYear();
  return format.format(date);
}
