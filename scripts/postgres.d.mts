/** A throwaway PostgreSQL cluster from Debian's packages (see postgres.mjs). */
export interface PostgresCluster {
  binDir: string;
  url: string;
  start(): void;
  stop(): void;
  remove(): void;
}

export function createPostgresCluster(): Promise<PostgresCluster>;
export function startPostgres(): Promise<{ url: string; stop(): Promise<void> }>;
