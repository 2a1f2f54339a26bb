import { PGlite } from '@electric-sql/pglite';
import { ConfigError } from '../config';
import type { Database, Queryable } from './database';
import { isReadOnlyStatement, ReadsUntilWrite } from './readsUntilWrite';

/**
 * PGlite keeps its data in a folder and has a single connection, so every statement and transaction goes
 * through one queue: concurrent requests wait their turn instead of interleaving inside a transaction. Only this
 * process writes to it, so reads can be kept until its next write.
 */
export async function openPgliteDatabase(dataDir: string): Promise<Database> {
  const pglite = await startPglite(dataDir);
  let queue: Promise<unknown> = Promise.resolve();
  const reads = new ReadsUntilWrite();

  function enqueue<T>(work: () => Promise<T>): Promise<T> {
    const result = queue.then(work, work);
    queue = result.catch(() => undefined);
    return result;
  }

  return {
    query: <Row extends object>(sql: string, params?: unknown[]) =>
      enqueue(async () => {
        try {
          return (await pglite.query<Row>(sql, params)).rows;
        } finally {
          if (!isReadOnlyStatement(sql)) reads.wrote();
        }
      }),
    transaction: <T>(work: (tx: Queryable) => Promise<T>) =>
      enqueue(async () => {
        try {
          return await pglite.transaction(async (tx) =>
            work({ query: async <Row extends object>(sql: string, params?: unknown[]) => (await tx.query<Row>(sql, params)).rows }),
          );
        } finally {
          reads.wrote();
        }
      }),
    close: () => enqueue(() => pglite.close()),
    keptUntilWrite: (key, read) => reads.read(key, read),
  };
}

/**
 * A damaged folder, or one from another PostgreSQL version, makes PGlite fail with no useful reason ("Aborted()",
 * "failed to initialize"): say which folder it is and what the operator can do.
 */
async function startPglite(dataDir: string): Promise<PGlite> {
  let pglite: PGlite | undefined;
  try {
    pglite = await PGlite.create(dataDir);
    await pglite.query('SELECT 1');
    return pglite;
  } catch {
    await pglite?.close().catch(() => undefined);
    throw new ConfigError(
      'DATA_DIR',
      `DATA_DIR: the database in ${dataDir} cannot be opened: it is damaged or is not a PGlite database (such as one ` +
        `written by another PostgreSQL version). Restore the folder from a backup, or move it away to start with an ` +
        `empty database (its tokens are then lost), or set DATA_DIR to another folder.`,
    );
  }
}
