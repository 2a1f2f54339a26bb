import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../db/database';
import { STOPPING_MESSAGE } from '../db/databaseUnavailable';
import { call } from '../test/api';
import { createTestStorage, openStorageDatabase, type TestStorage } from '../test/testServer';
import { startTokenApiOn, type TokenApiOn } from '../test/tokenApiOn';

/** The token API on a database the test can close under it. */
describe('authentication when the database fails', () => {
  let storage: TestStorage;
  let db: Database;
  let api: TokenApiOn;
  let url: string;

  beforeAll(async () => {
    storage = await createTestStorage();
    db = await openStorageDatabase(storage);
    api = await startTokenApiOn(db);
    url = api.url;
  });
  afterAll(async () => {
    await api?.close();
    await storage?.cleanup();
  });

  it('answers 503 with a JSON error, not 401, when the revocation check cannot use the database', async () => {
    const { secret: token } = await api.personalToken();
    expect((await call(url, 'GET', '/access-token/v1/teams/current-teams', { token })).status).toBe(202);

    await db.close();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const response = await call(url, 'GET', '/access-token/v1/teams/current-teams', { token });
      // A closed database refuses new work as the server stopping: the caller's retry, not the server's bug.
      expect(response.status).toBe(503);
      expect(response.body).toEqual({ error: 'Service Unavailable', message: STOPPING_MESSAGE });
      expect(logged).not.toHaveBeenCalled();

      // A token that fails its own checks needs no database: still 401.
      expect((await call(url, 'GET', '/access-token/v1/teams/current-teams', { token: 'not-a-jwt' })).status).toBe(401);
      expect((await call(url, 'GET', '/access-token/v1/teams/current-teams', { token: `${token}x` })).status).toBe(401);
    } finally {
      logged.mockRestore();
    }
  });
});
