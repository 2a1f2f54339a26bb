import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NEVER } from '../../../contracts/tokenDuration';
import { PERSONAL_MAX_MS, personalDaysUntil, TEAM_MAX_MS, teamDurationUntil } from './terrakubeExpiry';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NOW = new Date('2026-11-23T10:00:00.000Z');
const inMs = (ms: number) => new Date(NOW.getTime() + ms);

describe('the longest lifetimes', () => {
  it('are 3650 days for personal tokens, and 3650 days, 23 hours and 59 minutes for team tokens', () => {
    expect(PERSONAL_MAX_MS).toBe(3650 * DAY);
    expect(TEAM_MAX_MS).toBe(3650 * DAY + 23 * HOUR + 59 * MINUTE);
  });
});

describe('personalDaysUntil (POST /pat/v1 days)', () => {
  it('is 0 for never', () => {
    expect(personalDaysUntil(null, NOW)).toBe(0);
  });

  it.each([
    ['exactly 30 days', 30 * DAY, 30],
    ['30 days less the seconds between choosing and sending', 30 * DAY - 3_000, 30],
    ['a day and 11 hours', DAY + 11 * HOUR, 1],
    ['a day and 13 hours', DAY + 13 * HOUR, 2],
    ['an hour: at least one day, as days: 0 would mean never', HOUR, 1],
    ['a moment already past', -MINUTE, 1],
    ['beyond the longest', 5000 * DAY, 3650],
  ])('rounds %s to whole days', (_name, lifetime, days) => {
    expect(personalDaysUntil(inMs(lifetime), NOW)).toBe(days);
  });

  it('gives back the days of every expiry the form offers (whole days from now), within a minute of delay', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3650 }), fc.integer({ min: -MINUTE, max: MINUTE }), (days, delay) => {
        expect(personalDaysUntil(inMs(days * DAY - delay), NOW)).toBe(days);
      }),
    );
  });
});

describe('teamDurationUntil (POST /access-token/v1/teams days, hours, minutes)', () => {
  it('is all zero for never', () => {
    expect(teamDurationUntil(null, NOW)).toEqual(NEVER);
  });

  it.each([
    ['90 minutes', 90 * MINUTE, { days: 0, hours: 1, minutes: 30 }],
    ['1 day, 2 hours and 30 minutes less a few seconds', DAY + 150 * MINUTE - 5_000, { days: 1, hours: 2, minutes: 30 }],
    ['20 seconds: at least a minute, as all zero would mean never', 20_000, { days: 0, hours: 0, minutes: 1 }],
    ['beyond the longest', 4000 * DAY, { days: 3650, hours: 23, minutes: 59 }],
  ])('splits %s into days, hours (0–23) and minutes (0–59)', (_name, lifetime, duration) => {
    expect(teamDurationUntil(inMs(lifetime), NOW)).toEqual(duration);
  });

  it('gives back the days, hours and minutes of every expiry the form offers, within 29 seconds of delay', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3650 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: -29_000, max: 29_000 }),
        (days, hours, minutes, delay) => {
          fc.pre(days + hours + minutes > 0);
          const lifetime = days * DAY + hours * HOUR + minutes * MINUTE;
          expect(teamDurationUntil(inMs(lifetime - delay), NOW)).toEqual({ days, hours, minutes });
        },
      ),
    );
  });
});
