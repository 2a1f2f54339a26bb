import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { Database, Queryable } from '../db/database';
import { purgeSchedule } from '../db/purgeSchedule';

interface PayloadRow {
  payload: AdapterPayload;
  consumed_at: Date | null;
}

/** Drops provider rows that expired before `now`: they are never read again. */
export async function purgeExpiredProviderRows(db: Queryable, now: Date): Promise<void> {
  await db.query('DELETE FROM oidc_payload WHERE expires_at < $1', [now]);
}

/**
 * Whether grant `grantId` is stored and unexpired at `now`, the server clock its expiry was set by: one
 * primary-key lookup, the cost of checking a sign-in, kept until the next write where only this process writes
 * (sign-out and revocation delete the grant, which is a write).
 */
export async function isGrantActive(db: Database, grantId: string, now: Date): Promise<boolean> {
  const rows = await db.keptUntilWrite(`grant ${grantId}`, () =>
    db.query<{ expires_at: Date | null }>("SELECT expires_at FROM oidc_payload WHERE model = 'Grant' AND id = $1", [grantId]),
  );
  return rows.some(({ expires_at: expiresAt }) => expiresAt === null || expiresAt > now);
}

/** Ends a grant as the provider does: the grant and every code and token issued under it. */
export async function revokeGrant(db: Queryable, grantId: string): Promise<void> {
  await db.query("DELETE FROM oidc_payload WHERE grant_id = $1 OR (model = 'Grant' AND id = $1)", [grantId]);
}

/**
 * oidc-provider's storage (sessions, grants, codes, refresh tokens, interactions…) in the server's database,
 * so that signing in survives a restart. One instance per model name. Expiry, consumption and the purge all go by
 * the server clock `now`, so a row is never purged or found expired by another clock than the one that dated it.
 * Writing purges expired rows now and then, so anonymous sign-in attempts cannot grow the table without bound.
 */
export function databaseAdapterFactory(db: Database, { now }: { now: () => Date }): new (model: string) => Adapter {
  const purgeWhenDue = purgeSchedule(now, (current) => purgeExpiredProviderRows(db, current));

  return class DatabaseAdapter implements Adapter {
    constructor(private readonly model: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn?: number): Promise<void> {
      const current = await purgeWhenDue();
      const expiresAt = expiresIn ? new Date(current.getTime() + expiresIn * 1000) : null;
      await db.query(
        `INSERT INTO oidc_payload (model, id, payload, grant_id, user_code, uid, expires_at)
         VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7)
         ON CONFLICT (model, id) DO UPDATE SET payload = EXCLUDED.payload, grant_id = EXCLUDED.grant_id,
           user_code = EXCLUDED.user_code, uid = EXCLUDED.uid, expires_at = EXCLUDED.expires_at`,
        [
          this.model,
          id,
          JSON.stringify(payload),
          payload.grantId ?? null,
          payload.userCode ?? null,
          payload.uid ?? null,
          expiresAt,
        ],
      );
    }

    find(id: string): Promise<AdapterPayload | undefined> {
      return this.findWhere('id = $2', id);
    }

    findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      return this.findWhere('user_code = $2', userCode);
    }

    findByUid(uid: string): Promise<AdapterPayload | undefined> {
      return this.findWhere('uid = $2', uid);
    }

    async consume(id: string): Promise<void> {
      await db.query('UPDATE oidc_payload SET consumed_at = $3 WHERE model = $1 AND id = $2', [this.model, id, now()]);
    }

    async destroy(id: string): Promise<void> {
      await db.query('DELETE FROM oidc_payload WHERE model = $1 AND id = $2', [this.model, id]);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await db.query('DELETE FROM oidc_payload WHERE grant_id = $1', [grantId]);
    }

    private async findWhere(condition: string, value: string): Promise<AdapterPayload | undefined> {
      const [row] = await db.query<PayloadRow>(
        `SELECT payload, consumed_at FROM oidc_payload
         WHERE model = $1 AND ${condition} AND (expires_at IS NULL OR expires_at > $3)`,
        [this.model, value, now()],
      );
      if (!row) return undefined;
      return row.consumed_at
        ? { ...row.payload, consumed: Math.floor(row.consumed_at.getTime() / 1000) }
        : row.payload;
    }
  };
}
