import { z } from 'zod';

/**
 * Request bodies of the Terrakube token API, shared by the UI's forms and the embedded server so
 * that both accept exactly the same input. Terrakube itself is looser; these limits are ours.
 */
import { DESCRIPTION_MAX_LENGTH, MAX_DAYS, MAX_HOURS, MAX_MINUTES } from './terrakubeLimits';
import { hasLoneSurrogate, LONE_SURROGATE_MESSAGE } from './unicodeText';

export { DESCRIPTION_MAX_LENGTH, MAX_DAYS, MAX_HOURS, MAX_MINUTES };

/**
 * No control characters (NUL, tabs, line breaks, U+0085…) nor the Unicode line and paragraph separators
 * (U+2028, U+2029), which break a line as well: PostgreSQL refuses NUL in text, and both are one line.
 */
const WITHOUT_CONTROL_CHARACTERS = /^[^\p{Cc}\p{Zl}\p{Zp}]*$/u;

/** Checked first: a lone surrogate would otherwise be stored as U+FFFD. */
const unicodeText = (error: string) =>
  z.string({ error }).refine((text) => !hasLoneSurrogate(text), LONE_SURROGATE_MESSAGE);

export const descriptionSchema = unicodeText('Description is required.')
  .trim()
  .min(1, 'Description is required.')
  .max(DESCRIPTION_MAX_LENGTH, `Description must be at most ${DESCRIPTION_MAX_LENGTH} characters.`)
  .regex(WITHOUT_CONTROL_CHARACTERS, 'Description must be a single line without tabs or other control characters.');

/** A team name is matched exactly, so surrounding spaces are refused rather than trimmed into another team. */
const groupSchema = unicodeText('Group is required.')
  .refine((group) => group.trim() !== '', 'Group is required.')
  .refine((group) => group === group.trim(), 'Group must not start or end with spaces.')
  .regex(WITHOUT_CONTROL_CHARACTERS, 'Group must not contain control characters.');

const wholeNumber = (name: string, max: number) =>
  z
    .number({ error: `${name} must be a whole number.` })
    .int(`${name} must be a whole number.`)
    .min(0, `${name} must not be negative.`)
    .max(max, `${name} must be at most ${max}.`);

export const daysSchema = wholeNumber('Days', MAX_DAYS);
export const hoursSchema = wholeNumber('Hours', MAX_HOURS);
export const minutesSchema = wholeNumber('Minutes', MAX_MINUTES);

/** A request object that names any field it does not know, and the fields it expects. */
function requestSchema<Shape extends z.ZodRawShape>(shape: Shape) {
  const expected = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}: the fields are ${expected}.`
        : undefined,
  });
}

/** Terrakube's own UI sends `hours: 0, minutes: 0` with a personal token, which lasts whole days. */
const zeroForPersonalTokens = (name: string) =>
  z.literal(0, { error: `${name} must be 0: personal access tokens last whole days.` }).optional();

/** `POST /pat/v1`. `days: 0` means the token never expires. */
export const patRequestSchema = requestSchema({
  description: descriptionSchema,
  days: daysSchema,
  hours: zeroForPersonalTokens('Hours'),
  minutes: zeroForPersonalTokens('Minutes'),
});
export type PatRequest = z.infer<typeof patRequestSchema>;

/** `POST /access-token/v1/teams`. All durations zero means the token never expires. */
export const teamTokenRequestSchema = requestSchema({
  group: groupSchema,
  description: descriptionSchema,
  days: daysSchema,
  hours: hoursSchema.default(0),
  minutes: minutesSchema.default(0),
});
export type TeamTokenRequest = z.infer<typeof teamTokenRequestSchema>;
