import type { Database, Queryable } from './database';

const UNREACHABLE_MESSAGE = 'The database cannot be reached right now. Try again in a few seconds.';
/** Every connection is in use: the database is fine, the server has more requests than connections. */
export const BUSY_MESSAGE = 'The server is busy. Try again in a few seconds.';
export const STOPPING_MESSAGE = 'The server is stopping. Try again in a moment.';

/**
 * The database cannot serve this request now (stopped, restarting, unreachable, every connection busy, or the
 * server is stopping): a 503 for the caller, not the server's bug.
 */
export class DatabaseUnavailableError extends Error {
  constructor(cause: unknown, message = UNREACHABLE_MESSAGE) {
    super(message, { cause });
    this.name = 'DatabaseUnavailableError';
  }
}

/** Socket errors of a connection that cannot be made or was lost. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * SQLSTATE class 08 (connection exception), 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now
 * (starting up or shutting down), 53300 too_many_connections.
 */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;

/** What node-postgres says, without a code, when a connection ends under it or cannot be had in time. */
const DRIVER_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|not queryable|Query read timeout/i;

export function isConnectionFailure(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))) return true;
  return typeof message === 'string' && DRIVER_MESSAGES.test(message);
}

/** node-postgres's pool gave up waiting for a connection: either no slot came free, or connecting took too long. */
export function isConnectWaitTimeout(error: unknown): boolean {
  return /timeout exceeded when trying to connect/i.test(String((error as { message?: unknown } | undefined)?.message));
}

/** The error to throw on: a connection failure becomes `DatabaseUnavailableError`, anything else stays as it is. */
export function asUnavailable(error: unknown): unknown {
  return isConnectionFailure(error) && !(error instanceof DatabaseUnavailableError) ? new DatabaseUnavailableError(error) : error;
}

/**
 * On close, lets the statements and transactions under way finish first (a request the server stopped waiting
 * for may still be running them) and refuses new ones with a 503, rather than failing them on a closed database.
 */
export function closingAfterRunningWork(db: Database): Database {
  let closing: Promise<void> | undefined;
  const running = new Set<Promise<unknown>>();
  const track = <T>(work: () => Promise<T>): Promise<T> => {
    if (closing) return Promise.reject(new DatabaseUnavailableError(undefined, STOPPING_MESSAGE));
    const result = work();
    running.add(result);
    const done = () => running.delete(result);
    result.then(done, done);
    return result;
  };
  return {
    query: <Row extends object>(sql: string, params?: unknown[]) => track(() => db.query<Row>(sql, params)),
    transaction: <T>(work: (tx: Queryable) => Promise<T>) => track(() => db.transaction(work)),
    // A read that runs goes through `query` above, refused once closing like any other.
    keptUntilWrite: (key, read) => db.keptUntilWrite(key, read),
    close() {
      closing ??= Promise.allSettled([...running]).then(() => db.close());
      return closing;
    },
  };
}
