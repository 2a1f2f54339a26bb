import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './dateFormat';

describe('formatDate and formatDateTime', () => {
  it('write the calendar day of the given zone', () => {
    // 23:30 UTC on the leap day is already 1 March in Berlin.
    const lateOnLeapDay = new Date('2028-02-29T23:30:00Z');
    expect(formatDate(lateOnLeapDay, { locale: 'en-GB', timeZone: 'UTC' })).toBe('29 Feb 2028');
    expect(formatDate(lateOnLeapDay, { locale: 'en-GB', timeZone: 'Europe/Berlin' })).toBe('1 Mar 2028');
    expect(formatDate(lateOnLeapDay, { locale: 'en-US', timeZone: 'US/Eastern' })).toBe('Feb 29, 2028');
    expect(formatDateTime(lateOnLeapDay, { locale: 'en-US', timeZone: 'US/Eastern' })).toBe('Feb 29, 2028, 6:30 PM');
  });

  it('follow the locale', () => {
    const date = new Date('2026-12-23T13:05:00Z');
    expect(formatDateTime(date, { locale: 'de-DE', timeZone: 'Europe/Berlin' })).toBe('23.12.2026, 14:05');
    expect(formatDate(date, { locale: 'en-GB', timeZone: 'Europe/Berlin' })).toBe('23 Dec 2026');
  });

  it("default to the user's locale and zone", () => {
    const date = new Date('2026-12-23T13:05:00Z');
    expect(formatDate(date)).toBe(new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(date));
    expect(formatDateTime(date.getTime())).toBe(new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(date));
  });
});
