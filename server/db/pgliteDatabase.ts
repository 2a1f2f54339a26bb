import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database';

/**
 * PGlite keeps its data in a folder and has a single connection, so every statement and transaction goes
 * through one queue: concurrent requests wait their turn instead of interleaving inside a transaction.
 */
export async function openPgliteDatabase(dataDir: string): Promise<Database> {
  const pglite = await PGlite.create(dataDir);
  let queue: Promise<unknown> = Promise.resolve();

  function enqueue<T>(work: () => Promise<T>): Promise<T> {
    const result = queue.then(work, work);
    queue = result.catch(() => undefined);
    return result;
  }

  return {
    query: <Row extends object>(sql: string, params?: unknown[]) =>
      enqueue(async () => (await pglite.query<Row>(sql, params)).rows),
    transaction: <T>(work: (tx: Queryable) => Promise<T>) =>
      enqueue(() =>
        pglite.transaction(async (tx) =>
          work({ query: async <Row extends object>(sql: string, params?: unknown[]) => (await tx.query<Row>(sql, params)).rows }),
        ),
      ),
    close: () => enqueue(() => pglite.close()),
  };
}
