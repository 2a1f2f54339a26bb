import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXPIRES_SOON_MS, expiryStatusOf } from './tokenExpiry';

const SECOND = 1_000;
const DAY = 86_400_000;
const date = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true });

describe('expiryStatusOf', () => {
  const now = new Date('2026-11-23T10:00:00.000Z');
  const at = (ms: number) => new Date(now.getTime() + ms);

  it('names each state at its boundaries', () => {
    expect(expiryStatusOf(null, now)).toBe('neverExpires');
    // Exactly seven days left is not yet "soon".
    expect(expiryStatusOf(at(7 * DAY + SECOND), now)).toBe('active');
    expect(expiryStatusOf(at(7 * DAY), now)).toBe('active');
    expect(expiryStatusOf(at(7 * DAY - SECOND), now)).toBe('expiresSoon');
    expect(expiryStatusOf(at(7 * DAY - 1), now)).toBe('expiresSoon');
    // One second before expiry, at it, and one second after.
    expect(expiryStatusOf(at(SECOND), now)).toBe('expiresSoon');
    expect(expiryStatusOf(at(1), now)).toBe('expiresSoon');
    expect(expiryStatusOf(at(0), now)).toBe('expired');
    expect(expiryStatusOf(at(-SECOND), now)).toBe('expired');
  });

  it('a token that never expires stays so, whatever the time', () => {
    fc.assert(fc.property(date, (current) => expiryStatusOf(null, current) === 'neverExpires'));
  });

  it('a new token is active when made for seven days or more, expiring soon when for less', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 3650 * DAY }), (created, lifetime) => {
        const status = expiryStatusOf(new Date(created.getTime() + lifetime), created);
        return status === (lifetime >= 7 * DAY ? 'active' : 'expiresSoon');
      }),
    );
  });

  it('is monotonic: as time passes a token only moves towards expired', () => {
    const order = ['active', 'expiresSoon', 'expired'];
    fc.assert(
      fc.property(date, date, fc.nat({ max: 400 * DAY }), (expiry, start, step) => {
        const before = order.indexOf(expiryStatusOf(expiry, start));
        const after = order.indexOf(expiryStatusOf(expiry, new Date(start.getTime() + step)));
        return after >= before;
      }),
    );
  });

  it('says expires soon exactly when less than seven days are left', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -30 * DAY, max: 30 * DAY }), (current, left) => {
        const status = expiryStatusOf(new Date(current.getTime() + left), current);
        return (status === 'expiresSoon') === (left > 0 && left < EXPIRES_SOON_MS);
      }),
    );
  });
});
