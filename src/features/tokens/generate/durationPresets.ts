import { NEVER, type TokenDuration } from '../../../../contracts/tokenDuration';
import { daysSchema, hoursSchema, minutesSchema } from '../../../../contracts/terrakubeRequests';

/** Personal tokens (`/pat/v1`) take whole days; team tokens take days, hours and minutes. */
export type TokenVariant = 'personal' | 'team';

export type ExpiryPresetId = '15m' | '1h' | '8h' | '7d' | '30d' | '60d' | '90d' | '1y' | 'custom' | 'never';

export interface ExpiryPreset {
  id: ExpiryPresetId;
  label: string;
  /** The fixed duration of the preset; absent for Custom, whose duration comes from the custom fields. */
  duration?: TokenDuration;
  /** Said after the live expiry date when the label alone would mislead, e.g. "365 days from now" for 1 year. */
  previewNote?: string;
}

const days = (count: number): TokenDuration => ({ days: count, hours: 0, minutes: 0 });
const YEAR_DAYS = 365;

const SHORT_PRESETS: ExpiryPreset[] = [
  { id: '15m', label: '15 minutes', duration: { days: 0, hours: 0, minutes: 15 } },
  { id: '1h', label: '1 hour', duration: { days: 0, hours: 1, minutes: 0 } },
  { id: '8h', label: '8 hours', duration: { days: 0, hours: 8, minutes: 0 } },
];

const COMMON_PRESETS: ExpiryPreset[] = [
  { id: '7d', label: '7 days', duration: days(7) },
  { id: '30d', label: '30 days', duration: days(30) },
  { id: '60d', label: '60 days', duration: days(60) },
  { id: '90d', label: '90 days', duration: days(90) },
  // Fixed days, as the API counts them: across a leap day the expiry is a calendar day short of a year.
  { id: '1y', label: '1 year', duration: days(YEAR_DAYS), previewNote: `${YEAR_DAYS} days from now` },
  { id: 'custom', label: 'Custom' },
  { id: 'never', label: 'Never', duration: NEVER },
];

export const DEFAULT_EXPIRY_PRESET: ExpiryPresetId = '30d';

/** The presets offered for a kind of token, shortest first, Custom and Never last. */
export function expiryPresetsFor(variant: TokenVariant): readonly ExpiryPreset[] {
  return variant === 'team' ? [...SHORT_PRESETS, ...COMMON_PRESETS] : COMMON_PRESETS;
}

/** The custom duration fields as typed (number inputs give strings; an empty field is ''). */
export interface CustomDurationInput {
  days: string;
  hours: string;
  minutes: string;
}

export type CustomDurationErrors = Partial<Record<keyof CustomDurationInput, string>>;

export type CustomDurationResult = { ok: true; duration: TokenDuration } | { ok: false; errors: CustomDurationErrors };

export const DAYS_REQUIRED_MESSAGE = 'Enter the number of days.';
export const AT_LEAST_ONE_DAY_MESSAGE = 'Days must be at least 1.';
export const AT_LEAST_ONE_MINUTE_MESSAGE = 'Enter at least one minute in total.';

type NumberSchema = typeof daysSchema;

/** '' → undefined; anything else → the number it spells (NaN when it spells none, which the schema rejects). */
function numberOf(text: string): number | undefined {
  const trimmed = text.trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

function checkField(schema: NumberSchema, value: number): { value: number } | { error: string } {
  const result = schema.safeParse(value);
  return result.success ? { value: result.data } : { error: result.error.issues[0]?.message ?? 'Invalid value.' };
}

/**
 * Validates the custom duration fields with the shared request schemas. Personal tokens need whole days from 1
 * to the schema's maximum (0 would mean "never", which has its own preset). Team tokens take days, hours (0–23)
 * and minutes (0–59), empty fields counting as 0, and at least one minute in total; that total error is
 * reported on Days, the first field.
 */
export function parseCustomDuration(variant: TokenVariant, input: CustomDurationInput): CustomDurationResult {
  if (variant === 'personal') {
    const value = numberOf(input.days);
    if (value === undefined) return { ok: false, errors: { days: DAYS_REQUIRED_MESSAGE } };
    const checked = checkField(daysSchema, value);
    if ('error' in checked) return { ok: false, errors: { days: checked.error } };
    if (checked.value < 1) return { ok: false, errors: { days: AT_LEAST_ONE_DAY_MESSAGE } };
    return { ok: true, duration: days(checked.value) };
  }

  const errors: CustomDurationErrors = {};
  const duration: TokenDuration = { days: 0, hours: 0, minutes: 0 };
  const fields: [keyof CustomDurationInput, NumberSchema][] = [
    ['days', daysSchema],
    ['hours', hoursSchema],
    ['minutes', minutesSchema],
  ];
  for (const [field, schema] of fields) {
    const checked = checkField(schema, numberOf(input[field]) ?? 0);
    if ('error' in checked) errors[field] = checked.error;
    else duration[field] = checked.value;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (duration.days + duration.hours + duration.minutes === 0) {
    return { ok: false, errors: { days: AT_LEAST_ONE_MINUTE_MESSAGE } };
  }
  return { ok: true, duration };
}

/** The duration a preset (or the custom fields) stands for; `null` while the custom fields are not valid. */
export function durationOf(
  variant: TokenVariant,
  presetId: ExpiryPresetId,
  custom: CustomDurationInput,
): TokenDuration | null {
  if (presetId === 'custom') {
    const result = parseCustomDuration(variant, custom);
    return result.ok ? result.duration : null;
  }
  const preset = expiryPresetsFor(variant).find((candidate) => candidate.id === presetId);
  return preset?.duration ?? null;
}
