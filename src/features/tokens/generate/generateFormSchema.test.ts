import { describe, expect, it } from 'vitest';
import type { CollectionCapabilities } from '../../../api';
import { DAY, MINUTE, TERRAKUBE_CAPABILITIES, TFE_CAPABILITIES } from '../../../test/testKit';
import { dateTimeLocalValue } from './expiryChoices';
import { generateFormSchema, type GenerateFormValues } from './generateFormSchema';

const NOW = Date.parse('2026-11-23T10:00:00.000Z');
const PERSONAL = TERRAKUBE_CAPABILITIES.personal;
const TEAM = TERRAKUBE_CAPABILITIES.team;
const DATED = TFE_CAPABILITIES.team;

const values = (overrides: Partial<GenerateFormValues> = {}): GenerateFormValues => ({
  description: 'Laptop CLI',
  expiresIn: '30d',
  days: '30',
  hours: '0',
  minutes: '0',
  expirationDate: dateTimeLocalValue(new Date(NOW + 30 * DAY)),
  ...overrides,
});

/** The schema's verdict: the parsed values, or each failing field's message. */
function check(capabilities: CollectionCapabilities, input: GenerateFormValues, now = () => NOW) {
  const result = generateFormSchema(capabilities, now).safeParse(input);
  if (result.success) return { ok: true as const, values: result.data };
  return { ok: false as const, errors: Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message])) };
}

describe('generateFormSchema: the description', () => {
  it('is sent trimmed', () => {
    expect(check(PERSONAL, values({ description: '  Laptop CLI  ' }))).toMatchObject({ ok: true, values: { description: 'Laptop CLI' } });
  });

  it.each([
    ['empty', '', 'Description is required.'],
    ['only spaces', '   ', 'Description is required.'],
    ['256 characters', 'x'.repeat(256), 'Description must be at most 255 characters.'],
    ['on two lines', 'CI\nrunner', 'Description must be a single line without tabs or other control characters.'],
  ])('is refused when %s', (_name, description, message) => {
    expect(check(PERSONAL, values({ description }))).toEqual({ ok: false, errors: { description: message } });
  });

  it('counts 255 characters after trimming as within the limit', () => {
    expect(check(PERSONAL, values({ description: ` ${'x'.repeat(255)} ` })).ok).toBe(true);
  });

  it('is not asked for, and sent empty, where the collection takes none', () => {
    const noDescription = { ...TEAM, takesDescription: false };
    expect(check(noDescription, values({ description: '' }))).toMatchObject({ ok: true, values: { description: '' } });
    expect(check(noDescription, values({ description: 'left over' }))).toMatchObject({ ok: true, values: { description: '' } });
  });
});

describe('generateFormSchema: the expiry', () => {
  it('takes only a preset the backend offers', () => {
    const choose = { expiresIn: 'Choose when the token expires.' };
    expect(check(PERSONAL, values({ expiresIn: '15m' }))).toEqual({ ok: false, errors: choose });
    expect(check(TEAM, values({ expiresIn: '15m' })).ok).toBe(true);
    expect(check({ ...PERSONAL, expiry: { ...PERSONAL.expiry, allowsNever: false } }, values({ expiresIn: 'never' }))).toEqual({
      ok: false,
      errors: choose,
    });
  });

  it('ignores the Custom fields unless Custom is chosen', () => {
    expect(check(TEAM, values({ expiresIn: '8h', days: 'x', hours: '99', expirationDate: '' })).ok).toBe(true);
  });

  it('checks Custom by the granularity: Days for whole days', () => {
    expect(check(PERSONAL, values({ expiresIn: 'custom', days: '0' }))).toEqual({ ok: false, errors: { days: 'Days must be at least 1.' } });
    expect(check(PERSONAL, values({ expiresIn: 'custom', days: '12', hours: '99' })).ok).toBe(true);
  });

  it('checks Custom by the granularity: each of Days, Hours and Minutes to the minute', () => {
    expect(check(TEAM, values({ expiresIn: 'custom', days: '0', hours: '24', minutes: '60' }))).toEqual({
      ok: false,
      errors: { hours: 'Hours must be at most 23.', minutes: 'Minutes must be at most 59.' },
    });
  });

  it('checks Custom by the granularity: the Expiration date for any moment, against the time of checking', () => {
    const inTwoMinutes = dateTimeLocalValue(new Date(NOW + 2 * MINUTE));
    let now = NOW;
    const clock = () => now;
    expect(check(DATED, values({ expiresIn: 'custom', expirationDate: inTwoMinutes, days: '' }), clock).ok).toBe(true);
    now += 3 * MINUTE;
    expect(check(DATED, values({ expiresIn: 'custom', expirationDate: inTwoMinutes }), clock)).toEqual({
      ok: false,
      errors: { expirationDate: 'The expiration date must be in the future.' },
    });
  });
});
