import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRelativeTime } from './relativeTime';

const now = new Date('2026-11-23T10:00:00.000Z');
const SECOND = 1_000;
const MIN = 60 * SECOND;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const at = (ms: number) => new Date(now.getTime() + ms);
const en = (ms: number) => formatRelativeTime(at(ms), now, { locale: 'en' });

const UNIT_RANK = { minute: 0, hour: 1, day: 2, year: 3 } as const;
const UNIT_MS = { minute: MIN, hour: HOUR, day: DAY, year: 365 * DAY } as const;

/** "in 3 days" → { unit: 'day', count: 3 }. */
function parseFuture(text: string): { unit: keyof typeof UNIT_RANK; count: number } {
  const match = /^in (\d+) (minute|hour|day|year)s?$/.exec(text);
  if (!match) throw new Error(`Not a future relative time: ${text}`);
  return { unit: match[2] as keyof typeof UNIT_RANK, count: Number(match[1]) };
}

describe('formatRelativeTime', () => {
  it('counts days up to a year, so a new 60- or 90-day token reads like its preset', () => {
    expect(en(60 * DAY - 1)).toBe('in 59 days');
    expect(en(60 * DAY)).toBe('in 60 days');
    expect(en(90 * DAY - 1)).toBe('in 89 days');
    expect(en(90 * DAY)).toBe('in 90 days');
    expect(en(30 * DAY)).toBe('in 30 days');
    expect(en(29 * DAY + 23 * HOUR)).toBe('in 29 days');
  });

  it('says "in 1 year" from 365 days, and rounds years to the nearest', () => {
    expect(en(365 * DAY - 1)).toBe('in 364 days');
    expect(en(365 * DAY)).toBe('in 1 year');
    expect(en(366 * DAY)).toBe('in 1 year');
    expect(en(547 * DAY)).toBe('in 1 year');
    expect(en(548 * DAY)).toBe('in 2 years');
    expect(en(3650 * DAY)).toBe('in 10 years');
    expect(en(-400 * DAY)).toBe('1 year ago');
  });

  it('rounds days, hours and minutes towards zero: under seven days left never reads as seven days', () => {
    expect(en(7 * DAY)).toBe('in 7 days');
    expect(en(7 * DAY - 1)).toBe('in 6 days');
    expect(en(30 * MIN)).toBe('in 30 minutes');
    expect(en(90 * MIN)).toBe('in 1 hour');
    expect(en(-3 * HOUR)).toBe('3 hours ago');
    expect(en(-2 * DAY - HOUR)).toBe('2 days ago');
  });

  it('says now within a minute of expiry: one second before, at, and one second after it', () => {
    expect(en(-SECOND)).toBe('now');
    expect(en(0)).toBe('now');
    expect(en(SECOND)).toBe('now');
    expect(en(MIN - 1)).toBe('now');
    expect(en(MIN)).toBe('in 1 minute');
    expect(en(-MIN)).toBe('1 minute ago');
  });

  it('follows the locale', () => {
    expect(formatRelativeTime(at(2 * DAY), now, { locale: 'de' })).toBe('in 2 Tagen');
    expect(formatRelativeTime(at(365 * DAY), now, { locale: 'en-GB' })).toBe('in 1 year');
  });

  it('counts 24-hour days across a DST change, as token durations do', () => {
    // Created in Berlin at 14:00 summer time the day before the clocks go back (25 Oct 2026).
    const created = new Date('2026-10-24T12:00:00Z');
    const expires = new Date(created.getTime() + 30 * DAY);
    expect(formatRelativeTime(expires, created, { locale: 'en' })).toBe('in 30 days');
    expect(formatRelativeTime(new Date('2026-10-26T00:00:00Z'), new Date('2026-10-25T00:00:00Z'), { locale: 'en' })).toBe('in 1 day');
  });

  it('counts the leap day: 1 Feb to 1 Mar 2028 is 29 days', () => {
    expect(formatRelativeTime(new Date('2028-03-01T00:00:00Z'), new Date('2028-02-01T00:00:00Z'), { locale: 'en' })).toBe('in 29 days');
  });

  it('never reads as less time left for a later expiry (monotonic in units, then in count)', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN, max: 3650 * DAY }), fc.integer({ min: 0, max: 3650 * DAY }), (earlier, extra) => {
        const a = parseFuture(en(earlier));
        const b = parseFuture(en(earlier + extra));
        const rank = (x: typeof a) => UNIT_RANK[x.unit] * 1e6 + x.count;
        return rank(a) <= rank(b);
      }),
    );
  });

  it('never says more days, hours or minutes are left than there are', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN, max: 365 * DAY - 1 }), (left) => {
        const { unit, count } = parseFuture(en(left));
        return unit !== 'year' && count >= 1 && count * UNIT_MS[unit] <= left;
      }),
    );
  });

  it('reads a past time as the same amount ago', () => {
    fc.assert(
      fc.property(fc.integer({ min: MIN, max: 3650 * DAY }), (ms) => {
        const future = en(ms);
        expect(en(-ms)).toBe(`${future.slice('in '.length)} ago`);
      }),
    );
  });
});
