import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../app';
import { OidcBrowser } from '../test/signIn';
import { PURGE_INTERVAL_MS } from '../db/purgeSchedule';
import { databaseAdapterFactory } from './databaseAdapter';
import { BACKENDS, createTestStorage, describeOnEachBackend, openStorageDatabase, SKIP_POSTGRES_REASON, startTestServer, TestClock, type TestStorage, useTestDatabase } from '../test/testServer';

const HOUR = 3_600_000;

/** A sign-in attempt nobody finishes: the provider stores its interaction, for an hour. */
async function abandonSignIn(url: string): Promise<void> {
  const params = new URLSearchParams({
    client_id: 'token-settings',
    response_type: 'code',
    redirect_uri: `${url}/`,
    scope: 'openid',
    code_challenge: 'x'.repeat(43),
    code_challenge_method: 'S256',
  });
  const response = await fetch(`${url}/oidc/auth?${params}`, { redirect: 'manual' });
  expect(response.status).toBe(303);
}

describe.each(BACKENDS)('expired provider rows while the server runs on $name', (backend) => {
  if (!backend.available) {
    it.skip(SKIP_POSTGRES_REASON, () => {});
    return;
  }

  let storage: TestStorage;
  let server: RunningServer | undefined;
  const clock = new TestClock();

  beforeAll(async () => {
    storage = await createTestStorage(backend);
    server = await startTestServer(storage, clock.now);
  });
  afterAll(async () => {
    await server?.close();
    await storage?.cleanup();
  });

  it('are purged as new ones are written, while signed-in sessions stay', async () => {
    const url = server!.url;
    const browser = new OidcBrowser(url);
    const { action } = await browser.openSignInPage();
    const signedIn = await browser.finishSignIn(await browser.submitSignIn(action, 'admin@example.com', 'admin'));
    for (let attempt = 0; attempt < 25; attempt++) await abandonSignIn(url);

    clock.advance(2 * HOUR);
    await abandonSignIn(url);
    // The sign-in still stands: its refresh token renews. (Its access tokens, dated by the provider's own clock,
    // are expired on the server's moved clock.)
    expect((await browser.refresh(signedIn.refreshToken!)).accessToken).toEqual(expect.any(String));

    await server!.close();
    server = undefined;
    const db = await openStorageDatabase(storage);
    try {
      const rows = await db.query<{ model: string; count: number }>(
        'SELECT model, count(*)::integer AS count FROM oidc_payload GROUP BY model ORDER BY model',
      );
      const counts = Object.fromEntries(rows.map((row) => [row.model, row.count]));
      // Only the attempt after the purge is left of the 26, besides the finished sign-in's own interaction.
      expect(counts.Interaction).toBeLessThanOrEqual(2);
      expect(counts).toMatchObject({ Session: 1, Grant: 1 });
      expect(counts.RefreshToken).toBeGreaterThanOrEqual(1);
    } finally {
      await db.close();
    }
  });
});

describeOnEachBackend('the provider storage’s purge rate', (backend) => {
  const storage = useTestDatabase(backend);

  it('purges at most once per interval of the server clock, on a write', async () => {
    const clock = new TestClock();
    const Adapter = databaseAdapterFactory(storage.db, { now: clock.now });
    const interactions = new Adapter('Interaction');
    const ids = async () =>
      (await storage.db.query<{ id: string }>("SELECT id FROM oidc_payload WHERE model = 'Interaction' ORDER BY id")).map((row) => row.id);

    await interactions.upsert('a-expiring', { uid: 'a' }, 1);
    clock.advance(PURGE_INTERVAL_MS / 2);
    await interactions.upsert('b-later', { uid: 'b' }, 3600);
    expect(await ids()).toEqual(['a-expiring', 'b-later']); // expired, but the interval has not passed

    clock.advance(PURGE_INTERVAL_MS / 2);
    await interactions.upsert('c-last', { uid: 'c' }, 3600);
    expect(await ids()).toEqual(['b-later', 'c-last']);
  });
});
