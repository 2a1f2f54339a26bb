import path from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, generatePat, generateTeamToken } from '../test/api';
import { conditionalGet } from '../test/conditionalGet';
import { spawnServer, stopServer, type ServerProcess } from '../test/serverProcess';
import { signIn } from '../test/signIn';
import { BACKENDS, createTestStorage, SKIP_POSTGRES_REASON, type TestStorage } from '../test/testServer';

type Listed = { id: string; lastUsedDate: string | null }[];

describe('kept token lists with two server processes on one PostgreSQL', { timeout: 120_000 }, () => {
  if (!BACKENDS[1]!.available) {
    it.skip(SKIP_POSTGRES_REASON, () => {});
    return;
  }

  let storage: TestStorage;
  const servers: ServerProcess[] = [];
  let a: string;
  let b: string;
  let admin: string;

  /** A list as a browser refetches it: naming the ETag it has; the answer and its ETag. */
  const list = async (url: string, path: string, etag?: string) => {
    const answer = await conditionalGet(url, path, {
      authorization: `Bearer ${admin}`,
      'accept-encoding': 'gzip',
      ...(etag ? { 'if-none-match': etag } : {}),
    });
    return { status: answer.status, etag: answer.headers.etag!, rows: answer.json as Listed };
  };

  beforeAll(async () => {
    storage = await createTestStorage(BACKENDS[1]);
    const env = (name: string) => ({ DATABASE_URL: storage.databaseUrl!, DATA_DIR: path.join(storage.dataDir, name), STATIC_DIR: storage.staticDir });
    servers.push(spawnServer(env('a')));
    a = await servers[0]!.started;
    // One public URL, as behind a load balancer: a sign-in at either works at both.
    servers.push(spawnServer({ ...env('b'), PUBLIC_URL: a }));
    b = await servers[1]!.started;
    admin = (await signIn(a, 'admin@example.com')).accessToken;
  });
  afterAll(async () => {
    for (const server of servers) await stopServer(server);
    await storage?.cleanup();
  });

  it('shows a write through one process in the other’s next list at once, never its kept answer', async () => {
    for (let round = 0; round < 5; round++) {
      const kept = await list(b, '/pat/v1');
      expect((await list(b, '/pat/v1', kept.etag)).status).toBe(304);
      const id = decodeJwt(await generatePat(a, admin, `Round ${round}`)).jti!;
      const after = await list(b, '/pat/v1', kept.etag);
      expect(after.status).toBe(202);
      expect(after.rows.map((row) => row.id)).toContain(id);

      expect((await call(b, 'DELETE', `/pat/v1/${id}`, { token: admin })).status).toBe(202);
      expect((await list(a, '/pat/v1')).rows.map((row) => row.id)).not.toContain(id);
    }
  });

  it('does so for team tokens on both surfaces, and for a last use recorded by the other process', async () => {
    const teams = await list(a, '/access-token/v1/teams');
    const v2 = await list(a, '/api/v2/organizations/simple/team-tokens');
    const secret = await generateTeamToken(b, admin, { group: 'TERRAKUBE_ADMIN', description: 'Across' });
    const id = decodeJwt(secret).jti!;
    expect((await list(a, '/access-token/v1/teams', teams.etag)).rows.map((row) => row.id)).toContain(id);
    const v2After = await conditionalGet(a, '/api/v2/organizations/simple/team-tokens', { authorization: `Bearer ${admin}`, 'if-none-match': v2.etag });
    expect(v2After.status).toBe(200);
    expect((v2After.json as { data: { id: string }[] }).data.map((token) => token.id)).toContain(`at-${id}`);

    const unused = await list(a, '/access-token/v1/teams');
    expect(unused.rows.find((row) => row.id === id)?.lastUsedDate).toBeNull();
    expect((await call(b, 'GET', '/access-token/v1/teams/current-teams', { token: secret })).status).toBe(202);
    const used = await list(a, '/access-token/v1/teams', unused.etag);
    expect(used.status).toBe(202);
    expect(used.rows.find((row) => row.id === id)?.lastUsedDate).toMatch(/^\d{4}-/);
  });

  it('never hides a write while the other process is busy answering and building the same list', async () => {
    let listing = true;
    const listers = Promise.all(
      Array.from({ length: 8 }, async () => {
        while (listing) expect((await list(b, '/pat/v1')).status).toBe(202);
      }),
    );
    try {
      for (let round = 0; round < 20; round++) {
        const id = decodeJwt(await generatePat(a, admin, `Busy ${round}`)).jti!;
        expect((await list(b, '/pat/v1')).rows.map((row) => row.id)).toContain(id);
      }
    } finally {
      listing = false;
      await listers;
    }
    expect((await list(b, '/pat/v1')).rows).toEqual((await list(a, '/pat/v1')).rows);
  });
});
