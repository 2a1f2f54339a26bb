import { mkdir, readdir, readFile, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../config';
import { raceForLock, thisHost, writeLock } from '../test/lockFiles';
import { spawnServer, stopServer, type ServerProcess } from '../test/serverProcess';
import {
  createTestStorage,
  openUnmigratedStorageDatabase,
  startTestServer,
  type TestStorage,
} from '../test/testServer';
import { lockDataFolder } from './dataFolderLock';

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

function expectInUse(error: unknown, storage: TestStorage, owner: string): void {
  expect(error).toBeInstanceOf(ConfigError);
  expect((error as ConfigError).variable).toBe('DATA_DIR');
  expect((error as Error).message).toContain(`DATA_DIR ${storage.dataDir} is in use by another server (${owner})`);
}

const serverEnv = (storage: TestStorage) => ({ DATA_DIR: storage.dataDir, STATIC_DIR: storage.staticDir });
const lockPathOf = (storage: TestStorage) => path.join(storage.dataDir, 'server.lock');
/** Another container on a volume shared with this one: its own hostname and pid namespace, the same kernel. */
const otherContainer = (pid: number) => ({ ...thisHost(), pid, hostname: 'container-b', pidNamespace: 'pid:[1]' });

describe('one server per data folder', { timeout: 60_000 }, () => {
  let storage: TestStorage;
  let first: ServerProcess | undefined;
  beforeEach(async () => {
    storage = await createTestStorage();
  });
  afterEach(async () => {
    await stopServer(first);
    first = undefined;
    await storage.cleanup();
  });

  it('a second process on the folder refuses to start, naming the folder and the running one', async () => {
    first = spawnServer(serverEnv(storage));
    await first.started;
    const second = spawnServer(serverEnv(storage));
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/^Configuration error: DATA_DIR /m);
    expect(second.output()).toContain(storage.dataDir);
    expect(second.output()).toContain(`process ${first.pid}`);

    expectInUse(await startFailure(storage), storage, `process ${first.pid}`);
  });

  it('a lock left by a killed process does not block the next start', async () => {
    first = spawnServer(serverEnv(storage));
    await first.started;
    first.child.kill('SIGKILL');
    await first.exited;
    expect(await startFailure(storage)).toBeUndefined();
  });

  it.each([
    ['a server on another host', { pid: 4242, hostname: 'other-host' }, 'process 4242 on host other-host'],
    ['the same pid in another container', otherContainer(process.pid), `process ${process.pid} on host container-b`],
  ])('%s with a fresh heartbeat blocks the start', async (_case, owner, named) => {
    await writeLock(storage.dataDir, owner, 5_000);
    const error = await startFailure(storage);
    expectInUse(error, storage, named);
    expect((error as Error).message).toMatch(/refreshed [5-9] s ago.*taken over once it is 30 s old/);
  });

  it.each([
    ['a server on another host', { pid: 4242, hostname: 'other-host' }],
    ['the same pid in another container', otherContainer(process.pid)],
    ['a release that wrote no host', { pid: process.pid }],
  ])('%s whose heartbeat stopped 40 s ago is taken over', async (_case, owner) => {
    await writeLock(storage.dataDir, owner, 40_000);
    expect(await startFailure(storage)).toBeUndefined();
  });

  it('this pid with another start time (a container restarted with the pid it had) is taken over at once', async () => {
    await writeLock(storage.dataDir, { ...thisHost(), pid: process.pid, startTime: '1' });
    expect(await startFailure(storage)).toBeUndefined();
  });

  it('the running server refreshes its lock, and stops when it releases it', async () => {
    await mkdir(storage.dataDir);
    const lock = await lockDataFolder(storage.dataDir, { heartbeatMs: 20 });
    const longAgo = new Date(Date.now() - 60_000);
    await utimes(lockPathOf(storage), longAgo, longAgo);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(Date.now() - (await stat(lockPathOf(storage))).mtimeMs).toBeLessThan(1_000);
    expect(JSON.parse(await readFile(lockPathOf(storage), 'utf8'))).toMatchObject({ ...thisHost(), pid: process.pid });
    await lock.release();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(readdir(storage.dataDir)).resolves.toEqual([]);
  });

  it('processes racing to take over one stale lock: exactly one wins', async () => {
    await writeLock(storage.dataDir, { pid: 4242, hostname: 'other-host' }, 60_000);
    const said = await raceForLock(storage.dataDir, 6);
    expect(said.filter((line) => line === 'won')).toHaveLength(1);
    for (const line of said.filter((each) => each !== 'won')) expect(line).toMatch(/^refused .*is in use by another server/);
    expect((await readdir(storage.dataDir)).filter((name) => name.startsWith('server.lock'))).toEqual(['server.lock']);
  });

  it('attempts racing in one process to take over a stale lock: exactly one wins, every round', async () => {
    for (let round = 0; round < 5; round++) {
      await writeLock(storage.dataDir, { pid: 4242, hostname: 'other-host' }, 60_000);
      const attempts = await Promise.allSettled(Array.from({ length: 20 }, () => lockDataFolder(storage.dataDir)));
      const won = attempts.filter((attempt) => attempt.status === 'fulfilled');
      expect(won).toHaveLength(1);
      for (const attempt of attempts) {
        if (attempt.status === 'rejected') expectInUse(attempt.reason, storage, `process ${process.pid}`);
      }
      await won[0]!.value.release();
    }
  });

  it('the database opened without migrating holds the lock too', async () => {
    const db = await openUnmigratedStorageDatabase(storage);
    try {
      expectInUse(await startFailure(storage), storage, `process ${process.pid}`);
    } finally {
      await db.close();
    }
    expect(await startFailure(storage)).toBeUndefined();
  });

  it('a stopped server releases the folder', async () => {
    const server = await startTestServer(storage);
    await server.close();
    await expect(readdir(storage.dataDir)).resolves.not.toContain('server.lock');
    expect(await startFailure(storage)).toBeUndefined();
  });
});
