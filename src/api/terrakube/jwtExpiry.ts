/**
 * The expiry a token carries in its `exp` claim. Terrakube's tokens are JWTs whose payload has `exp` (seconds
 * since the epoch) only when they expire. The signature is not checked: this only tells the user what the server
 * put in the token.
 */
export type TokenExpiryClaim =
  | { kind: 'expires'; at: Date; /** From `iat`, when the token has one. */ issuedAt?: Date }
  | { kind: 'never' }
  | { kind: 'unreadable' };

function decodeBase64Url(segment: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(segment)) return null;
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
  try {
    const binary = atob(padded);
    const bytes = Uint8Array.from(binary, (character) => character.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function dateOfSeconds(value: unknown): Date | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  const date = new Date(value * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function expiryClaimOf(token: string): TokenExpiryClaim {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return { kind: 'unreadable' };
  const json = decodeBase64Url(parts[1]);
  if (json === null) return { kind: 'unreadable' };
  let payload: unknown;
  try {
    payload = JSON.parse(json);
  } catch {
    return { kind: 'unreadable' };
  }
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return { kind: 'unreadable' };
  const { exp, iat } = payload as { exp?: unknown; iat?: unknown };
  if (exp === undefined || exp === null) return { kind: 'never' };
  const at = dateOfSeconds(exp);
  if (!at) return { kind: 'unreadable' };
  const issuedAt = dateOfSeconds(iat);
  return issuedAt ? { kind: 'expires', at, issuedAt } : { kind: 'expires', at };
}
