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
import { personalTokensOf, teamTokensOf, tokenListStamp } from './tokenListVersions';

const CREATED = new Date('2026-03-28T12:00:00.000Z');
const ids = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe.each(BACKENDS)('migration 8 (token list versions) on $name', (backend) => {
  if (!backend.available) {
    it.skip(SKIP_POSTGRES_REASON, () => {});
    return;
  }

  let storage: TestStorage;
  let db: Database;
  const insertPat = (n: number, email: string) =>
    db.query(
      `INSERT INTO pat (id, days, description, created_date, created_by, updated_date, updated_by)
       VALUES ($1, 0, 'Laptop', $2, $3, $2, $3)`,
      [ids(n), CREATED, email],
    );
  const insertTeamToken = (n: number, group: string) =>
    db.query(
      `INSERT INTO team_token (id, days, hours, minutes, group_name, description, created_date, created_by, updated_date,
         updated_by)
       VALUES ($1, 0, 0, 0, $2, 'Pipeline', $3, 'admin@example.com', $3, 'admin@example.com')`,
      [ids(n), group, CREATED],
    );
  /** Each owner's version, in the order given. */
  const stamp = async (...owners: string[]) => (await Promise.all(owners.map((owner) => tokenListStamp(db, [owner])))).join('.');
  const admin = personalTokensOf('admin@example.com');
  const aws = personalTokensOf('aws@example.com');
  const [adminTeam, awsTeam] = [teamTokensOf('TERRAKUBE_ADMIN'), teamTokensOf('AWS_DEVELOPERS')];

  beforeAll(async () => {
    storage = await createTestStorage(backend);
    db = await openUnmigratedStorageDatabase(storage);
    // A database as the previous release left it, with a token: its owner's list starts at version 0.
    await migrate(db, 7);
    await insertPat(1, 'admin@example.com');
    await migrate(db);
  });
  afterAll(async () => {
    await db?.close();
    await storage?.cleanup();
  });

  it('starts every owner at 0 and records the step', async () => {
    expect(await stamp(admin, aws, adminTeam)).toBe('0.0.0');
    // Several owners' stamp lists their versions in the order of their names, whatever order they are asked in.
    expect(await tokenListStamp(db, [admin, adminTeam])).toBe(await tokenListStamp(db, [adminTeam, admin, admin]));
    const versions = await db.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(versions).toContainEqual({ version: 8, name: 'token list versions' });
  });

  it('raises an owner’s version on each insert, update and delete of its tokens, and no one else’s', async () => {
    await insertPat(2, 'admin@example.com');
    expect(await stamp(admin, aws)).toBe('1.0');
    await db.query('UPDATE pat SET last_used_at = $2 WHERE id = $1', [ids(2), CREATED]);
    expect(await stamp(admin, aws)).toBe('2.0');
    await db.query('UPDATE pat SET deleted = true WHERE id = $1', [ids(1)]);
    expect(await stamp(admin, aws)).toBe('3.0');
    await db.query('DELETE FROM pat WHERE id = $1', [ids(1)]);
    expect(await stamp(admin, aws)).toBe('4.0');
    await insertTeamToken(3, 'TERRAKUBE_ADMIN');
    expect(await stamp(admin, adminTeam, awsTeam)).toBe('4.1.0');
  });

  it('raises nothing for a statement that changes no row, and each owner once for one that changes many', async () => {
    await db.query('UPDATE pat SET last_used_at = now() WHERE id = $1', [ids(99)]);
    expect(await stamp(admin)).toBe('4');
    await insertTeamToken(4, 'AWS_DEVELOPERS');
    await insertTeamToken(5, 'AWS_DEVELOPERS');
    expect(await stamp(adminTeam, awsTeam)).toBe('1.2');
    await db.query('UPDATE team_token SET deleted = true');
    expect(await stamp(adminTeam, awsTeam)).toBe('2.3');
  });

  it('raises both owners when a token moves from one to another', async () => {
    await db.query(`UPDATE pat SET created_by = 'aws@example.com' WHERE id = $1`, [ids(2)]);
    expect(await stamp(admin, aws)).toBe('5.1');
  });

  it('raises a team’s version when its team row is added, renamed or removed', async () => {
    const team = teamTokensOf('PLATFORM');
    const organization = 'd9b58bd3-f3fc-4056-a026-1163297e80a8';
    const teamId = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
    await db.query(
      `INSERT INTO team (id, organization_id, name, manage_state, manage_workspace, manage_module, manage_provider, manage_vcs,
         manage_template, manage_collection, manage_job)
       VALUES ($1, $2, 'PLATFORM', false, false, false, false, false, false, false, false)`,
      [teamId, organization],
    );
    expect(await stamp(team)).toBe('1');
    await db.query(`UPDATE team SET name = 'PLATFORM_OPS' WHERE id = $1`, [teamId]);
    expect(await stamp(team, teamTokensOf('PLATFORM_OPS'))).toBe('2.1');
    await db.query('DELETE FROM team WHERE id = $1', [teamId]);
    expect(await stamp(team, teamTokensOf('PLATFORM_OPS'))).toBe('2.2');
  });

  it('raises the versions in the same transaction as the write: a rolled-back write raises nothing', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`UPDATE pat SET deleted = true WHERE created_by = 'aws@example.com'`);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await stamp(admin, aws)).toBe('5.1');
  });
});
