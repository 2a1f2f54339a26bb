/**
 * The expiry choices of the generate form, made from what the collection's backend accepts: presets, Custom (whole
 * days, days + hours + minutes, or an expiration date and time) and Never. Pure: everything takes "now".
 */
import type { CollectionCapabilities, ExpiryGranularity } from '../../../api';

export type ExpiryPresetId = '15m' | '1h' | '8h' | '7d' | '30d' | '60d' | '90d' | '1y' | 'custom' | 'never';

export interface ExpiryPreset {
  id: ExpiryPresetId;
  label: string;
  /** The preset's lifetime in ms; absent for Custom and Never. */
  lifetimeMs?: number;
  /** Said after the live expiry date when the label alone would mislead, e.g. "365 days from now" for 1 year. */
  previewNote?: string;
}

export type ExpiryCapabilities = CollectionCapabilities['expiry'];

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
const YEAR_DAYS = 365;

const SHORT_PRESETS: ExpiryPreset[] = [
  { id: '15m', label: '15 minutes', lifetimeMs: 15 * MINUTE_MS },
  { id: '1h', label: '1 hour', lifetimeMs: HOUR_MS },
  { id: '8h', label: '8 hours', lifetimeMs: 8 * HOUR_MS },
];

const DAY_PRESETS: ExpiryPreset[] = [
  { id: '7d', label: '7 days', lifetimeMs: 7 * DAY_MS },
  { id: '30d', label: '30 days', lifetimeMs: 30 * DAY_MS },
  { id: '60d', label: '60 days', lifetimeMs: 60 * DAY_MS },
  { id: '90d', label: '90 days', lifetimeMs: 90 * DAY_MS },
  // Fixed days: across a leap day the expiry is a calendar day short of a year.
  { id: '1y', label: '1 year', lifetimeMs: YEAR_DAYS * DAY_MS, previewNote: `${YEAR_DAYS} days from now` },
];

export const DEFAULT_EXPIRY_PRESET: ExpiryPresetId = '30d';

/** The presets a backend takes, shortest first, then Custom, then Never where a token may never expire. */
export function expiryPresetsFor(expiry: ExpiryCapabilities): readonly ExpiryPreset[] {
  const timed = [...(expiry.granularity === 'day' ? [] : SHORT_PRESETS), ...DAY_PRESETS].filter(
    (preset) => (preset.lifetimeMs ?? 0) <= expiry.maxMs,
  );
  const custom: ExpiryPreset = { id: 'custom', label: 'Custom' };
  return expiry.allowsNever ? [...timed, custom, { id: 'never', label: 'Never' }] : [...timed, custom];
}

/** The Custom fields as typed: number inputs and the date input give strings; an empty field is ''. */
export interface CustomExpiryInput {
  days: string;
  hours: string;
  minutes: string;
  /** `datetime-local`'s value, "2026-12-23T14:05", in the user's time zone. */
  expirationDate: string;
}

export type CustomExpiryField = keyof CustomExpiryInput;

/** The fields Custom shows for a granularity. */
export function customFieldsFor(granularity: ExpiryGranularity): readonly CustomExpiryField[] {
  if (granularity === 'instant') return ['expirationDate'];
  return granularity === 'day' ? ['days'] : ['days', 'hours', 'minutes'];
}

export const DAYS_REQUIRED_MESSAGE = 'Enter the number of days.';
export const AT_LEAST_ONE_DAY_MESSAGE = 'Days must be at least 1.';
export const AT_LEAST_ONE_MINUTE_MESSAGE = 'Enter at least one minute in total.';
export const DATE_REQUIRED_MESSAGE = 'Enter the date and time the token expires.';
export const DATE_IN_PAST_MESSAGE = 'The expiration date must be in the future.';

export type CustomExpiryResult =
  | { ok: true; expiresAt: Date }
  | { ok: false; errors: Partial<Record<CustomExpiryField, string>> };

const wholeNumber = (name: string, text: string, max: number): { value: number } | { error: string } => {
  const trimmed = text.trim();
  const value = trimmed === '' ? 0 : Number(trimmed);
  if (!Number.isInteger(value)) return { error: `${name} must be a whole number.` };
  if (value < 0) return { error: `${name} must not be negative.` };
  if (value > max) return { error: `${name} must be at most ${max}.` };
  return { value };
};

const maxDaysOf = (expiry: ExpiryCapabilities) => Math.floor(expiry.maxMs / DAY_MS);

function customDays(input: CustomExpiryInput, expiry: ExpiryCapabilities, now: number): CustomExpiryResult {
  if (input.days.trim() === '') return { ok: false, errors: { days: DAYS_REQUIRED_MESSAGE } };
  const days = wholeNumber('Days', input.days, maxDaysOf(expiry));
  if ('error' in days) return { ok: false, errors: { days: days.error } };
  if (days.value < 1) return { ok: false, errors: { days: AT_LEAST_ONE_DAY_MESSAGE } };
  return { ok: true, expiresAt: new Date(now + days.value * DAY_MS) };
}

/** Days, hours (0–23) and minutes (0–59), empty fields counting as 0; the total error is reported on Days. */
function customDuration(input: CustomExpiryInput, expiry: ExpiryCapabilities, now: number): CustomExpiryResult {
  const fields = [
    ['days', 'Days', maxDaysOf(expiry), DAY_MS],
    ['hours', 'Hours', 23, HOUR_MS],
    ['minutes', 'Minutes', 59, MINUTE_MS],
  ] as const;
  const errors: Partial<Record<CustomExpiryField, string>> = {};
  let total = 0;
  for (const [field, name, max, unit] of fields) {
    const checked = wholeNumber(name, input[field], max);
    if ('error' in checked) errors[field] = checked.error;
    else total += checked.value * unit;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (total === 0) return { ok: false, errors: { days: AT_LEAST_ONE_MINUTE_MESSAGE } };
  if (total > expiry.maxMs) return { ok: false, errors: { days: `A token can last at most ${maxDaysOf(expiry)} days.` } };
  return { ok: true, expiresAt: new Date(now + total) };
}

function customDate(input: CustomExpiryInput, expiry: ExpiryCapabilities, now: number): CustomExpiryResult {
  if (input.expirationDate.trim() === '') return { ok: false, errors: { expirationDate: DATE_REQUIRED_MESSAGE } };
  // A date and time without an offset is read in the user's time zone, as the field shows it.
  const at = new Date(input.expirationDate);
  if (Number.isNaN(at.getTime())) return { ok: false, errors: { expirationDate: DATE_REQUIRED_MESSAGE } };
  if (at.getTime() <= now) return { ok: false, errors: { expirationDate: DATE_IN_PAST_MESSAGE } };
  if (at.getTime() - now > expiry.maxMs) {
    return { ok: false, errors: { expirationDate: `The expiration date can be at most ${maxDaysOf(expiry)} days from now.` } };
  }
  return { ok: true, expiresAt: at };
}

export function parseCustomExpiry(input: CustomExpiryInput, expiry: ExpiryCapabilities, now: number): CustomExpiryResult {
  switch (expiry.granularity) {
    case 'day':
      return customDays(input, expiry, now);
    case 'minute':
      return customDuration(input, expiry, now);
    case 'instant':
      return customDate(input, expiry, now);
  }
}

/** When a token chosen now would expire: a moment, `null` for Never, `undefined` while Custom is not valid. */
export function expiryOfChoice(
  presetId: ExpiryPresetId,
  custom: CustomExpiryInput,
  expiry: ExpiryCapabilities,
  now: number,
): Date | null | undefined {
  if (presetId === 'never') return expiry.allowsNever ? null : undefined;
  if (presetId === 'custom') {
    const result = parseCustomExpiry(custom, expiry, now);
    return result.ok ? result.expiresAt : undefined;
  }
  const preset = expiryPresetsFor(expiry).find((candidate) => candidate.id === presetId);
  return preset?.lifetimeMs === undefined ? undefined : new Date(now + preset.lifetimeMs);
}

/** `datetime-local`'s value for a moment, in the user's time zone, to the minute. */
export function dateTimeLocalValue(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
