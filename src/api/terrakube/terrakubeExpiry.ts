/**
 * The port asks for an expiry moment; Terrakube takes a duration counted from when it creates the token. These
 * turn one into the other, rounded to what each token API counts in: whole days for personal tokens, minutes for
 * team tokens. The form offers only moments that round to themselves, so rounding only absorbs the few seconds
 * between choosing and sending.
 */
import { NEVER, type TokenDuration } from '../../../contracts/tokenDuration';
import { MAX_DAYS } from '../../../contracts/terrakubeLimits';

const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;
const DAY_MS = DAY_MINUTES * MINUTE_MS;

export const PERSONAL_MAX_MS = MAX_DAYS * DAY_MS;
/** Team tokens: the largest days, hours and minutes the token API takes. */
export const TEAM_MAX_MS = MAX_DAYS * DAY_MS + 23 * 60 * MINUTE_MS + 59 * MINUTE_MS;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** `POST /pat/v1`'s `days`: at least 1 (0 means never), at most the API's maximum. */
export function personalDaysUntil(expiresAt: Date | null, now: Date): number {
  if (expiresAt === null) return 0;
  return clamp(Math.round((expiresAt.getTime() - now.getTime()) / DAY_MS), 1, MAX_DAYS);
}

/** `POST /access-token/v1/teams`'s days, hours and minutes: at least one minute (all zero means never). */
export function teamDurationUntil(expiresAt: Date | null, now: Date): TokenDuration {
  if (expiresAt === null) return NEVER;
  const total = clamp(Math.round((expiresAt.getTime() - now.getTime()) / MINUTE_MS), 1, TEAM_MAX_MS / MINUTE_MS);
  return { days: Math.floor(total / DAY_MINUTES), hours: Math.floor((total % DAY_MINUTES) / 60), minutes: total % 60 };
}
