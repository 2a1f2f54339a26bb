import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../app';
import { call, generatePat, generateTeamToken } from '../test/api';
import { signIn } from '../test/signIn';
import {
  BACKENDS,
  createTestStorage,
  openStorageDatabase,
  SKIP_POSTGRES_REASON,
  startTestServer,
  TestClock,
  type TestStorage,
} from '../test/testServer';

// Less than the access token's 15 minutes, so the same sign-in can delete.
const LATER = 5 * 60_000;

interface AuditColumns {
  description: string;
  deleted: boolean;
  created_date: Date;
  created_by: string;
  updated_date: Date;
  updated_by: string;
}

describe.each(BACKENDS)('soft delete on $name', (backend) => {
  if (!backend.available) {
    it.skip(SKIP_POSTGRES_REASON, () => {});
    return;
  }

  let storage: TestStorage;
  let server: RunningServer | undefined;

  beforeAll(async () => {
    storage = await createTestStorage(backend);
  });
  afterAll(async () => {
    await server?.close();
    await storage?.cleanup();
  });

  it('keeps deleted rows, flagged, with who deleted them and when', async () => {
    const clock = new TestClock();
    server = await startTestServer(storage, clock.now);
    const { accessToken } = await signIn(server.url, 'admin@example.com');
    const createdAt = clock.now();
    const patId = decodeJwt(await generatePat(server.url, accessToken, 'Personal, deleted')).jti;
    const teamTokenId = decodeJwt(
      await generateTeamToken(server.url, accessToken, { group: 'TERRAKUBE_ADMIN', description: 'Team, deleted' }),
    ).jti;

    clock.advance(LATER);
    const deletedAt = clock.now();
    expect((await call(server.url, 'DELETE', `/pat/v1/${patId}`, { token: accessToken })).status).toBe(202);
    expect((await call(server.url, 'DELETE', `/access-token/v1/teams/${teamTokenId}`, { token: accessToken })).status).toBe(202);
    // PGlite allows one process at a time: stop the server before opening its database.
    await server.close();
    server = undefined;

    const db = await openStorageDatabase(storage);
    try {
      const audit = 'description, deleted, created_date, created_by, updated_date, updated_by';
      const expected = (description: string) => ({
        description,
        deleted: true,
        created_date: createdAt,
        created_by: 'admin@example.com',
        updated_date: deletedAt,
        updated_by: 'admin@example.com',
      });
      expect(await db.query<AuditColumns>(`SELECT ${audit} FROM pat WHERE id = $1`, [patId])).toEqual([
        expected('Personal, deleted'),
      ]);
      expect(await db.query<AuditColumns>(`SELECT ${audit} FROM team_token WHERE id = $1`, [teamTokenId])).toEqual([
        expected('Team, deleted'),
      ]);
    } finally {
      await db.close();
    }
  });
});
