import { jwtVerify, SignJWT, type JWTPayload } from 'jose';

export const TOKEN_ISSUER = 'Terrakube';

/** The HMAC algorithm follows the key length, as in Terrakube (jjwt's `Keys.hmacShaKeyFor`). */
export function hmacAlgorithmFor(key: Uint8Array): 'HS256' | 'HS384' | 'HS512' {
  if (key.length >= 64) return 'HS512';
  if (key.length >= 48) return 'HS384';
  return 'HS256';
}

export interface IssuedTokenClaims {
  id: string;
  /** `sub`: `"<name> (Token)"`, or `"<group> (Team Token)"` for a team token. */
  subject: string;
  /** `name`: `"<name> (Token)"`, or `"<group> (Token)"` for a team token (Terrakube's TeamTokenService). */
  name: string;
  email: string;
  groups: string[];
  issuedAt: Date;
  expiresAt: Date | null;
}

/** A token in Terrakube's format: `jti` = row id, `exp` only when it expires. */
export async function signIssuedToken(key: Uint8Array, claims: IssuedTokenClaims): Promise<string> {
  const jwt = new SignJWT({
    name: claims.name,
    email: claims.email,
    email_verified: true,
    groups: claims.groups,
  })
    .setProtectedHeader({ alg: hmacAlgorithmFor(key), typ: 'JWT' })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_ISSUER)
    .setJti(claims.id)
    .setSubject(claims.subject)
    .setIssuedAt(Math.floor(claims.issuedAt.getTime() / 1000));
  if (claims.expiresAt) jwt.setExpirationTime(Math.floor(claims.expiresAt.getTime() / 1000));
  return jwt.sign(key);
}

/** Checks signature, issuer, audience and `exp` at `now`; throws when any fails. */
export async function verifyIssuedToken(key: Uint8Array, token: string, now: Date): Promise<JWTPayload> {
  const { payload } = await jwtVerify(token, key, {
    algorithms: [hmacAlgorithmFor(key)],
    issuer: TOKEN_ISSUER,
    audience: TOKEN_ISSUER,
    currentDate: now,
  });
  return payload;
}
