import type { KoaContextWithOIDC } from 'oidc-provider';
import { grantIdOf, providerAccessTokenVerifier, type ProviderTokenCheck } from '../auth/providerAccessTokens';
import type { Queryable } from '../db/database';
import { revokeGrant } from './databaseAdapter';

/**
 * The provider's access tokens are JWTs it does not store, so its revocation endpoint finds nothing to revoke
 * when given one and answers 200 all the same. After it has, this ends the token's grant (RFC 7009 lets revoking
 * an access token revoke its grant): the token, its refresh token and every other token of that sign-in stop.
 * Only a token that checks out at the server clock `now` (as at the APIs) and belongs to the client that
 * authenticated at the endpoint counts.
 */
export function revokeGrantOfAccessToken(db: Queryable, check: ProviderTokenCheck, now: () => Date) {
  const verify = providerAccessTokenVerifier(check);
  return async (ctx: KoaContextWithOIDC, next: () => Promise<void>): Promise<void> => {
    await next();
    const { oidc } = ctx;
    if (oidc?.route !== 'revocation' || ctx.status !== 200) return;
    // A token the provider stores (a refresh token) it has revoked itself, grant and all.
    if (oidc.entities.AccessToken || oidc.entities.RefreshToken || oidc.entities.ClientCredentials) return;
    const token = oidc.params?.token;
    if (typeof token !== 'string' || !oidc.client) return;
    const payload = await verify(token, now());
    const grantId = payload && grantIdOf(payload);
    if (grantId && payload.client_id === oidc.client.clientId) await revokeGrant(db, grantId);
  };
}
