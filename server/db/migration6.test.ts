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
const ADMIN_TOKEN = '00000000-0000-4000-8000-000000000001';
const AWS_TOKEN = '00000000-0000-4000-8000-000000000002';
const STRANGER_TOKEN = '00000000-0000-4000-8000-000000000003';

describe.each(BACKENDS)('migration 6 (token owners and provider row expiry) on $name', (backend) => {
  if (!backend.available) {
    it.skip(SKIP_POSTGRES_REASON, () => {});
    return;
  }

  let storage: TestStorage;
  let db: Database;

  beforeAll(async () => {
    storage = await createTestStorage(backend);
    db = await openUnmigratedStorageDatabase(storage);
    // A database as the previous release left it: personal tokens, and a signed-in session.
    await migrate(db, 5);
    await db.query(
      `INSERT INTO pat (id, days, description, created_date, created_by, updated_date, updated_by, expires_at) VALUES
        ($1, 0, 'Admin', $4, 'admin@example.com', $4, 'admin@example.com', NULL),
        ($2, 0, 'AWS', $4, 'aws@example.com', $4, 'aws@example.com', NULL),
        ($3, 0, 'Stranger', $4, 'someone@elsewhere.example', $4, 'someone@elsewhere.example', NULL)`,
      [ADMIN_TOKEN, AWS_TOKEN, STRANGER_TOKEN, CREATED],
    );
    const session = {
      accountId: 'admin@example.com',
      authorizations: { 'token-settings': { sid: 'sid-1', grantId: 'grant-1', persistsLogout: true } },
    };
    await db.query(
      `INSERT INTO oidc_payload (model, id, payload, uid) VALUES
        ('Session', 'session-1', $1::jsonb, 'uid-1'), ('Session', 'session-2', '{"authorizations": {}}'::jsonb, 'uid-2')`,
      [JSON.stringify(session)],
    );
    await migrate(db);
  });
  afterAll(async () => {
    await db?.close();
    await storage?.cleanup();
  });

  it('gives existing personal tokens of the sign-in accounts their maker’s name and groups, and others none', async () => {
    const rows = await db.query<{ id: string; owner_name: string | null; owner_groups: string[] | null }>(
      'SELECT id, owner_name, owner_groups FROM pat ORDER BY id',
    );
    expect(rows).toEqual([
      { id: ADMIN_TOKEN, owner_name: 'Admin User', owner_groups: ['TERRAKUBE_ADMIN', 'TERRAKUBE_DEVELOPERS'] },
      { id: AWS_TOKEN, owner_name: 'AWS Developer', owner_groups: ['AWS_DEVELOPERS'] },
      { id: STRANGER_TOKEN, owner_name: null, owner_groups: null },
    ]);
  });

  it('makes signing out of an existing session end its grants', async () => {
    const rows = await db.query<{ id: string; payload: unknown }>("SELECT id, payload FROM oidc_payload WHERE model = 'Session' ORDER BY id");
    expect(rows).toEqual([
      {
        id: 'session-1',
        payload: { accountId: 'admin@example.com', authorizations: { 'token-settings': { sid: 'sid-1', grantId: 'grant-1' } } },
      },
      { id: 'session-2', payload: { authorizations: {} } },
    ]);
    const versions = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(versions.map((row) => row.version)).toContain(6);
  });
});
