import path from 'node:path';
import type { Config } from '../config';
import type { Database } from './database';
import { closingAfterRunningWork } from './databaseUnavailable';
import { prepareDataFolder } from './dataFolder';
import { lockDataFolder } from './dataFolderLock';
import { migrate } from './migrations';
import { openPgliteDatabase } from './pgliteDatabase';
import { openPostgresDatabase } from './postgresDatabase';

type StorageConfig = Pick<Config, 'databaseUrl' | 'dataDir'>;

/** Opens the database (see openUnmigratedDatabase) and migrates it. Closing it waits for the work under way. */
export async function openDatabase(config: StorageConfig): Promise<Database> {
  const db = await openUnmigratedDatabase(config);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return closingAfterRunningWork(db);
}

/**
 * Opens PostgreSQL when `DATABASE_URL` is set, PGlite under the data folder otherwise: DATA_DIR is created if
 * needed and must be writable, and it is locked to this process while the database is open.
 */
export function openUnmigratedDatabase(config: StorageConfig): Promise<Database> {
  return config.databaseUrl ? openPostgresDatabase(config.databaseUrl) : openPglite(config.dataDir);
}

async function openPglite(dataDir: string): Promise<Database> {
  await prepareDataFolder(dataDir);
  const lock = await lockDataFolder(dataDir);
  try {
    const dir = path.join(dataDir, 'pglite');
    await prepareDataFolder(dir);
    const db = await openPgliteDatabase(dir);
    return {
      ...db,
      async close() {
        try {
          await db.close();
        } finally {
          await lock.release();
        }
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}
