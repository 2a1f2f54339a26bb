import path from 'node:path';
import { prepareDataFolder, type Config } from '../config';
import type { Database } from './database';
import { closingAfterRunningWork } from './databaseUnavailable';
import { lockDataFolder } from './dataFolderLock';
import { migrate } from './migrations';
import { openPgliteDatabase } from './pgliteDatabase';
import { openPostgresDatabase } from './postgresDatabase';

/**
 * Opens PostgreSQL when `DATABASE_URL` is set, PGlite under the data folder otherwise (locked to this process
 * while open), and migrates it. Closing it waits for the work under way.
 */
export async function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  const db = config.databaseUrl ? await openPostgresDatabase(config.databaseUrl) : await openPglite(config.dataDir);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return closingAfterRunningWork(db);
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
