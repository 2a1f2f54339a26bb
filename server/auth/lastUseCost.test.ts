import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { Database } from '../db/database';
import { DatabaseUnavailableError } from '../db/databaseUnavailable';
import { call } from '../test/api';
import { countingUpdates, startTokenApiOn, type TokenApiOn } from '../test/tokenApiOn';
import { createTestStorage, describeOnEachBackend, openStorageDatabase, TestClock, type TestStorage } from '../test/testServer';
import { TokenRepository } from '../tokens/tokenRepository';
import { LAST_USE_GRANULARITY_MS, lastUseRecorder } from './lastUseRecorder';

const MINUTE = LAST_USE_GRANULARITY_MS;
const BURST = 1_000;
const IN_FLIGHT = 50;

/** What recording the last use costs the database, and what happens when its write fails. */
describeOnEachBackend('the cost of recording last use', (backend) => {
  const clock = new TestClock();
  let storage: TestStorage;
  let db: Database;
  let counted: ReturnType<typeof countingUpdates>;
  /** While set, the last-use write fails as an unreachable database would. */
  let unreachable = false;
  let api: TokenApiOn;

  beforeAll(async () => {
    storage = await createTestStorage(backend);
    db = await openStorageDatabase(storage);
    counted = countingUpdates(db);
    const failing: Database = {
      ...counted.db,
      query: (sql, params) =>
        unreachable && sql.includes('SET last_used_at') ? Promise.reject(new DatabaseUnavailableError(undefined)) : counted.db.query(sql, params),
    };
    api = await startTokenApiOn(failing, clock.now);
  });
  afterAll(async () => {
    await api?.close();
    await db?.close();
    await storage?.cleanup();
  });

  const use = (secret: string) => call(api.url, 'GET', '/access-token/v1/teams/current-teams', { token: secret });
  const lastUsedAt = async (id: string) =>
    (await db.query<{ last_used_at: Date | null }>('SELECT last_used_at FROM pat WHERE id = $1', [id]))[0]?.last_used_at ?? null;

  /** `count` requests with one token, `IN_FLIGHT` at a time; answers their statuses and how long they took. */
  async function burst(secret: string, count: number): Promise<{ statuses: Set<number>; ms: number }> {
    const statuses = new Set<number>();
    let sent = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (sent < count) {
          sent += 1;
          statuses.add((await use(secret)).status);
        }
      }),
    );
    return { statuses, ms: performance.now() - started };
  }

  it(`writes once for a burst of ${BURST} requests with one token, and once again after the minute`, async () => {
    const { id, secret } = await api.personalToken('Burst');
    // Connections opened first, with another token, so that the burst's requests all arrive at once.
    await burst((await api.personalToken('Warm-up')).secret, IN_FLIGHT);
    const before = counted.updates();
    const first = await burst(secret, BURST);
    expect(first.statuses).toEqual(new Set([202]));
    expect(counted.updates() - before).toBe(1);
    expect(await lastUsedAt(id)).toEqual(clock.now());
    console.log(`${backend.name}: ${BURST} requests with one token, ${IN_FLIGHT} at a time: 1 UPDATE, ${Math.round(first.ms)} ms`);

    clock.advance(MINUTE);
    const second = await burst(secret, BURST);
    expect(second.statuses).toEqual(new Set([202]));
    expect(counted.updates() - before).toBe(2);
    expect(await lastUsedAt(id)).toEqual(clock.now());
    clock.advance(MINUTE);
  }, 60_000);

  it('records nothing for a deleted token and sends the database no write for it', async () => {
    const { id, secret } = await api.personalToken('Deleted');
    const usedAt = clock.now();
    expect((await call(api.url, 'DELETE', `/pat/v1/${id}`, { token: secret })).status).toBe(202);
    expect(await lastUsedAt(id)).toEqual(usedAt);
    clock.advance(2 * MINUTE);
    const before = counted.updates();
    expect((await use(secret)).status).toBe(401);
    expect(counted.updates()).toBe(before);
    expect(await lastUsedAt(id)).toEqual(usedAt);
  });

  it('answers a request whose write fails for another reason, logs it, and tries again only after the minute', async () => {
    const { id, secret } = await api.personalToken('Write refused');
    await db.query(`CREATE FUNCTION refuse_last_use() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'last use refused'; END $$`);
    await db.query('CREATE TRIGGER refuse_last_use BEFORE UPDATE OF last_used_at ON pat FOR EACH ROW EXECUTE FUNCTION refuse_last_use()');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const before = counted.updates();
      for (let request = 0; request < 5; request += 1) expect((await use(secret)).status).toBe(202);
      expect(counted.updates() - before).toBe(1);
      expect(logged).toHaveBeenCalledTimes(1);
      expect(String(logged.mock.calls[0]![0])).toContain(`Could not record the last use of token ${id}`);
      expect(await lastUsedAt(id)).toBeNull();

      await db.query('DROP TRIGGER refuse_last_use ON pat');
      expect((await use(secret)).status).toBe(202);
      expect(await lastUsedAt(id)).toBeNull();
      clock.advance(MINUTE);
      expect((await use(secret)).status).toBe(202);
      expect(await lastUsedAt(id)).toEqual(clock.now());
      expect(counted.updates() - before).toBe(2);
    } finally {
      logged.mockRestore();
      await db.query('DROP TRIGGER IF EXISTS refuse_last_use ON pat');
      await db.query('DROP FUNCTION refuse_last_use()');
    }
    clock.advance(MINUTE);
  });

  it('answers 503 when the database cannot be reached for the write, and writes on the next use', async () => {
    const { id, secret } = await api.personalToken('Unreachable');
    unreachable = true;
    try {
      const response = await use(secret);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
    } finally {
      unreachable = false;
    }
    expect(await lastUsedAt(id)).toBeNull();
    expect((await use(secret)).status).toBe(202);
    expect(await lastUsedAt(id)).toEqual(clock.now());
    clock.advance(MINUTE);
  });

  it('remembers a bounded number of tokens; one it forgot is kept to the minute by the database', async () => {
    const recordLastUse = lastUseRecorder(new TokenRepository(counted.db), 2);
    const [a, b, c] = [await api.personalToken('A'), await api.personalToken('B'), await api.personalToken('C')];
    const firstUse = clock.now();
    const before = counted.updates();
    for (const token of [a, b, c]) await recordLastUse('personal', token.id, firstUse);
    expect(counted.updates() - before).toBe(3);
    // C and B are remembered: no statement at all. A was forgotten: the database's check keeps its first use.
    clock.advance(MINUTE / 2);
    for (const token of [c, b]) await recordLastUse('personal', token.id, clock.now());
    expect(counted.updates() - before).toBe(3);
    await recordLastUse('personal', a.id, clock.now());
    expect(counted.updates() - before).toBe(4);
    for (const token of [a, b, c]) expect(await lastUsedAt(token.id)).toEqual(firstUse);
    clock.advance(MINUTE);
  });
});
