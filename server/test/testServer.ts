import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startServer, type RunningServer } from '../app';
import type { Config } from '../config';
import type { Database } from '../db/database';
import { openDatabase, openUnmigratedDatabase } from '../db/openDatabase';
import { DEFAULT_GENERATE_LIMIT } from '../throttle/rateLimits';

/** A postgres:// URL to a server where the tests may create databases; unset = PostgreSQL runs are skipped. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;

export interface Backend {
  name: 'PGlite' | 'PostgreSQL';
  available: boolean;
}

/** Suites about storage run once per backend; PostgreSQL only when `TEST_DATABASE_URL` is set. */
export const BACKENDS: Backend[] = [
  { name: 'PGlite', available: true },
  { name: 'PostgreSQL', available: TEST_DATABASE_URL !== undefined },
];

export const SKIP_POSTGRES_REASON = 'set TEST_DATABASE_URL=postgres://… to run this suite against PostgreSQL too';

/** A clock tests move forward instead of sleeping. */
export class TestClock {
  constructor(private current = new Date()) {}
  readonly now = (): Date => new Date(this.current);
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/** A fresh data folder (and, for PostgreSQL, a fresh database) that outlives restarts within one suite. */
export interface TestStorage {
  dataDir: string;
  staticDir: string;
  databaseUrl: string | undefined;
  cleanup(): Promise<void>;
}

export async function createTestStorage(backend: Backend = BACKENDS[0]!): Promise<TestStorage> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'token-settings-test-'));
  const dataDir = path.join(root, 'data');
  const staticDir = path.join(root, 'dist');
  await mkdir(staticDir);
  await writeFile(path.join(staticDir, 'index.html'), '<!DOCTYPE html><title>Token settings app</title>');
  const databaseUrl = backend.name === 'PostgreSQL' ? await createDatabase() : undefined;
  return {
    dataDir,
    staticDir,
    databaseUrl,
    async cleanup() {
      if (databaseUrl) await dropDatabase(databaseUrl);
      await rm(root, { recursive: true, force: true });
    },
  };
}

export function testConfig(storage: TestStorage, overrides: Partial<Config> = {}): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    publicUrl: undefined,
    dataDir: storage.dataDir,
    databaseUrl: storage.databaseUrl,
    tokenSigningKey: undefined,
    staticDir: storage.staticDir,
    trustProxy: false,
    tokenBackend: 'terrakube',
    tfeTeamTokens: 'multiple',
    tfeSignIn: 'oidc',
    generateLimit: DEFAULT_GENERATE_LIMIT,
    corsOrigins: [],
    terrakubeVersion: undefined,
    ...overrides,
  };
}

export function startTestServer(
  storage: TestStorage,
  now?: () => Date,
  overrides: Partial<Config> = {},
): Promise<RunningServer> {
  return startServer(testConfig(storage, overrides), { now });
}

/** `suite` once per backend, titled `<title> on PGlite` etc.; skipped, with the reason, where one is unavailable. */
export function describeOnEachBackend(title: string, suite: (backend: Backend) => void): void {
  describe.each(BACKENDS)(`${title} on $name`, (backend) => {
    if (!backend.available) {
      it.skip(SKIP_POSTGRES_REASON, () => {});
      return;
    }
    suite(backend);
  });
}

/** A running server of the enclosing suite; its fields are set once the suite's beforeAll has run. */
export interface TestServer {
  url: string;
  storage: TestStorage;
  clock: TestClock;
}

/** Starts a server on fresh storage before the suite's tests and stops it, and removes the storage, after them. */
export function useTestServer(backend: Backend, overrides: Partial<Config> = {}, clock = new TestClock()): TestServer {
  const handle = { clock } as TestServer;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    handle.storage = await createTestStorage(backend);
    server = await startTestServer(handle.storage, clock.now, overrides);
    handle.url = server.url;
  });
  afterAll(async () => {
    await server?.close();
    await handle.storage?.cleanup();
  });
  return handle;
}

/** The database of fresh storage, for suites that drive it without a server; its fields are set in beforeAll. */
export interface TestDatabase {
  db: Database;
  storage: TestStorage;
}

/** Opens the database of fresh storage before the suite's tests, and closes and removes it after them. */
export function useTestDatabase(backend: Backend): TestDatabase {
  const handle = {} as TestDatabase;
  beforeAll(async () => {
    handle.storage = await createTestStorage(backend);
    handle.db = await openStorageDatabase(handle.storage);
  });
  afterAll(async () => {
    await handle.db?.close();
    await handle.storage?.cleanup();
  });
  return handle;
}

/** A known signing key, for suites that check the signatures of issued tokens or sign their own. */
export const TEST_TOKEN_SIGNING_KEY = new Uint8Array(randomBytes(32));

/**
 * The storage's database, opened directly to look at rows the API does not show. PGlite allows one process at a
 * time: close the server on it first.
 */
export function openStorageDatabase(storage: TestStorage): Promise<Database> {
  return openDatabase({ dataDir: storage.dataDir, databaseUrl: storage.databaseUrl });
}

/** The storage's database without migrating it, to set up the state an earlier release left. */
export function openUnmigratedStorageDatabase(storage: TestStorage): Promise<Database> {
  return openUnmigratedDatabase({ dataDir: storage.dataDir, databaseUrl: storage.databaseUrl });
}

async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function createDatabase(): Promise<string> {
  const name = `token_settings_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabase(databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
