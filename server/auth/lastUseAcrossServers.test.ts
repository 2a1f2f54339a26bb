import path from 'node:path';
import { decodeJwt } from 'jose';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../app';
import { call, generatePat } from '../test/api';
import { freePort } from '../test/freePort';
import { spawnServer, stopServer, type ServerProcess } from '../test/serverProcess';
import { signIn } from '../test/signIn';
import { callV2, type Json } from '../test/tfeApi';
import { BACKENDS, createTestStorage, SKIP_POSTGRES_REASON, testConfig, TestClock, type TestStorage } from '../test/testServer';
import { formatTerrakubeDate } from '../tokens/terrakubeDate';

const MINUTE = 60_000;

/**
 * The rows PostgreSQL counts as updated in `table`, once every other session on the database has ended (a
 * session reports its counts at the latest when it ends).
 */
async function updatedRows(databaseUrl: string, table: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const others = 'SELECT count(*)::integer AS count FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()';
    await expect.poll(async () => (await client.query(others)).rows[0].count, { timeout: 10_000 }).toBe(0);
    return (await client.query('SELECT n_tup_upd::integer AS count FROM pg_stat_user_tables WHERE relname = $1', [table])).rows[0].count;
  } finally {
    await client.end();
  }
}

/** Answers `count` requests with `secret`, spread over the servers in turn, `inFlight` at a time, and their statuses. */
async function burstAcross(urls: string[], secret: string, count: number, inFlight = 50): Promise<Set<number>> {
  const statuses = new Set<number>();
  let sent = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (sent < count) {
        const url = urls[sent % urls.length]!;
        sent += 1;
        statuses.add((await call(url, 'GET', '/access-token/v1/teams/current-teams', { token: secret })).status);
      }
    }),
  );
  return statuses;
}

describe('last use with two servers on one PostgreSQL', { timeout: 120_000 }, () => {
  if (!BACKENDS[1]!.available) {
    it.skip(SKIP_POSTGRES_REASON, () => {});
    return;
  }

  describe('in one process each, on one clock', () => {
    const clock = new TestClock();
    let storage: TestStorage;
    let first: RunningServer | undefined;
    let second: RunningServer | undefined;
    let urls: [string, string];
    let admin: string;

    beforeAll(async () => {
      storage = await createTestStorage(BACKENDS[1]);
      first = await startServer(testConfig(storage), { now: clock.now });
      // One public URL, as behind a load balancer: a sign-in at either works at both.
      const port = await freePort();
      second = await startServer(testConfig(storage, { port, publicUrl: first.url }), { now: clock.now });
      urls = [first.url, `http://127.0.0.1:${port}`];
      admin = (await signIn(first.url, 'admin@example.com')).accessToken;
    });
    afterAll(async () => {
      await second?.close();
      await first?.close();
      await storage?.cleanup();
    });

    const lastUseAt = async (url: string, id: string) => [
      ((await call(url, 'GET', '/pat/v1', { token: admin })).body as Json[]).find((row) => row.id === id)?.lastUsedDate,
      (await callV2(url, 'GET', `/authentication-tokens/at-${id}`, { token: admin })).body?.data.attributes['last-used-at'],
    ];
    const at = (date: Date) => [formatTerrakubeDate(date), date.toISOString()];
    const useAt = async (url: string, secret: string) =>
      expect((await call(url, 'GET', '/access-token/v1/teams/current-teams', { token: secret })).status).toBe(202);

    it('keeps to one write a minute when uses alternate between servers that each remember their own writes', async () => {
      const secret = await generatePat(urls[0], admin, 'Behind a load balancer');
      const id = decodeJwt(secret).jti!;
      const firstUse = clock.now();
      await useAt(urls[0], secret);
      // The second server has written nothing for this token: only the database's check keeps the first use.
      clock.advance(MINUTE / 2);
      await useAt(urls[1], secret);
      for (const url of urls) expect(await lastUseAt(url, id)).toEqual(at(firstUse));

      clock.advance(MINUTE / 2);
      const secondUse = clock.now();
      await useAt(urls[0], secret);
      // The second server's own attempt is a minute old, the database's write is not.
      clock.advance(MINUTE / 2);
      await useAt(urls[1], secret);
      for (const url of urls) expect(await lastUseAt(url, id)).toEqual(at(secondUse));
      clock.advance(MINUTE);
    });

    it('writes one row for a burst of 1,000 requests spread over both, as PostgreSQL counts it', async () => {
      const secret = await generatePat(urls[0], admin, 'Burst over both');
      expect(await burstAcross(urls, secret, 1_000)).toEqual(new Set([202]));
      expect(await lastUseAt(urls[1], decodeJwt(secret).jti!)).toEqual(at(clock.now()));
      await second?.close();
      await first?.close();
      [first, second] = [undefined, undefined];
      // Two writes for the earlier token (a minute apart), one for this one: no soft delete ran on this database.
      expect(await updatedRows(storage.databaseUrl!, 'pat')).toBe(3);
    });
  });

  describe('in two processes', () => {
    let storage: TestStorage;
    const servers: ServerProcess[] = [];

    beforeAll(async () => {
      storage = await createTestStorage(BACKENDS[1]);
    });
    afterAll(async () => {
      for (const server of servers) await stopServer(server);
      await storage?.cleanup();
    });

    it('writes one row for a burst of 1,000 requests spread over both, as PostgreSQL counts it', async () => {
      for (const name of ['a', 'b']) {
        const env = { DATABASE_URL: storage.databaseUrl!, DATA_DIR: path.join(storage.dataDir, name), STATIC_DIR: storage.staticDir };
        servers.push(spawnServer(env));
      }
      const urls = await Promise.all(servers.map((server) => server.started));
      const admin = (await signIn(urls[0]!, 'admin@example.com')).accessToken;
      const secret = await generatePat(urls[0]!, admin, 'Burst over two processes');
      const started = performance.now();
      expect(await burstAcross(urls, secret, 1_000)).toEqual(new Set([202]));
      const ms = performance.now() - started;
      const listed = ((await call(urls[1]!, 'GET', '/pat/v1', { token: secret })).body as Json[])[0]!;
      expect(listed.lastUsedDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
      for (const server of servers) await stopServer(server);
      expect(await updatedRows(storage.databaseUrl!, 'pat')).toBe(1);
      console.log(`PostgreSQL, two processes: 1,000 requests with one token, 50 at a time: 1 row updated, ${Math.round(ms)} ms`);
    });
  });
});
