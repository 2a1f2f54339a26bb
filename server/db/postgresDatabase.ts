import pg from 'pg';
import type { Database, Queryable } from './database';

/** A real PostgreSQL server reached through `DATABASE_URL`. */
export async function openPostgresDatabase(connectionString: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  let closing = false;
  // An idle connection that drops (server restart, admin termination) must not crash the process; the pool
  // replaces it on the next query.
  pool.on('error', (error) => {
    if (!closing) console.error('A PostgreSQL connection failed:', error.message);
  });
  // Fail at start, with the driver's reason, rather than on the first request. The URL may hold a password:
  // name the variable, not its value.
  try {
    const probe = await pool.connect();
    probe.release();
  } catch (error) {
    closing = true;
    await pool.end().catch(() => undefined);
    throw new Error(`Could not connect to the PostgreSQL server in DATABASE_URL: ${(error as Error).message}`);
  }

  const query = async <Row extends object>(sql: string, params?: unknown[]) =>
    (await pool.query(sql, params)).rows as Row[];

  return {
    query,
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          query: async <Row extends object>(sql: string, params?: unknown[]) =>
            (await client.query(sql, params)).rows as Row[],
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close() {
      closing = true;
      return pool.end();
    },
  };
}
