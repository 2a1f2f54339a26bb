import { randomBytes } from 'node:crypto';
import { TOKEN_SIGNING_KEY_MIN_BYTES, type Config } from '../config';
import type { Database } from '../db/database';
import { getOrCreateSecret } from '../db/serverSecrets';

/** Where a generated key is kept: `server_secret`, beside the identity provider's keys. */
export const TOKEN_SIGNING_KEY_SECRET = 'token-signing-key';

/**
 * The HMAC key for issued tokens: `TOKEN_SIGNING_KEY` when set, otherwise one generated on first start and kept
 * in the database, so that one database is one set of keys: tokens survive restarts and work on every server
 * that shares the database.
 */
export async function loadTokenSigningKey(config: Pick<Config, 'tokenSigningKey'>, db: Database): Promise<Uint8Array> {
  if (config.tokenSigningKey) return config.tokenSigningKey;
  const stored = await getOrCreateSecret(db, TOKEN_SIGNING_KEY_SECRET, async () =>
    randomBytes(TOKEN_SIGNING_KEY_MIN_BYTES).toString('base64url'),
  );
  const key = typeof stored === 'string' ? Buffer.from(stored, 'base64url') : Buffer.alloc(0);
  if (key.length < TOKEN_SIGNING_KEY_MIN_BYTES) {
    throw new Error(
      `The stored token signing key (server_secret "${TOKEN_SIGNING_KEY_SECRET}") is not usable: delete that row to generate a new one, or set TOKEN_SIGNING_KEY.`,
    );
  }
  return new Uint8Array(key);
}
