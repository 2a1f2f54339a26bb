import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { BACKENDS, createTestStorage, SKIP_POSTGRES_REASON, type TestStorage } from '../test/testServer';
import type { Database } from './database';
import { BUSY_MESSAGE, DatabaseUnavailableError } from './databaseUnavailable';
import { openPostgresDatabase } from './postgresDatabase';

describe('a PostgreSQL pool with every connection busy', () => {
  if (!BACKENDS[1]!.available) {
    it.skip(SKIP_POSTGRES_REASON, () => {});
    return;
  }

  let storage: TestStorage;
  let db: Database;
  const consoleError = vi.spyOn(console, 'error');

  beforeAll(async () => {
    storage = await createTestStorage(BACKENDS[1]);
    db = await openPostgresDatabase(storage.databaseUrl!, { poolSize: 1, connectTimeoutMs: 200 });
  });
  afterEach(() => consoleError.mockClear());
  afterAll(async () => {
    consoleError.mockRestore();
    await db?.close();
    await storage?.cleanup();
  });

  it('answers "busy, try again" without reporting the database as away, and serves again once one is free', async () => {
    let finish!: () => void;
    const held = db.transaction(() => new Promise<void>((resolve) => (finish = resolve)));
    await vi.waitFor(() => expect(finish).toBeDefined());

    const refused = await db.query('SELECT 1').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DatabaseUnavailableError);
    expect((refused as Error).message).toBe(BUSY_MESSAGE);
    expect(consoleError).not.toHaveBeenCalled();

    finish();
    await held;
    expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });
});
