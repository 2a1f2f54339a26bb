import { chmod, chown, mkdir, readdir, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../config';
import { spawnServer } from '../test/serverProcess';
import { createTestStorage, startTestServer, type TestStorage } from '../test/testServer';

/** What starting a server on the storage gives: undefined when it started (and is stopped again). */
async function startFailure(storage: TestStorage): Promise<unknown> {
  try {
    const server = await startTestServer(storage);
    await server.close();
    return undefined;
  } catch (error) {
    return error;
  }
}

async function makeDatabase(storage: TestStorage): Promise<string> {
  expect(await startFailure(storage)).toBeUndefined();
  return path.join(storage.dataDir, 'pglite');
}

const serverEnv = (storage: TestStorage) => ({ DATA_DIR: storage.dataDir, STATIC_DIR: storage.staticDir });

describe('a damaged or wrong data folder', { timeout: 60_000 }, () => {
  let storage: TestStorage;
  beforeEach(async () => {
    storage = await createTestStorage();
  });
  afterEach(async () => {
    await storage.cleanup();
  });

  it.each([
    ['DATA_DIR is a file', async (s: TestStorage) => writeFile(s.dataDir, 'not a folder'), /exists but is not a directory/],
    [
      'DATA_DIR/pglite is a file',
      async (s: TestStorage) => {
        await mkdir(s.dataDir);
        await writeFile(path.join(s.dataDir, 'pglite'), 'not a folder');
      },
      /pglite exists but is not a directory/,
    ],
    [
      'the database control file is cut short',
      async (s: TestStorage) => truncate(path.join(await makeDatabase(s), 'global', 'pg_control'), 10),
      /damaged or is not a PGlite database/,
    ],
    [
      'the write-ahead log is garbage',
      async (s: TestStorage) => {
        const wal = path.join(await makeDatabase(s), 'pg_wal');
        for (const file of await readdir(wal)) if (/^0/.test(file)) await writeFile(path.join(wal, file), 'garbage');
      },
      /damaged or is not a PGlite database/,
    ],
    [
      'the folder holds another PostgreSQL version',
      async (s: TestStorage) => {
        await mkdir(path.join(s.dataDir, 'pglite'), { recursive: true });
        await writeFile(path.join(s.dataDir, 'pglite', 'PG_VERSION'), '13\n');
      },
      /damaged or is not a PGlite database/,
    ],
  ])('%s: a configuration error that names the folder and what to do', async (_case, damage, problem) => {
    await damage(storage);
    const error = await startFailure(storage);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe('DATA_DIR');
    const { message } = error as Error;
    expect(message).toContain(storage.dataDir);
    expect(message).toMatch(problem);
    expect(message).toMatch(/Set DATA_DIR to another folder|backup/);
    expect(message).not.toMatch(/Aborted|ASSERTIONS|EEXIST/);
  });

  it('the server process says so and exits 1', async () => {
    await truncate(path.join(await makeDatabase(storage), 'global', 'pg_control'), 10);
    const server = spawnServer(serverEnv(storage));
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(/^Configuration error: DATA_DIR\b.*damaged or is not a PGlite database/m);
    expect(server.output()).not.toMatch(/Aborted|ASSERTIONS/);
  });

  // Root may write anywhere: the server then runs as nobody, as an unprivileged operator would.
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;

  it.each([
    ['DATA_DIR', (s: TestStorage) => s.dataDir],
    ['DATA_DIR/pglite', (s: TestStorage) => path.join(s.dataDir, 'pglite')],
  ])('%s not writable: a configuration error naming it', async (_case, folderOf) => {
    await makeDatabase(storage);
    const root = path.dirname(storage.dataDir);
    if (asNobody) {
      await chmod(root, 0o755);
      for (const dir of [storage.dataDir, path.join(storage.dataDir, 'pglite')]) await chown(dir, 65534, 65534);
    }
    const folder = folderOf(storage);
    await chmod(folder, 0o555);
    const server = spawnServer(serverEnv(storage), asNobody);
    try {
      expect(await server.exited).toBe(1);
      expect(server.output()).toMatch(/^Configuration error: DATA_DIR /m);
      expect(server.output()).toContain(`${folder} cannot be created or written to (permission denied)`);
    } finally {
      await chmod(folder, 0o755);
    }
  });
});
