import { expect, it } from 'vitest';
import { PURGE_INTERVAL_MS } from '../db/purgeSchedule';
import { describeOnEachBackend, TestClock, useTestDatabase } from '../test/testServer';
import { databaseAdapterFactory, isGrantActive } from './databaseAdapter';

const HOUR = 3_600_000;

describeOnEachBackend('provider rows on the server clock', (backend) => {
  const storage = useTestDatabase(backend);

  it('are never purged while live, however far the server clock has moved', async () => {
    const clock = new TestClock();
    const Adapter = databaseAdapterFactory(storage.db, { now: clock.now });
    const interactions = new Adapter('Interaction');
    clock.advance(2 * HOUR);
    await interactions.upsert('live', { uid: 'live' }, 3600);
    clock.advance(PURGE_INTERVAL_MS);
    await interactions.upsert('next', { uid: 'next' }, 3600);
    expect(await interactions.find('live')).toEqual({ uid: 'live' });
  });

  it('expire, and their grants end, when the server clock says so', async () => {
    const clock = new TestClock();
    const Adapter = databaseAdapterFactory(storage.db, { now: clock.now });
    const interactions = new Adapter('Interaction');
    const grants = new Adapter('Grant');
    await interactions.upsert('short', { uid: 'short' }, 60);
    await grants.upsert('grant-1', { accountId: 'admin@example.com' }, 60);
    expect(await isGrantActive(storage.db, 'grant-1', clock.now())).toBe(true);

    clock.advance(61_000);
    expect(await interactions.find('short')).toBeUndefined();
    expect(await interactions.findByUid('short')).toBeUndefined();
    expect(await isGrantActive(storage.db, 'grant-1', clock.now())).toBe(false);
  });

  it('are marked consumed at the server clock', async () => {
    const clock = new TestClock(new Date('2030-01-01T00:00:00Z'));
    const codes = new (databaseAdapterFactory(storage.db, { now: clock.now }))('AuthorizationCode');
    await codes.upsert('code-1', { grantId: 'grant-2' }, 60);
    await codes.consume('code-1');
    expect(await codes.find('code-1')).toMatchObject({ consumed: Date.parse('2030-01-01T00:00:00Z') / 1000 });
  });
});
