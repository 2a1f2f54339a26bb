import { createHash } from 'node:crypto';
import type { Database } from '../db/database';

/** At most `limit` events within any `windowMs`; each one counted is forgotten `windowMs / limit` later. */
export interface RateRule {
  scope: string;
  limit: number;
  windowMs: number;
}

export type Admission = { admitted: true } | { admitted: false; retryAfterMs: number };

const MS = `* interval '1 millisecond'`;

/**
 * Rate limits kept in the database, so that every server process on it counts against the same limits. Each key
 * has one row: `resets_at`, the time its count is back at zero; the count now is `(resets_at - now) / interval`,
 * so it decays smoothly instead of resetting at a window's edge (the generic cell rate algorithm). Taking a slot
 * is one conditional upsert, which PostgreSQL runs atomically per row: concurrent requests cannot overshoot.
 */
export class RateLimitStore {
  constructor(private readonly db: Database) {}

  async take(rule: RateRule, identity: string, now: Date): Promise<Admission> {
    const key = keyOf(identity);
    const interval = intervalOf(rule);
    const rows = await this.db.query(
      `INSERT INTO rate_limit (scope, key, resets_at) VALUES ($1, $2, $3::timestamptz + $4::double precision ${MS})
       ON CONFLICT (scope, key) DO UPDATE
         SET resets_at = GREATEST(rate_limit.resets_at, $3::timestamptz) + $4::double precision ${MS}
         WHERE GREATEST(rate_limit.resets_at, $3::timestamptz) + $4::double precision ${MS}
           <= $3::timestamptz + $5::double precision ${MS}
       RETURNING resets_at`,
      [rule.scope, key, now.toISOString(), interval, rule.windowMs],
    );
    if (rows.length > 0) return { admitted: true };
    const [row] = await this.db.query<{ resets_at: Date | string }>(
      'SELECT resets_at FROM rate_limit WHERE scope = $1 AND key = $2',
      [rule.scope, key],
    );
    // The next slot frees up when the count has decayed by one below the limit.
    const freeAt = row ? new Date(row.resets_at).getTime() + interval - rule.windowMs : now.getTime();
    return { admitted: false, retryAfterMs: Math.max(freeAt - now.getTime(), 1) };
  }

  /** Gives back a slot taken for an event that, in the end, is not counted. */
  async giveBack(rule: RateRule, identity: string): Promise<void> {
    await this.db.query(
      `UPDATE rate_limit SET resets_at = resets_at - $3::double precision ${MS} WHERE scope = $1 AND key = $2`,
      [rule.scope, keyOf(identity), intervalOf(rule)],
    );
  }

  async clear(rule: RateRule, identity: string): Promise<void> {
    await this.db.query('DELETE FROM rate_limit WHERE scope = $1 AND key = $2', [rule.scope, keyOf(identity)]);
  }

  /** Keeps a mark for `identity` under `scope` until `until` (a fact, not a count: purged like one back at zero). */
  async mark(scope: string, identity: string, until: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO rate_limit (scope, key, resets_at) VALUES ($1, $2, $3)
       ON CONFLICT (scope, key) DO UPDATE SET resets_at = GREATEST(rate_limit.resets_at, EXCLUDED.resets_at)`,
      [scope, keyOf(identity), until.toISOString()],
    );
  }

  async isMarked(scope: string, identity: string, now: Date): Promise<boolean> {
    const rows = await this.db.query('SELECT 1 FROM rate_limit WHERE scope = $1 AND key = $2 AND resets_at > $3', [
      scope,
      keyOf(identity),
      now.toISOString(),
    ]);
    return rows.length > 0;
  }

  /** Drops the rows whose count is back at zero: they mean the same as no row. */
  async purge(now: Date): Promise<number> {
    const rows = await this.db.query('DELETE FROM rate_limit WHERE resets_at <= $1::timestamptz RETURNING 1', [now.toISOString()]);
    return rows.length;
  }
}

const intervalOf = (rule: RateRule) => rule.windowMs / rule.limit;

/** What was typed in the email field may be a password: only a hash of it is stored. */
const keyOf = (identity: string) => createHash('sha256').update(identity).digest('base64url');
