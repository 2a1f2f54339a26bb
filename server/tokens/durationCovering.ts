import { NEVER, type TokenDuration } from '../../contracts/tokenDuration';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/**
 * The Terrakube duration that a token made with an expiry date shows on the Terrakube surface: the smallest one,
 * in the table's units (whole days for personal tokens, minutes for team tokens), whose end is at or after the
 * expiry. `expires_at` stays the real expiry; the duration only keeps Terrakube's `days/hours/minutes`
 * meaningful, never earlier than the truth and at most one unit later. `null` (never) is the zero duration.
 */
export function durationCovering(createdAt: Date, expiresAt: Date | null, unit: 'days' | 'minutes'): TokenDuration {
  if (expiresAt === null) return NEVER;
  const ms = expiresAt.getTime() - createdAt.getTime();
  if (unit === 'days') return { days: Math.max(1, Math.ceil(ms / DAY_MS)), hours: 0, minutes: 0 };
  const minutes = Math.max(1, Math.ceil(ms / MINUTE_MS));
  return { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 };
}
