import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NEVER } from '../../../../contracts/tokenDuration';
import {
  AT_LEAST_ONE_DAY_MESSAGE,
  AT_LEAST_ONE_MINUTE_MESSAGE,
  DAYS_REQUIRED_MESSAGE,
  DEFAULT_EXPIRY_PRESET,
  durationOf,
  expiryPresetsFor,
  parseCustomDuration,
} from './durationPresets';

const custom = (days: string, hours = '0', minutes = '0') => ({ days, hours, minutes });

describe('expiryPresetsFor', () => {
  it('offers days, a year, Custom and Never to personal tokens, 30 days by default', () => {
    expect(expiryPresetsFor('personal').map((preset) => preset.label)).toEqual([
      '7 days',
      '30 days',
      '60 days',
      '90 days',
      '1 year',
      'Custom',
      'Never',
    ]);
    expect(DEFAULT_EXPIRY_PRESET).toBe('30d');
  });

  it('adds short presets for team tokens', () => {
    expect(expiryPresetsFor('team').map((preset) => preset.label)).toEqual([
      '15 minutes',
      '1 hour',
      '8 hours',
      '7 days',
      '30 days',
      '60 days',
      '90 days',
      '1 year',
      'Custom',
      'Never',
    ]);
  });
});

describe('durationOf', () => {
  it('maps each preset to its duration', () => {
    const none = custom('');
    expect(durationOf('team', '15m', none)).toEqual({ days: 0, hours: 0, minutes: 15 });
    expect(durationOf('team', '1h', none)).toEqual({ days: 0, hours: 1, minutes: 0 });
    expect(durationOf('team', '8h', none)).toEqual({ days: 0, hours: 8, minutes: 0 });
    expect(durationOf('personal', '7d', none)).toEqual({ days: 7, hours: 0, minutes: 0 });
    expect(durationOf('personal', '30d', none)).toEqual({ days: 30, hours: 0, minutes: 0 });
    expect(durationOf('personal', '60d', none)).toEqual({ days: 60, hours: 0, minutes: 0 });
    expect(durationOf('personal', '90d', none)).toEqual({ days: 90, hours: 0, minutes: 0 });
    expect(durationOf('personal', '1y', none)).toEqual({ days: 365, hours: 0, minutes: 0 });
    expect(durationOf('personal', 'never', none)).toEqual(NEVER);
  });

  it('does not offer the short presets to personal tokens', () => {
    expect(durationOf('personal', '15m', custom(''))).toBeNull();
  });

  it('takes Custom from the fields, or null while they are invalid', () => {
    expect(durationOf('personal', 'custom', custom('45'))).toEqual({ days: 45, hours: 0, minutes: 0 });
    expect(durationOf('personal', 'custom', custom('0'))).toBeNull();
    expect(durationOf('team', 'custom', custom('1', '2', '3'))).toEqual({ days: 1, hours: 2, minutes: 3 });
  });
});

describe('parseCustomDuration, personal (whole days 1–3650)', () => {
  it.each([
    ['', DAYS_REQUIRED_MESSAGE],
    ['   ', DAYS_REQUIRED_MESSAGE],
    ['0', AT_LEAST_ONE_DAY_MESSAGE],
    ['-1', 'Days must not be negative.'],
    ['3651', 'Days must be at most 3650.'],
    ['1.5', 'Days must be a whole number.'],
    ['abc', 'Days must be a whole number.'],
  ])('rejects %j: %s', (days, message) => {
    expect(parseCustomDuration('personal', custom(days))).toEqual({ ok: false, errors: { days: message } });
  });

  it('accepts every whole number of days from 1 to 3650, ignoring hours and minutes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3650 }), (days) => {
        const result = parseCustomDuration('personal', custom(String(days), '5', '7'));
        return result.ok && result.duration.days === days && result.duration.hours === 0 && result.duration.minutes === 0;
      }),
    );
  });
});

describe('parseCustomDuration, team (days, hours 0–23, minutes 0–59)', () => {
  it('needs at least one minute in total, reported on Days', () => {
    expect(parseCustomDuration('team', custom('0', '0', '0'))).toEqual({
      ok: false,
      errors: { days: AT_LEAST_ONE_MINUTE_MESSAGE },
    });
    expect(parseCustomDuration('team', custom('', '', ''))).toEqual({
      ok: false,
      errors: { days: AT_LEAST_ONE_MINUTE_MESSAGE },
    });
  });

  it('reports each field out of range on that field', () => {
    expect(parseCustomDuration('team', custom('0', '24', '60'))).toEqual({
      ok: false,
      errors: { hours: 'Hours must be at most 23.', minutes: 'Minutes must be at most 59.' },
    });
    expect(parseCustomDuration('team', custom('3651', '1.5', '-1'))).toEqual({
      ok: false,
      errors: {
        days: 'Days must be at most 3650.',
        hours: 'Hours must be a whole number.',
        minutes: 'Minutes must not be negative.',
      },
    });
  });

  it('counts empty fields as zero', () => {
    expect(parseCustomDuration('team', custom('', '', '30'))).toEqual({
      ok: true,
      duration: { days: 0, hours: 0, minutes: 30 },
    });
  });

  it('accepts every in-range combination but all zero', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3650 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (days, hours, minutes) => {
          const result = parseCustomDuration('team', custom(String(days), String(hours), String(minutes)));
          if (days + hours + minutes === 0) return !result.ok;
          return result.ok && result.duration.days === days && result.duration.hours === hours && result.duration.minutes === minutes;
        },
      ),
    );
  });
});
