import { expect, it } from 'vitest';
import { describeOnEachBackend, TestClock, useTestDatabase } from '../test/testServer';
import { DEFAULT_GENERATE_LIMIT } from './rateLimits';
import { Throttle } from './throttle';

const MINUTE = 60_000;

describeOnEachBackend('rate limit rows', (backend) => {
  const storage = useTestDatabase(backend);
  const clock = new TestClock();

  const rows = () => storage.db.query<{ scope: string; key: string }>('SELECT scope, key FROM rate_limit ORDER BY scope');

  it('keep no email or address in the clear', async () => {
    const throttle = new Throttle(storage.db, clock.now, DEFAULT_GENERATE_LIMIT);
    await throttle.admitSignIn('Typed-A-Password@example.com', '203.0.113.9');
    const admitted = await throttle.admitSignIn('regular@example.com', '203.0.113.9');
    if (admitted.admitted) await admitted.succeeded();
    const stored = JSON.stringify(await rows());
    expect(stored).not.toMatch(/typed-a-password|regular|203\.0\.113/i);
    // Signing in clears the count at the address and gives back the account-wide slot (its row purged later).
    expect((await rows()).map((row) => row.scope)).toEqual([
      'sign-in-account',
      'sign-in-account',
      'sign-in-account-address',
      'sign-in-address',
      'sign-in-known-address',
    ]);
    await storage.db.query('DELETE FROM rate_limit');
  });

  it('are purged once their count is back at zero, while the server runs', async () => {
    const throttle = new Throttle(storage.db, clock.now, DEFAULT_GENERATE_LIMIT);
    for (let index = 0; index < 20; index += 1) await throttle.admitSignIn(`someone-${index}@example.com`, '203.0.113.10');
    expect(await rows()).toHaveLength(2 * 20 + 1);
    // An address's 30-second slots are all back 15 minutes on; nothing else remains either.
    clock.advance(15 * MINUTE);
    await throttle.admitSignIn('later@example.com', '198.51.100.20');
    expect((await rows()).map((row) => row.scope)).toEqual(['sign-in-account', 'sign-in-account-address', 'sign-in-address']);
  });
});
