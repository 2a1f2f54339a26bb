import { createLocalJWKSet, errors, jwtVerify, type JWK, type JWTPayload } from 'jose';
import { ACCESS_TOKEN_ALGORITHM } from '../oidc/keys';

/**
 * The claim of an identity-provider access token that names its grant (the sign-in it came from). The provider
 * deletes the grant on sign-out, on revocation and on a replayed authorization code; an API call checks it.
 */
export const GRANT_CLAIM = 'grant_id';

export interface ProviderTokenCheck {
  issuer: string;
  /** The `aud` of access tokens meant for this server's APIs. */
  audience: string;
  publicKeys: JWK[];
}

/** Tokens whose signature this process has checked, remembered at once; past that they are all forgotten. */
const MAX_VERIFIED_TOKENS = 10_000;

/**
 * A verifier of the provider's JWT access tokens: the claims when signature, issuer, audience, type and expiry
 * at `now` check out, undefined when any fails. A token that passed once is not verified again (the same bytes
 * carry the same signature and claims); only its times are checked again, against each request's `now`.
 */
export function providerAccessTokenVerifier(check: ProviderTokenCheck): (token: string, now: Date) => Promise<JWTPayload | undefined> {
  const keys = createLocalJWKSet({ keys: check.publicKeys });
  const verified = new Map<string, JWTPayload>();
  return async (token, now) => {
    const known = verified.get(token);
    if (known) return isCurrent(known, now) ? known : undefined;
    try {
      const { payload } = await jwtVerify(token, keys, {
        algorithms: [ACCESS_TOKEN_ALGORITHM],
        issuer: check.issuer,
        audience: check.audience,
        typ: 'at+jwt',
        currentDate: now,
      });
      if (verified.size >= MAX_VERIFIED_TOKENS) verified.clear();
      verified.set(token, payload);
      return payload;
    } catch (error) {
      if (error instanceof errors.JOSEError) return undefined;
      throw error;
    }
  };
}

/** Whether `now` is within a verified token's `nbf` and `exp`, in whole seconds as jose compares them. */
function isCurrent({ exp, nbf }: JWTPayload, now: Date): boolean {
  const seconds = Math.floor(now.getTime() / 1000);
  return (exp === undefined || exp > seconds) && (nbf === undefined || nbf <= seconds);
}

/** The grant an access token belongs to; undefined for one without (such as one issued before grants were named). */
export function grantIdOf(payload: JWTPayload): string | undefined {
  const grantId = payload[GRANT_CLAIM];
  return typeof grantId === 'string' && grantId ? grantId : undefined;
}
