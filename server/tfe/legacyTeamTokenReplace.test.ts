import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../test/api';
import { signIn } from '../test/signIn';
import { callV2, createLegacyTeamTokenV2, TEAM_IDS } from '../test/tfeApi';
import { BACKENDS, SKIP_POSTGRES_REASON, TestClock, useTestServer } from '../test/testServer';

const WORKS = [202, 200];
const REFUSED = [401, 401];

/**
 * Replacing the legacy team token revokes the old one and makes the new one in one transaction. Seen from other
 * connections, the old token works until the new row exists, and is refused from then on. PostgreSQL only: the
 * test holds the replacement open from a connection of its own, which PGlite's single connection cannot offer.
 */
describe('replacing the legacy team token, seen from other connections', { timeout: 60_000 }, () => {
  if (!BACKENDS[1]!.available) {
    it.skip(SKIP_POSTGRES_REASON, () => {});
    return;
  }

  const clock = new TestClock();
  const server = useTestServer(BACKENDS[1]!, {}, clock);
  let admin: string;
  let client: pg.Client;

  beforeAll(async () => {
    admin = (await signIn(server.url, 'admin@example.com')).accessToken;
    client = new pg.Client({ connectionString: server.storage.databaseUrl });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
  });

  const statusesOf = async (secret: string) => [
    (await call(server.url, 'GET', '/access-token/v1/teams/current-teams', { token: secret })).status,
    (await callV2(server.url, 'GET', '/account/details', { token: secret })).status,
  ];
  const sleepingInserts = async () =>
    (
      await client.query<{ count: number }>(
        `SELECT count(*)::integer AS count FROM pg_stat_activity
         WHERE wait_event = 'PgSleep' AND query LIKE 'INSERT INTO team_token%'`,
      )
    ).rows[0]!.count;

  it('keeps the old token working while the new one is being made, and refuses it once the new one exists', async () => {
    const old = await createLegacyTeamTokenV2(server.url, admin, TEAM_IDS.TERRAKUBE_ADMIN);
    expect(await statusesOf(old.secret)).toEqual(WORKS);
    // The insert of a token without a description (the legacy one) takes a while: the replacement stays open,
    // the old token revoked inside it, the new one not yet made.
    await client.query(`CREATE FUNCTION slow_legacy_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.description IS NULL THEN PERFORM pg_sleep(2); END IF; RETURN NEW; END $$`);
    await client.query('CREATE TRIGGER slow_legacy_insert BEFORE INSERT ON team_token FOR EACH ROW EXECUTE FUNCTION slow_legacy_insert()');
    try {
      let replaced = false;
      const replacement = createLegacyTeamTokenV2(server.url, admin, TEAM_IDS.TERRAKUBE_ADMIN).finally(() => {
        replaced = true;
      });
      await expect.poll(sleepingInserts, { timeout: 5_000, interval: 20 }).toBe(1);
      // A minute on, the old token's use is due to be recorded: its row, locked by the replacement, is skipped
      // rather than waited for, so the answer comes before the replacement's.
      clock.advance(60_000);
      expect(await statusesOf(old.secret)).toEqual(WORKS);
      expect(replaced).toBe(false);

      const made = await replacement;
      expect(await statusesOf(old.secret)).toEqual(REFUSED);
      expect(await statusesOf(made.secret)).toEqual(WORKS);
    } finally {
      await client.query('DROP TRIGGER IF EXISTS slow_legacy_insert ON team_token');
      await client.query('DROP FUNCTION IF EXISTS slow_legacy_insert()');
    }
  });
});
