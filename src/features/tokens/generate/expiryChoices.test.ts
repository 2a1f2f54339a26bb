import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CollectionCapabilities } from '../../../api';
import { DAY, HOUR, MINUTE, TERRAKUBE_CAPABILITIES, TFE_CAPABILITIES } from '../../../test/testKit';
import {
  AT_LEAST_ONE_DAY_MESSAGE,
  AT_LEAST_ONE_MINUTE_MESSAGE,
  customFieldsFor,
  DATE_IN_PAST_MESSAGE,
  DATE_REQUIRED_MESSAGE,
  dateTimeLocalValue,
  DAYS_REQUIRED_MESSAGE,
  DEFAULT_EXPIRY_PRESET,
  expiryOfChoice,
  expiryPresetsFor,
  parseCustomExpiry,
  type CustomExpiryInput,
  type ExpiryPresetId,
} from './expiryChoices';

type Expiry = CollectionCapabilities['expiry'];

const DAYS: Expiry = TERRAKUBE_CAPABILITIES.personal.expiry;
const MINUTES: Expiry = TERRAKUBE_CAPABILITIES.team.expiry;
const INSTANT: Expiry = TFE_CAPABILITIES.personal.expiry;
const NOW = Date.parse('2026-11-23T10:00:00.000Z');

const custom = (fields: Partial<CustomExpiryInput> = {}): CustomExpiryInput => ({
  days: '',
  hours: '',
  minutes: '',
  expirationDate: '',
  ...fields,
});
const labels = (expiry: Expiry) => expiryPresetsFor(expiry).map((preset) => preset.label);

/** Each preset's lifetime, written out rather than read from the module under test. */
const PRESET_LIFETIMES: [ExpiryPresetId, number][] = [
  ['15m', 15 * MINUTE],
  ['1h', HOUR],
  ['8h', 8 * HOUR],
  ['7d', 7 * DAY],
  ['30d', 30 * DAY],
  ['60d', 60 * DAY],
  ['90d', 90 * DAY],
  ['1y', 365 * DAY],
];

describe('expiryPresetsFor', () => {
  it('offers whole-day backends days, a year, Custom and Never, 30 days by default', () => {
    expect(labels(DAYS)).toEqual(['7 days', '30 days', '60 days', '90 days', '1 year', 'Custom', 'Never']);
    expect(DEFAULT_EXPIRY_PRESET).toBe('30d');
  });

  it.each([
    ['minute', MINUTES],
    ['instant', INSTANT],
  ])('adds 15 minutes, 1 hour and 8 hours where the backend counts finer than days (%s)', (_name, expiry) => {
    expect(labels(expiry)).toEqual(['15 minutes', '1 hour', '8 hours', '7 days', '30 days', '60 days', '90 days', '1 year', 'Custom', 'Never']);
  });

  it('leaves out Never where a token must expire, and the presets longer than the longest lifetime', () => {
    expect(labels({ ...DAYS, allowsNever: false })).toEqual(['7 days', '30 days', '60 days', '90 days', '1 year', 'Custom']);
    expect(labels({ ...MINUTES, maxMs: 60 * DAY })).toEqual(['15 minutes', '1 hour', '8 hours', '7 days', '30 days', '60 days', 'Custom', 'Never']);
  });

  it('says that 1 year is 365 days from now', () => {
    expect(expiryPresetsFor(DAYS).find((preset) => preset.id === '1y')?.previewNote).toBe('365 days from now');
  });
});

describe('customFieldsFor', () => {
  it('asks for Days, Days + Hours + Minutes, or an Expiration date, by granularity', () => {
    expect(customFieldsFor('day')).toEqual(['days']);
    expect(customFieldsFor('minute')).toEqual(['days', 'hours', 'minutes']);
    expect(customFieldsFor('instant')).toEqual(['expirationDate']);
  });
});

describe('parseCustomExpiry, whole days (1 to the longest lifetime)', () => {
  it.each([
    ['', DAYS_REQUIRED_MESSAGE],
    ['   ', DAYS_REQUIRED_MESSAGE],
    ['0', AT_LEAST_ONE_DAY_MESSAGE],
    ['-1', 'Days must not be negative.'],
    ['3651', 'Days must be at most 3650.'],
    ['1.5', 'Days must be a whole number.'],
    ['abc', 'Days must be a whole number.'],
  ])('rejects %j: %s', (days, message) => {
    expect(parseCustomExpiry(custom({ days }), DAYS, NOW)).toEqual({ ok: false, errors: { days: message } });
  });

  it('takes its maximum from the longest lifetime', () => {
    expect(parseCustomExpiry(custom({ days: '91' }), { ...DAYS, maxMs: 90 * DAY }, NOW)).toEqual({
      ok: false,
      errors: { days: 'Days must be at most 90.' },
    });
  });

  it('accepts every whole number of days from 1 to 3650, ignoring the other fields', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3650 }), (days) => {
        const result = parseCustomExpiry(custom({ days: String(days), hours: '5', minutes: 'x', expirationDate: 'y' }), DAYS, NOW);
        expect(result).toEqual({ ok: true, expiresAt: new Date(NOW + days * DAY) });
      }),
    );
  });
});

describe('parseCustomExpiry, days + hours (0–23) + minutes (0–59)', () => {
  it('needs at least one minute in total, reported on Days; empty fields count as zero', () => {
    const none = { ok: false, errors: { days: AT_LEAST_ONE_MINUTE_MESSAGE } };
    expect(parseCustomExpiry(custom({ days: '0', hours: '0', minutes: '0' }), MINUTES, NOW)).toEqual(none);
    expect(parseCustomExpiry(custom(), MINUTES, NOW)).toEqual(none);
    expect(parseCustomExpiry(custom({ minutes: '30' }), MINUTES, NOW)).toEqual({ ok: true, expiresAt: new Date(NOW + 30 * MINUTE) });
  });

  it('reports each field out of range on that field', () => {
    expect(parseCustomExpiry(custom({ days: '0', hours: '24', minutes: '60' }), MINUTES, NOW)).toEqual({
      ok: false,
      errors: { hours: 'Hours must be at most 23.', minutes: 'Minutes must be at most 59.' },
    });
    expect(parseCustomExpiry(custom({ days: '3651', hours: '1.5', minutes: '-1' }), MINUTES, NOW)).toEqual({
      ok: false,
      errors: { days: 'Days must be at most 3650.', hours: 'Hours must be a whole number.', minutes: 'Minutes must not be negative.' },
    });
  });

  it('refuses a total beyond the longest lifetime, on Days', () => {
    expect(parseCustomExpiry(custom({ days: '30', hours: '1' }), { ...MINUTES, maxMs: 30 * DAY }, NOW)).toEqual({
      ok: false,
      errors: { days: 'A token can last at most 30 days.' },
    });
  });

  it('accepts every in-range combination but all zero, expiring that long from now', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (days, hours, minutes) => {
        const result = parseCustomExpiry(custom({ days: String(days), hours: String(hours), minutes: String(minutes) }), MINUTES, NOW);
        if (days + hours + minutes === 0) expect(result.ok).toBe(false);
        else expect(result).toEqual({ ok: true, expiresAt: new Date(NOW + days * DAY + hours * HOUR + minutes * MINUTE) });
      }),
    );
  });
});

describe('parseCustomExpiry, an expiration date and time', () => {
  it('reads the date and time in the user’s time zone', () => {
    expect(parseCustomExpiry(custom({ expirationDate: '2026-12-23T14:05' }), INSTANT, NOW)).toEqual({
      ok: true,
      expiresAt: new Date(2026, 11, 23, 14, 5),
    });
  });

  it.each([
    ['nothing', '', DATE_REQUIRED_MESSAGE],
    ['something that is not a date', 'next week', DATE_REQUIRED_MESSAGE],
    ['a moment already past', dateTimeLocalValue(new Date(NOW - MINUTE)), DATE_IN_PAST_MESSAGE],
    ['now', dateTimeLocalValue(new Date(NOW)), DATE_IN_PAST_MESSAGE],
    ['a date beyond the longest lifetime', dateTimeLocalValue(new Date(NOW + 3651 * DAY)), 'The expiration date can be at most 3650 days from now.'],
  ])('rejects %s', (_name, expirationDate, message) => {
    expect(parseCustomExpiry(custom({ expirationDate, days: '30' }), INSTANT, NOW)).toEqual({ ok: false, errors: { expirationDate: message } });
  });

  it('accepts every minute from the next one to the longest lifetime, as the field shows it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3650 * 24 * 60 - 1 }), (minutes) => {
        const at = new Date(NOW + minutes * MINUTE);
        const result = parseCustomExpiry(custom({ expirationDate: dateTimeLocalValue(at) }), INSTANT, NOW);
        expect(result.ok && dateTimeLocalValue(result.expiresAt)).toBe(dateTimeLocalValue(at));
      }),
    );
  });
});

describe('expiryOfChoice', () => {
  it.each([
    ['day', DAYS],
    ['minute', MINUTES],
    ['instant', INSTANT],
  ])('gives each preset offered at %s granularity its lifetime from now', (_name, expiry) => {
    const offered = new Set(expiryPresetsFor(expiry).map((preset) => preset.id));
    fc.assert(
      fc.property(fc.constantFrom(...PRESET_LIFETIMES.filter(([id]) => offered.has(id))), fc.integer({ min: 0, max: 4e12 }), ([id, lifetime], now) => {
        expect(expiryOfChoice(id, custom(), expiry, now)?.getTime()).toBe(now + lifetime);
      }),
    );
  });

  it('gives nothing for a preset the backend does not offer', () => {
    expect(expiryOfChoice('15m', custom(), DAYS, NOW)).toBeUndefined();
    expect(expiryOfChoice('never', custom(), { ...DAYS, allowsNever: false }, NOW)).toBeUndefined();
  });

  it('is null for Never, and for Custom the parsed expiry or nothing while it is not valid', () => {
    expect(expiryOfChoice('never', custom(), DAYS, NOW)).toBeNull();
    expect(expiryOfChoice('custom', custom({ days: '45' }), DAYS, NOW)).toEqual(new Date(NOW + 45 * DAY));
    expect(expiryOfChoice('custom', custom({ days: '0' }), DAYS, NOW)).toBeUndefined();
    expect(expiryOfChoice('custom', custom({ days: '1', hours: '2', minutes: '3' }), MINUTES, NOW)).toEqual(
      new Date(NOW + DAY + 2 * HOUR + 3 * MINUTE),
    );
    expect(expiryOfChoice('custom', custom({ expirationDate: '' }), INSTANT, NOW)).toBeUndefined();
  });
});

describe('dateTimeLocalValue', () => {
  it('writes a moment as datetime-local does, in the user’s time zone, to the minute', () => {
    expect(dateTimeLocalValue(new Date(2026, 0, 5, 7, 3, 59))).toBe('2026-01-05T07:03');
    expect(dateTimeLocalValue(new Date(2026, 11, 23, 14, 5))).toBe('2026-12-23T14:05');
  });
});
