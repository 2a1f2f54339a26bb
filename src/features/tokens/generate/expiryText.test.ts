import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { durationMs, expiryOf } from '../../../../contracts/tokenDuration';
import { durationOf, expiryPresetsFor } from './durationPresets';
import { expirySentence, formatExpiryDate } from './expiryText';

const DAY = 86_400_000;
const berlin = { locale: 'en-GB', timeZone: 'Europe/Berlin' };
const newYork = { locale: 'en-US', timeZone: 'US/Eastern' };
const presetDuration = (id: Parameters<typeof durationOf>[1]) => durationOf('personal', id, { days: '', hours: '', minutes: '' })!;

describe('expirySentence', () => {
  it('writes the date and time in the given locale and zone, or says never', () => {
    expect(expirySentence(new Date('2026-12-23T13:05:00Z'), berlin)).toBe('Expires on 23 Dec 2026, 14:05');
    expect(expirySentence(new Date('2026-12-23T19:05:00Z'), newYork)).toBe('Expires on Dec 23, 2026, 2:05 PM');
    expect(expirySentence(null, berlin)).toBe('Never expires');
  });

  it("defaults to the user's locale and zone", () => {
    const date = new Date('2026-12-23T14:05:00Z');
    const expected = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
    expect(formatExpiryDate(date)).toBe(expected);
    expect(expirySentence(date)).toBe(`Expires on ${expected}`);
  });
});

describe('expiry dates across DST changes (days are 24 hours, so the wall-clock time moves)', () => {
  it('Europe/Berlin, clocks back on 25 Oct 2026', () => {
    // 30 days from 14:00 summer time is 13:00 winter time.
    const created = new Date('2026-10-10T12:00:00Z');
    expect(formatExpiryDate(created, berlin)).toBe('10 Oct 2026, 14:00');
    expect(expirySentence(expiryOf(created, presetDuration('30d')), berlin)).toBe('Expires on 9 Nov 2026, 13:00');
    // The hour from 02:00 to 03:00 happens twice; the list's <time datetime> keeps the instant exact.
    expect(formatExpiryDate(new Date('2026-10-25T00:30:00Z'), berlin)).toBe('25 Oct 2026, 02:30');
    expect(formatExpiryDate(new Date('2026-10-25T01:30:00Z'), berlin)).toBe('25 Oct 2026, 02:30');
    expect(formatExpiryDate(new Date('2026-10-25T02:00:00Z'), berlin)).toBe('25 Oct 2026, 03:00');
  });

  it('US/Eastern, clocks back on 1 Nov 2026', () => {
    const created = new Date('2026-10-25T12:00:00Z');
    expect(formatExpiryDate(created, newYork)).toBe('Oct 25, 2026, 8:00 AM');
    expect(expirySentence(expiryOf(created, presetDuration('7d')), newYork)).toBe('Expires on Nov 1, 2026, 7:00 AM');
    expect(formatExpiryDate(new Date('2026-11-01T05:59:00Z'), newYork)).toBe('Nov 1, 2026, 1:59 AM');
    expect(formatExpiryDate(new Date('2026-11-01T06:00:00Z'), newYork)).toBe('Nov 1, 2026, 1:00 AM');
  });
});

describe('expiry dates across 29 Feb 2028', () => {
  it('a day after 28 Feb is the leap day', () => {
    expect(formatExpiryDate(new Date('2028-02-28T11:00:00Z'), berlin)).toBe('28 Feb 2028, 12:00');
    expect(formatExpiryDate(new Date(Date.parse('2028-02-28T11:00:00Z') + DAY), berlin)).toBe('29 Feb 2028, 12:00');
  });

  it('the 1-year preset is 365 days: a day short of the calendar year when it spans the leap day', () => {
    const oneYear = presetDuration('1y');
    expect(expirySentence(expiryOf(new Date('2027-06-01T10:00:00Z'), oneYear), berlin)).toBe('Expires on 31 May 2028, 12:00');
    expect(expirySentence(expiryOf(new Date('2027-03-01T11:00:00Z'), oneYear), berlin)).toBe('Expires on 29 Feb 2028, 12:00');
    expect(expirySentence(expiryOf(new Date('2028-02-29T11:00:00Z'), oneYear), berlin)).toBe('Expires on 28 Feb 2029, 12:00');
    // Not spanning a leap day, it is the same date a year later.
    expect(expirySentence(expiryOf(new Date('2028-06-01T10:00:00Z'), oneYear), berlin)).toBe('Expires on 1 Jun 2029, 12:00');
  });
});

describe('preset expiries', () => {
  const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2090-01-01T00:00:00Z'), noInvalidDate: true });
  const presets = expiryPresetsFor('team').filter((preset) => preset.duration && durationMs(preset.duration) > 0);

  it('lie exactly the preset after creation, whatever the date (DST, leap days)', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...presets), (created, preset) => {
        const { days, hours, minutes } = preset.duration!;
        const expected = ((days * 24 + hours) * 60 + minutes) * 60_000;
        return expiryOf(created, preset.duration!)!.getTime() - created.getTime() === expected;
      }),
    );
  });
});
