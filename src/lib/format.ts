/** Dates and numbers through Intl, in the reader's locale. */
import { currentServerHints } from './render-context';

/** Formatters already made, by kind, locale and time zone (a server renders many readers'). */
const formatters = new Map<string, unknown>();
const MAX_FORMATTERS = 200;

/**
 * The formatter of this kind for the reader being rendered: in the browser the browser's own
 * locale and zone; on the server the request's (render-context.ts).
 */
export function readerFormat<T>(
  kind: string,
  create: (locale: string | undefined, timeZone: string | undefined) => T,
): T {
  const hints = currentServerHints();
  const key = `${kind}|${hints?.locale ?? ''}|${hints?.timeZone ?? ''}`;
  let format = formatters.get(key) as T | undefined;
  if (format === undefined) {
    if (formatters.size >= MAX_FORMATTERS) formatters.clear(); // many readers' locales: start over
    format = create(hints?.locale, hints?.timeZone);
    formatters.set(key, format);
  }
  return format;
}

const numberFormat = () => readerFormat('number', (locale) => new Intl.NumberFormat(locale));
const percentFormat = () =>
  readerFormat(
    'percent',
    (locale) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
  );
const dateTimeFormat = () =>
  readerFormat(
    'dateTime',
    (locale, timeZone) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }),
  );
const relativeFormat = () =>
  readerFormat('relative', (locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));

export function formatCount(value: number): string {
  return numberFormat().format(value);
}

export function formatPercent(ratio: number): string {
  return percentFormat().format(ratio);
}

/** An instant (ms since the epoch, or an ISO string with an offset) in the reader's words. */
export function formatDateTime(when: string | number): string {
  return dateTimeFormat().format(new Date(when));
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** "3 hours ago", "yesterday", "in 2 minutes" (a clock a little ahead of ours). */
export function formatRelative(when: string | number, now: number = Date.now()): string {
  const seconds = (new Date(when).getTime() - now) / 1000;
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') {
      return relativeFormat().format(Math.round(seconds / size), unit);
    }
  }
  return relativeFormat().format(0, 'second');
}

export function plural(count: number, one: string, many: string): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** Made on first use: building a Segmenter loads ICU data (tens of ms on a phone at start-up). */
let graphemes: Intl.Segmenter | undefined;

/**
 * At most `max` characters, cut at a whole grapheme (an emoji or a flag is never split into
 * broken halves) and marked with "…". For text from the API that may be any length.
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const kept: string[] = [];
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment } of graphemes.segment(text)) {
    if (kept.length === max) return `${kept.join('').trimEnd()}…`;
    kept.push(segment);
  }
  return text;
}
