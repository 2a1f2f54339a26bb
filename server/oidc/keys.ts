import { randomBytes, randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import type { Database } from '../db/database';
import { getOrCreateSecret } from '../db/serverSecrets';

export const ACCESS_TOKEN_ALGORITHM = 'RS256';

/** The provider's signing keys and cookie keys, generated once and kept in the database. */
export async function loadProviderKeys(db: Database): Promise<{ signingKeys: JWK[]; cookieKeys: string[] }> {
  const signingKeys = await getOrCreateSecret(db, 'oidc-signing-keys', async () => {
    const { privateKey } = await generateKeyPair(ACCESS_TOKEN_ALGORITHM, { extractable: true });
    return [{ ...(await exportJWK(privateKey)), kid: randomUUID(), alg: ACCESS_TOKEN_ALGORITHM, use: 'sig' }];
  });
  const cookieKeys = await getOrCreateSecret(db, 'oidc-cookie-keys', async () => [randomBytes(32).toString('base64url')]);
  return { signingKeys, cookieKeys };
}

/** The public half of RSA signing keys, for verifying access tokens locally. */
export function publicKeysOf(signingKeys: JWK[]): JWK[] {
  return signingKeys.map(({ kty, n, e, kid, alg, use }) => ({ kty, n, e, kid, alg, use }));
}
