import pg from 'pg';
import type { Database, Queryable } from './database';
import { asUnavailable, BUSY_MESSAGE, DatabaseUnavailableError, isConnectWaitTimeout, isConnectionFailure } from './databaseUnavailable';

/** A request waits at most this long for a connection, so an unreachable server is a quick 503, never a hang. */
const CONNECT_TIMEOUT_MS = 5_000;
const POOL_SIZE = 10;
/** No statement here takes long; one that does is waiting on a server that stopped answering. */
const QUERY_TIMEOUT_MS = 20_000;

/**
 * A real PostgreSQL server reached through `DATABASE_URL`. When it goes away, queries fail with
 * `DatabaseUnavailableError` (a 503) and the pool reconnects by itself once it is back.
 */
export async function openPostgresDatabase(
  connectionString: string,
  options: { poolSize?: number; connectTimeoutMs?: number } = {},
): Promise<Database> {
  const { poolSize = POOL_SIZE, connectTimeoutMs = CONNECT_TIMEOUT_MS } = options;
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    connectionTimeoutMillis: connectTimeoutMs,
    query_timeout: QUERY_TIMEOUT_MS,
    keepAlive: true,
  });
  let closing = false;
  const outage = outageLog();
  // Connections actually made (the pool's own count includes those still connecting to an absent server).
  let connected = 0;
  pool.on('connect', () => (connected += 1));
  pool.on('remove', () => (connected -= 1));
  // An idle connection that drops (server restart, admin termination) must not crash the process; the pool
  // replaces it on the next query.
  pool.on('error', (error) => {
    if (!closing) outage.failed(error);
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

  /**
   * Runs `work`, turning a lost or refused connection into `DatabaseUnavailableError`. A wait for a connection
   * that timed out with every connection open is overload, not an outage: the database answers, just not to
   * more requests at once than the pool holds.
   */
  async function reaching<T>(work: () => Promise<T>): Promise<T> {
    try {
      const result = await work();
      outage.succeeded();
      return result;
    } catch (error) {
      if (isConnectWaitTimeout(error) && connected >= poolSize) throw new DatabaseUnavailableError(error, BUSY_MESSAGE);
      if (isConnectionFailure(error)) outage.failed(error);
      throw asUnavailable(error);
    }
  }

  return {
    query: <Row extends object>(sql: string, params?: unknown[]) =>
      reaching(async () => (await pool.query(sql, params)).rows as Row[]),
    transaction: <T>(work: (tx: Queryable) => Promise<T>) =>
      reaching(async () => {
        const client = await pool.connect();
        // A checked-out client whose connection drops emits 'error'; unheard, that would end the process. The
        // failure reaches the caller through the query that was running.
        const ignore = () => undefined;
        client.on('error', ignore);
        let failure: unknown;
        try {
          await client.query('BEGIN');
          const result = await work({
            query: async <Row extends object>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as Row[],
          });
          await client.query('COMMIT');
          return result;
        } catch (error) {
          failure = error;
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        } finally {
          client.off('error', ignore);
          // A client whose connection failed is discarded, not handed to the next request.
          client.release(isConnectionFailure(failure) ? (failure as Error) : undefined);
        }
      }),
    close() {
      closing = true;
      return pool.end();
    },
    // Other server processes may write to the same database at any time.
    keptUntilWrite: (_key, read) => read(),
  };
}

/** One line when the database becomes unreachable and one when it is back, not one per request. */
function outageLog() {
  let down = false;
  return {
    failed(error: Error | unknown) {
      if (down) return;
      down = true;
      console.error(`PostgreSQL cannot be reached (${(error as Error).message}); answering 503 until it is back.`);
    },
    succeeded() {
      if (!down) return;
      down = false;
      console.log('PostgreSQL is reachable again.');
    },
  };
}
