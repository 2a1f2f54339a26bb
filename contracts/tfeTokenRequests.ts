import { z } from 'zod';
import { descriptionSchema, MAX_DAYS } from './terrakubeRequests';

/**
 * The attributes of HCP Terraform's token requests (`data.attributes` of a JSON:API document), as the embedded
 * `/api/v2` accepts them. HCP Terraform itself is looser; these limits are ours and match the Terrakube surface.
 */

/** The latest expiry a new token may have, in days from now: the same ten years as the Terrakube surface's days. */
export const MAX_EXPIRY_DAYS = MAX_DAYS;

/** An ISO-8601 date and time with seconds and an explicit zone: `2026-04-06T12:00:00.000Z`, `…+02:00`. */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/;

/** The instant an ISO-8601 date-time names, or undefined when it is not one (Feb 30th included: no rollover). */
export function parseIsoDateTime(value: string): Date | undefined {
  const match = ISO_DATE_TIME.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const zoneHours = match[9] === undefined ? 0 : Number(match[9]);
  const zoneMinutes = match[10] === undefined ? 0 : Number(match[10]);
  const fieldsValid =
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59;
  if (!fieldsValid || zoneHours > 23 || zoneMinutes > 59) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const EXPIRED_AT_FORMAT = 'Expired at must be an ISO 8601 date and time with a time zone, such as 2026-04-06T12:00:00.000Z, or null for a token that never expires.';

/** `expired-at`: a date-time, or `null` (and, here, absent) for never. Its range is checked against the clock. */
export const expiredAtSchema = z
  .union([z.string(), z.null()], { error: EXPIRED_AT_FORMAT })
  .optional()
  .transform((value, context) => {
    if (value === null || value === undefined) return null;
    const date = parseIsoDateTime(value);
    if (!date) {
      context.addIssue({ code: 'custom', message: EXPIRED_AT_FORMAT });
      return z.NEVER;
    }
    return date;
  });

/** Attributes that name any attribute they do not know, and the attributes they take. */
function attributesSchema<Shape extends z.ZodRawShape>(shape: Shape) {
  const expected = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Unknown attribute${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}: the attributes are ${expected}.`
        : undefined,
  });
}

/** An optional description: absent or `null` for none; a blank one is refused rather than guessed at. */
const optionalDescriptionSchema = z
  .string({ error: 'Description must be a string, or null for none.' })
  .refine((value) => value.trim() !== '', 'Description must not be blank: leave it out or send null for none.')
  .pipe(descriptionSchema)
  .nullable()
  .optional()
  .transform((value) => value ?? null);

/** `POST /users/:user_id/authentication-tokens`: the description is optional, as in HCP Terraform. */
export const userTokenAttributesSchema = attributesSchema({
  description: optionalDescriptionSchema,
  'expired-at': expiredAtSchema,
});

/** `POST /teams/:team_id/authentication-tokens`: a description is required (it tells the team's tokens apart). */
export const teamTokenAttributesSchema = attributesSchema({
  description: descriptionSchema,
  'expired-at': expiredAtSchema,
});

/** `POST /teams/:team_id/authentication-token`, the legacy one token per team, which has no description. */
export const legacyTeamTokenAttributesSchema = attributesSchema({
  'expired-at': expiredAtSchema,
});

export type UserTokenAttributes = z.output<typeof userTokenAttributesSchema>;
export type TeamTokenAttributes = z.output<typeof teamTokenAttributesSchema>;
export type LegacyTeamTokenAttributes = z.output<typeof legacyTeamTokenAttributesSchema>;
