const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const YEAR_MS = 365 * DAY_MS;

const WHOLE_UNITS: { unit: Intl.RelativeTimeFormatUnit; ms: number }[] = [
  { unit: 'day', ms: DAY_MS },
  { unit: 'hour', ms: HOUR_MS },
  { unit: 'minute', ms: MINUTE_MS },
];

const formatters = new Map<string, { numeric: Intl.RelativeTimeFormat; words: Intl.RelativeTimeFormat }>();

function formattersFor(locale: string | undefined) {
  const key = locale ?? '';
  let pair = formatters.get(key);
  if (!pair) {
    pair = {
      numeric: new Intl.RelativeTimeFormat(locale, { numeric: 'always' }),
      words: new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
    };
    formatters.set(key, pair);
  }
  return pair;
}

/**
 * "in 29 days", "3 hours ago", "now" (within a minute either side).
 *
 * Under a year it counts whole minutes, hours or days, rounded towards zero: a token with 6 days 23 hours left
 * says "in 6 days", as it expires soon, and a new 60- or 90-day token says "in 60 days" like the preset it was
 * made with. Months are not used: they have no fixed length, and tokens last whole days. From 365 days on it
 * counts years, rounded to the nearest ("in 1 year", and "in 2 years" for 600 days).
 *
 * It counts elapsed time, as token durations do, so it needs no time zone: a day is 24 hours, across DST changes too.
 */
export function formatRelativeTime(target: Date, now: Date, { locale }: { locale?: string } = {}): string {
  const diff = target.getTime() - now.getTime();
  const abs = Math.abs(diff);
  const { numeric, words } = formattersFor(locale);
  if (abs >= YEAR_MS) return numeric.format(Math.sign(diff) * Math.round(abs / YEAR_MS), 'year');
  for (const { unit, ms } of WHOLE_UNITS) {
    if (abs >= ms) return numeric.format(Math.trunc(diff / ms), unit);
  }
  return words.format(0, 'second');
}
