/**
 * Terrakube stores a token's duration, not its expiry: a token expires at its creation time plus the duration,
 * counted in fixed 24-hour days (so DST and leap days never shift it), and a zero duration never expires.
 * Shared by the UI and the embedded server, like the request schemas, so both compute the same expiry.
 */
export interface TokenDuration {
  days: number;
  hours: number;
  minutes: number;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export const NEVER: TokenDuration = { days: 0, hours: 0, minutes: 0 };

export function durationMs({ days, hours, minutes }: TokenDuration): number {
  return days * DAY_MS + hours * HOUR_MS + minutes * MINUTE_MS;
}

export function isNever(duration: TokenDuration): boolean {
  return durationMs(duration) === 0;
}

/** When a token created at `createdAt` with `duration` expires; `null` for never. */
export function expiryOf(createdAt: Date, duration: TokenDuration): Date | null {
  return isNever(duration) ? null : new Date(createdAt.getTime() + durationMs(duration));
}
