/** How close a token is to expiring, as the token list shows it. */
export type ExpiryStatus = 'active' | 'expiresSoon' | 'expired' | 'neverExpires';

/** Under this much time left, a token "expires soon". */
export const EXPIRES_SOON_MS = 7 * 86_400_000;

export function expiryStatusOf(expiresAt: Date | null, now: Date): ExpiryStatus {
  if (expiresAt === null) return 'neverExpires';
  const left = expiresAt.getTime() - now.getTime();
  if (left <= 0) return 'expired';
  return left < EXPIRES_SOON_MS ? 'expiresSoon' : 'active';
}

export const EXPIRY_STATUS_LABELS: Record<ExpiryStatus, string> = {
  active: 'Active',
  expiresSoon: 'Expires soon',
  expired: 'Expired',
  neverExpires: 'Never expires',
};
