/** Where and how a date is written; each defaults to the user's (the browser's locale and time zone). */
export interface DateFormatOptions {
  /** A BCP 47 locale, e.g. `en-GB`. */
  locale?: string;
  /** An IANA time zone, e.g. `Europe/Berlin`. */
  timeZone?: string;
}

// Building an `Intl.DateTimeFormat` is far costlier than formatting with one: one per style, locale and zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(withTime: boolean, { locale, timeZone }: DateFormatOptions): Intl.DateTimeFormat {
  const key = `${withTime}|${locale ?? ''}|${timeZone ?? ''}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: withTime ? 'short' : undefined, timeZone });
    formatters.set(key, formatter);
  }
  return formatter;
}

/** "23 Dec 2026, 14:05" (en-GB), "Dec 23, 2026, 2:05 PM" (en-US). */
export function formatDateTime(date: Date | number, options: DateFormatOptions = {}): string {
  return formatterFor(true, options).format(date);
}

/** "23 Dec 2026" (en-GB), "Dec 23, 2026" (en-US). */
export function formatDate(date: Date | number, options: DateFormatOptions = {}): string {
  return formatterFor(false, options).format(date);
}
