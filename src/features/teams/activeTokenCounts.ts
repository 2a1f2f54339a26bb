import type { TeamToken } from '../../api';

/** How many tokens still work, per team id: those that never expire and those whose expiry is after `now`. */
export function activeTokenCounts(tokens: readonly TeamToken[], now: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) {
    const active = token.expiresAt === null || Date.parse(token.expiresAt) > now;
    if (active) counts.set(token.teamId, (counts.get(token.teamId) ?? 0) + 1);
  }
  return counts;
}
