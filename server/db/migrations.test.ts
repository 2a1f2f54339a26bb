import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, createTestStorage, SKIP_POSTGRES_REASON, type TestStorage } from '../test/testServer';
import type { Database } from './database';
import { migrate } from './migrations';
import { openPgliteDatabase } from './pgliteDatabase';
import { openPostgresDatabase } from './postgresDatabase';

const CREATED = new Date('2026-03-28T12:00:00.000Z');

describe.each(BACKENDS)('migration 4 (explicit token expiry) on $name', (backend) => {
  if (!backend.available) {
    it.skip(SKIP_POSTGRES_REASON, () => {});
    return;
  }

  let storage: TestStorage;
  let db: Database;

  beforeAll(async () => {
    storage = await createTestStorage(backend);
    // PostgreSQL's interval arithmetic follows the session's zone: pick one whose clocks change in the month ahead.
    if (storage.databaseUrl) {
      const url = new URL(storage.databaseUrl);
      url.searchParams.set('options', '-c TimeZone=Europe/Berlin');
      db = await openPostgresDatabase(url.toString());
    } else {
      await mkdir(path.join(storage.dataDir, 'pglite'), { recursive: true });
      db = await openPgliteDatabase(path.join(storage.dataDir, 'pglite'));
    }
    // A database as the previous release left it, with tokens in it.
    await migrate(db, 3);
    await db.query(
      `INSERT INTO pat (id, days, description, created_date, created_by, updated_date, updated_by) VALUES
        ('00000000-0000-4000-8000-000000000001', 30, 'Month', $1, 'admin@example.com', $1, 'admin@example.com'),
        ('00000000-0000-4000-8000-000000000002', 0, 'Forever', $1, 'admin@example.com', $1, 'admin@example.com')`,
      [CREATED],
    );
    await db.query(
      `INSERT INTO team_token (id, days, hours, minutes, group_name, description, created_date, created_by, updated_date, updated_by) VALUES
        ('00000000-0000-4000-8000-000000000003', 1, 2, 3, 'TERRAKUBE_ADMIN', 'Mixed', $1, 'admin@example.com', $1, 'admin@example.com'),
        ('00000000-0000-4000-8000-000000000004', 0, 0, 0, 'TERRAKUBE_ADMIN', 'Forever', $1, 'admin@example.com', $1, 'admin@example.com')`,
      [CREATED],
    );
    if (!storage.databaseUrl) await db.query("SET TIME ZONE 'Europe/Berlin'");
    await migrate(db);
  });
  afterAll(async () => {
    await db?.close();
    await storage?.cleanup();
  });

  it('backfills expires_at from the durations, in fixed 24-hour days, and NULL for never', async () => {
    const pats = await db.query<{ id: string; expires_at: Date | null }>('SELECT id, expires_at FROM pat ORDER BY id');
    expect(pats.map((row) => row.expires_at?.toISOString() ?? null)).toEqual([
      // 30 × 24 h after 28 March, across the start of summer time in Berlin (29 March): still 12:00 UTC.
      '2026-04-27T12:00:00.000Z',
      null,
    ]);
    const teamTokens = await db.query<{ expires_at: Date | null }>('SELECT expires_at FROM team_token ORDER BY id');
    expect(teamTokens.map((row) => row.expires_at?.toISOString() ?? null)).toEqual(['2026-03-29T14:03:00.000Z', null]);
  });

  it('allows tokens without a description', async () => {
    await db.query(
      `INSERT INTO team_token (id, days, hours, minutes, group_name, description, created_date, created_by, updated_date, updated_by)
       VALUES ('00000000-0000-4000-8000-000000000005', 0, 0, 0, 'TERRAKUBE_ADMIN', NULL, $1, 'a', $1, 'a')`,
      [CREATED],
    );
    await db.query(
      `INSERT INTO pat (id, days, description, created_date, created_by, updated_date, updated_by)
       VALUES ('00000000-0000-4000-8000-000000000006', 0, NULL, $1, 'a', $1, 'a')`,
      [CREATED],
    );
    expect(await db.query('SELECT version FROM schema_migrations ORDER BY version')).toEqual([1, 2, 3, 4, 5].map((version) => ({ version })));
  });
});
