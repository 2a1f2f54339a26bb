import type { TeamToken } from '../../api';
import { EXPIRES_SOON_MS } from '../tokens/tokenExpiry';

export interface TeamTokenCounts {
  /** Tokens that still work: those that never expire and those whose expiry is after `now`. */
  active: number;
  /** Of those, the ones with less than seven days left (the token list's "Expires soon"). */
  expiringSoon: number;
}

/** Per team id, how many of its tokens still work and how many of those expire soon; teams with none are absent. */
export function activeTokenCounts(tokens: readonly TeamToken[], now: number): Map<string, TeamTokenCounts> {
  const counts = new Map<string, TeamTokenCounts>();
  for (const token of tokens) {
    const left = token.expiresAt === null ? Infinity : Date.parse(token.expiresAt) - now;
    if (!(left > 0)) continue; // expired, or a date that cannot be read
    const team = counts.get(token.teamId) ?? { active: 0, expiringSoon: 0 };
    team.active += 1;
    if (left < EXPIRES_SOON_MS) team.expiringSoon += 1;
    counts.set(token.teamId, team);
  }
  return counts;
}
