import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NEVER, expiryOf, isNever } from './tokenDuration';

const DAY = 86_400_000;
const date = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });
const duration = fc.record({
  days: fc.integer({ min: 0, max: 3650 }),
  hours: fc.integer({ min: 0, max: 23 }),
  minutes: fc.integer({ min: 0, max: 59 }),
});

describe('expiryOf', () => {
  it('adds fixed 24-hour days, hours and minutes to the creation time', () => {
    const created = new Date('2026-11-23T10:00:00.000Z');
    expect(expiryOf(created, { days: 30, hours: 0, minutes: 0 })).toEqual(new Date('2026-12-23T10:00:00.000Z'));
    expect(expiryOf(created, { days: 1, hours: 6, minutes: 30 })).toEqual(new Date('2026-11-24T16:30:00.000Z'));
    expect(expiryOf(created, { days: 0, hours: 0, minutes: 15 })).toEqual(new Date('2026-11-23T10:15:00.000Z'));
  });

  it('never expires when the duration is zero', () => {
    expect(expiryOf(new Date(), NEVER)).toBeNull();
    expect(isNever(NEVER)).toBe(true);
  });

  it('counts a leap day as one more day, not a calendar shift', () => {
    expect(expiryOf(new Date('2028-02-28T12:00:00Z'), { days: 1, hours: 0, minutes: 0 })).toEqual(new Date('2028-02-29T12:00:00Z'));
    expect(expiryOf(new Date('2028-02-28T12:00:00Z'), { days: 365, hours: 0, minutes: 0 })).toEqual(new Date('2029-02-27T12:00:00Z'));
  });

  it('is the same instant count across a DST change (fixed 24-hour days)', () => {
    // Europe/Berlin leaves summer time on 2026-10-25: one calendar day there is 25 hours.
    const created = new Date('2026-10-24T10:00:00Z');
    expect(expiryOf(created, { days: 1, hours: 0, minutes: 0 })!.getTime() - created.getTime()).toBe(DAY);
  });

  it('is later than the creation by exactly the duration, for any duration', () => {
    fc.assert(
      fc.property(date, duration, (created, d) => {
        const expiry = expiryOf(created, d);
        const ms = d.days * DAY + d.hours * 3_600_000 + d.minutes * 60_000;
        if (ms === 0) return expiry === null;
        return expiry !== null && expiry.getTime() - created.getTime() === ms;
      }),
    );
  });
});
