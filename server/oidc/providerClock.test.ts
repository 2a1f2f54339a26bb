import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { PURGE_INTERVAL_MS } from '../db/purgeSchedule';
import { BACKENDS, createTestStorage, openStorageDatabase, SKIP_POSTGRES_REASON, TestClock, type TestStorage } from '../test/testServer';
import { databaseAdapterFactory, isGrantActive } from './databaseAdapter';

const HOUR = 3_600_000;

describe.each(BACKENDS)('provider rows on the server clock on $name', (backend) => {
  if (!backend.available) {
    it.skip(SKIP_POSTGRES_REASON, () => {});
    return;
  }

  let storage: TestStorage;
  let db: Database;

  beforeAll(async () => {
    storage = await createTestStorage(backend);
    db = await openStorageDatabase(storage);
  });
  afterAll(async () => {
    await db?.close();
    await storage?.cleanup();
  });

  it('are never purged while live, however far the server clock has moved', async () => {
    const clock = new TestClock();
    const Adapter = databaseAdapterFactory(db, { now: clock.now });
    const interactions = new Adapter('Interaction');
    clock.advance(2 * HOUR);
    await interactions.upsert('live', { uid: 'live' }, 3600);
    clock.advance(PURGE_INTERVAL_MS);
    await interactions.upsert('next', { uid: 'next' }, 3600);
    expect(await interactions.find('live')).toEqual({ uid: 'live' });
  });

  it('expire, and their grants end, when the server clock says so', async () => {
    const clock = new TestClock();
    const Adapter = databaseAdapterFactory(db, { now: clock.now });
    const interactions = new Adapter('Interaction');
    const grants = new Adapter('Grant');
    await interactions.upsert('short', { uid: 'short' }, 60);
    await grants.upsert('grant-1', { accountId: 'admin@example.com' }, 60);
    expect(await isGrantActive(db, 'grant-1', clock.now())).toBe(true);

    clock.advance(61_000);
    expect(await interactions.find('short')).toBeUndefined();
    expect(await interactions.findByUid('short')).toBeUndefined();
    expect(await isGrantActive(db, 'grant-1', clock.now())).toBe(false);
  });

  it('are marked consumed at the server clock', async () => {
    const clock = new TestClock(new Date('2030-01-01T00:00:00Z'));
    const codes = new (databaseAdapterFactory(db, { now: clock.now }))('AuthorizationCode');
    await codes.upsert('code-1', { grantId: 'grant-2' }, 60);
    await codes.consume('code-1');
    expect(await codes.find('code-1')).toMatchObject({ consumed: Date.parse('2030-01-01T00:00:00Z') / 1000 });
  });
});
