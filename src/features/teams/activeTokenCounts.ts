import { isNever, type TeamToken } from '../../api';

/**
 * How many tokens still work, per team name: those that never expire and those whose expiry is after `now`. A
 * token with an expiry but no readable creation date has no known expiry, so it is not counted.
 */
export function activeTokenCounts(tokens: readonly TeamToken[], now: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) {
    const active = isNever(token.duration) || (token.expiresAt !== null && Date.parse(token.expiresAt) > now);
    if (active) counts.set(token.group, (counts.get(token.group) ?? 0) + 1);
  }
  return counts;
}
