/** Something SQL can run against: the database itself or an open transaction. */
export interface Queryable {
  query<Row extends object = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
}

/** The one database interface the server uses, implemented over PGlite and over a PostgreSQL pool. */
export interface Database extends Queryable {
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * `read`'s answer, kept under `key` until this process next writes, where every write to the database goes
   * through this process (PGlite, whose folder it locks). Where other processes may write (PostgreSQL), `read`
   * runs every time. For lookups made on every request, such as whether a sign-in still stands.
   */
  keptUntilWrite<T>(key: string, read: () => Promise<T>): Promise<T>;
}
