import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKENDS,
  createTestStorage,
  openUnmigratedStorageDatabase,
  SKIP_POSTGRES_REASON,
  type TestStorage,
} from '../test/testServer';
import type { Database } from './database';
import { migrate } from './migrations';

const CREATED = new Date('2026-03-28T12:00:00.000Z');
const USED = new Date('2026-03-29T08:15:00.000Z');
const PAT = '00000000-0000-4000-8000-000000000001';
const TEAM_TOKEN = '00000000-0000-4000-8000-000000000002';

describe.each(BACKENDS)('migration 7 (token last use) on $name', (backend) => {
  if (!backend.available) {
    it.skip(SKIP_POSTGRES_REASON, () => {});
    return;
  }

  let storage: TestStorage;
  let db: Database;

  beforeAll(async () => {
    storage = await createTestStorage(backend);
    db = await openUnmigratedStorageDatabase(storage);
    // A database as the previous release left it, with a token of each kind.
    await migrate(db, 6);
    await db.query(
      `INSERT INTO pat (id, days, description, created_date, created_by, updated_date, updated_by, expires_at)
       VALUES ($1, 0, 'Laptop', $2, 'admin@example.com', $2, 'admin@example.com', NULL)`,
      [PAT, CREATED],
    );
    await db.query(
      `INSERT INTO team_token (id, days, hours, minutes, group_name, description, created_date, created_by, updated_date,
         updated_by, expires_at)
       VALUES ($1, 0, 0, 0, 'TERRAKUBE_ADMIN', 'Pipeline', $2, 'admin@example.com', $2, 'admin@example.com', NULL)`,
      [TEAM_TOKEN, CREATED],
    );
    await migrate(db);
  });
  afterAll(async () => {
    await db?.close();
    await storage?.cleanup();
  });

  it('adds a nullable last_used_at to both token tables, NULL (never used) for the tokens already there', async () => {
    const columns = await db.query<{ table_name: string; data_type: string; is_nullable: string }>(
      `SELECT table_name, data_type, is_nullable FROM information_schema.columns
       WHERE column_name = 'last_used_at' ORDER BY table_name`,
    );
    expect(columns).toEqual([
      { table_name: 'pat', data_type: 'timestamp with time zone', is_nullable: 'YES' },
      { table_name: 'team_token', data_type: 'timestamp with time zone', is_nullable: 'YES' },
    ]);
    const rows = await db.query<{ id: string; last_used_at: Date | null }>(
      'SELECT id, last_used_at FROM pat UNION ALL SELECT id, last_used_at FROM team_token ORDER BY id',
    );
    expect(rows).toEqual([
      { id: PAT, last_used_at: null },
      { id: TEAM_TOKEN, last_used_at: null },
    ]);
  });

  it('keeps a recorded time to the millisecond, and records the step', async () => {
    await db.query('UPDATE team_token SET last_used_at = $2 WHERE id = $1', [TEAM_TOKEN, USED]);
    const [row] = await db.query<{ last_used_at: Date }>('SELECT last_used_at FROM team_token WHERE id = $1', [TEAM_TOKEN]);
    expect(row!.last_used_at.toISOString()).toBe(USED.toISOString());
    const versions = await db.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(versions).toContainEqual({ version: 7, name: 'token last use' });
  });
});
