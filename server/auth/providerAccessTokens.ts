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

/**
 * A verifier of the provider's JWT access tokens: the claims when signature, issuer, audience, type and expiry
 * at `now` check out, undefined when any fails.
 */
export function providerAccessTokenVerifier(check: ProviderTokenCheck): (token: string, now: Date) => Promise<JWTPayload | undefined> {
  const keys = createLocalJWKSet({ keys: check.publicKeys });
  return async (token, now) => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        algorithms: [ACCESS_TOKEN_ALGORITHM],
        issuer: check.issuer,
        audience: check.audience,
        typ: 'at+jwt',
        currentDate: now,
      });
      return payload;
    } catch (error) {
      if (error instanceof errors.JOSEError) return undefined;
      throw error;
    }
  };
}

/** The grant an access token belongs to; undefined for one without (such as one issued before grants were named). */
export function grantIdOf(payload: JWTPayload): string | undefined {
  const grantId = payload[GRANT_CLAIM];
  return typeof grantId === 'string' && grantId ? grantId : undefined;
}
