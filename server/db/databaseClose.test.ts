import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BACKENDS, createTestStorage, openStorageDatabase, SKIP_POSTGRES_REASON, type TestStorage } from '../test/testServer';
import { DatabaseUnavailableError, STOPPING_MESSAGE } from './databaseUnavailable';

describe.each(BACKENDS)('closing the database on $name while a request still uses it', (backend) => {
  if (!backend.available) {
    it.skip(SKIP_POSTGRES_REASON, () => {});
    return;
  }

  let storage: TestStorage;
  beforeAll(async () => {
    storage = await createTestStorage(backend);
  });
  afterAll(async () => {
    await storage?.cleanup();
  });

  it('lets the work under way finish, and refuses new work with a 503 "stopping"', async () => {
    const db = await openStorageDatabase(storage);
    let finish!: () => void;
    const running = db.transaction(async (tx) => {
      await new Promise<void>((resolve) => (finish = resolve));
      return tx.query<{ one: number }>('SELECT 1 AS one');
    });
    await vi.waitFor(() => expect(finish).toBeDefined());
    let closed = false;
    const closing = db.close().then(() => (closed = true));

    const refused = await db.query('SELECT 1').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DatabaseUnavailableError);
    expect((refused as Error).message).toBe(STOPPING_MESSAGE);
    expect(closed).toBe(false);

    finish();
    expect(await running).toEqual([{ one: 1 }]);
    await closing;
    expect(closed).toBe(true);
    await expect(db.close()).resolves.toBeUndefined();
  });
});
