import type { ListedToken } from '../tokenRows';

/** The tokens that have expired at `now`; a token of unreadable expiry is not among them. */
export function expiredTokensOf(tokens: readonly ListedToken[], now: number): ListedToken[] {
  return tokens.filter((token) => token.expiresAt !== null && Date.parse(token.expiresAt) <= now);
}

/** "Delete 3 expired tokens", "Delete 1 expired token": the button, and the confirmation's title. */
export const expiredTokensLabel = (count: number): string => `Delete ${count} expired token${count === 1 ? '' : 's'}`;
