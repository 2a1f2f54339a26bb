import { describe, expect, it } from 'vitest';
import { TERRAKUBE_CAPABILITIES } from '../../../test/testKit';
import { expiryOfChoice, type ExpiryPresetId } from './expiryChoices';
import { expirySentence, formatExpiryDate } from './expiryText';

const DAY = 86_400_000;
const berlin = { locale: 'en-GB', timeZone: 'Europe/Berlin' };
const newYork = { locale: 'en-US', timeZone: 'US/Eastern' };
const NO_CUSTOM = { days: '', hours: '', minutes: '', expirationDate: '' };
/** When a token of the preset, chosen at `created`, expires. */
const presetExpiry = (id: ExpiryPresetId, created: Date) =>
  expiryOfChoice(id, NO_CUSTOM, TERRAKUBE_CAPABILITIES.personal.expiry, created.getTime()) ?? null;

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
    expect(expirySentence(presetExpiry('30d', created), berlin)).toBe('Expires on 9 Nov 2026, 13:00');
    // The hour from 02:00 to 03:00 happens twice; the list's <time datetime> keeps the instant exact.
    expect(formatExpiryDate(new Date('2026-10-25T00:30:00Z'), berlin)).toBe('25 Oct 2026, 02:30');
    expect(formatExpiryDate(new Date('2026-10-25T01:30:00Z'), berlin)).toBe('25 Oct 2026, 02:30');
    expect(formatExpiryDate(new Date('2026-10-25T02:00:00Z'), berlin)).toBe('25 Oct 2026, 03:00');
  });

  it('US/Eastern, clocks back on 1 Nov 2026', () => {
    const created = new Date('2026-10-25T12:00:00Z');
    expect(formatExpiryDate(created, newYork)).toBe('Oct 25, 2026, 8:00 AM');
    expect(expirySentence(presetExpiry('7d', created), newYork)).toBe('Expires on Nov 1, 2026, 7:00 AM');
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
    expect(expirySentence(presetExpiry('1y', new Date('2027-06-01T10:00:00Z')), berlin)).toBe('Expires on 31 May 2028, 12:00');
    expect(expirySentence(presetExpiry('1y', new Date('2027-03-01T11:00:00Z')), berlin)).toBe('Expires on 29 Feb 2028, 12:00');
    expect(expirySentence(presetExpiry('1y', new Date('2028-02-29T11:00:00Z')), berlin)).toBe('Expires on 28 Feb 2029, 12:00');
    // Not spanning a leap day, it is the same date a year later.
    expect(expirySentence(presetExpiry('1y', new Date('2028-06-01T10:00:00Z')), berlin)).toBe('Expires on 1 Jun 2029, 12:00');
  });
});
