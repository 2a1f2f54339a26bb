import { createHash, randomUUID } from 'node:crypto';
import { link, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { ConfigError } from '../config';
import {
  describeOwner,
  HEARTBEAT_MS,
  isLive,
  isSameHost,
  readLockFile,
  STALE_AFTER_MS,
  thisProcess,
  type LockFile,
  type LockOwner,
} from './lockOwner';

/** The lock file in DATA_DIR: it names the process that has the PGlite database open. */
export const LOCK_FILE = 'server.lock';

/** Starts racing for a stale lock wait for each other this long at most. */
const GIVE_UP_AFTER_MS = 10_000;
const RETRY_MS = 25;

/** The lock files (and takeover guards) this process holds. */
const held = new Set<string>();

export interface DataFolderLock {
  release(): Promise<void>;
}

type Claim = { kind: 'won' } | { kind: 'busy'; lock: LockFile } | { kind: 'gave up' };

/**
 * PGlite has no lock of its own: two processes on one folder would both run and lose each other's writes. The
 * lock names this process and host; while it is held its modification time is refreshed (a heartbeat), so that a
 * server on another host or in another container, where the pid means nothing, can tell a running owner from a
 * dead one.
 */
export async function lockDataFolder(dataDir: string, options: { heartbeatMs?: number } = {}): Promise<DataFolderLock> {
  const lockPath = path.join(dataDir, LOCK_FILE);
  const self = thisProcess(randomUUID());
  const draft = path.join(dataDir, `${LOCK_FILE}.${self.lockId}.draft`);
  await writeFile(draft, JSON.stringify(self));
  let claimed: Claim;
  try {
    claimed = await claim(lockPath, draft, self, Date.now() + GIVE_UP_AFTER_MS);
  } finally {
    await rm(draft, { force: true });
  }
  if (claimed.kind === 'busy') throw inUse(dataDir, lockPath, claimed.lock, self);
  if (claimed.kind === 'gave up') {
    throw new ConfigError('DATA_DIR', `DATA_DIR ${dataDir}: other servers keep taking its lock (${lockPath}). Start one server at a time.`);
  }
  held.add(lockPath);
  const isOurs = async () => (await readLockFile(lockPath).catch(() => undefined))?.owner?.lockId === self.lockId;
  const heartbeat = setInterval(() => {
    void isOurs()
      .then(async (ours) => {
        if (ours) await utimes(lockPath, new Date(), new Date());
      })
      .catch(() => undefined); // a missed beat only brings staleness closer; the next one tries again
  }, options.heartbeatMs ?? HEARTBEAT_MS);
  heartbeat.unref(); // the lock must not keep a stopping process alive
  return {
    async release() {
      clearInterval(heartbeat);
      held.delete(lockPath);
      if (await isOurs()) await rm(lockPath, { force: true });
    },
  };
}

/**
 * Creates `target` as a hard link of the written `draft` (so nobody sees it empty), unless a live owner holds it.
 * A stale one is moved away only by whoever holds its guard, `<target>.<digest of the stale lock>`, claimed the
 * same way: of the starts racing over one stale lock exactly one moves it, and the others then find the new owner.
 */
async function claim(target: string, draft: string, self: LockOwner, giveUpAt: number): Promise<Claim> {
  while (Date.now() < giveUpAt) {
    try {
      await link(draft, target);
      return { kind: 'won' };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const lock = await readLockFile(target);
    if (!lock) continue; // released meanwhile
    if (isLive(lock, self, held.has(target))) return { kind: 'busy', lock };
    const guard = `${target}.${createHash('sha256').update(lock.text).digest('hex').slice(0, 16)}`;
    const guarded = await claim(guard, draft, self, giveUpAt);
    if (guarded.kind === 'gave up') return guarded;
    if (guarded.kind === 'busy') {
      await delay(RETRY_MS); // another start is taking this stale lock over
      continue;
    }
    held.add(guard);
    try {
      await moveAwayIfUnchanged(target, lock.text);
    } finally {
      held.delete(guard);
      await rm(guard, { force: true });
    }
  }
  return { kind: 'gave up' };
}

/** Renames the stale lock aside (atomic) and checks that what moved is it; anything else goes back. */
async function moveAwayIfUnchanged(target: string, staleText: string): Promise<void> {
  if ((await readLockFile(target))?.text !== staleText) return;
  const aside = `${target}.${randomUUID()}.stale`;
  try {
    await rename(target, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readFile(aside, 'utf8').catch(() => undefined);
  // Its owner was alive after all, released it, and another start took the folder in between: give it back.
  if (moved !== staleText) await link(aside, target).catch(() => undefined);
  await rm(aside, { force: true });
}

function inUse(dataDir: string, lockPath: string, lock: LockFile, self: LockOwner): ConfigError {
  const heartbeat =
    lock.owner && isSameHost(lock.owner, self)
      ? ''
      : ` Its lock (${lockPath}) was refreshed ${Math.max(0, Math.round((Date.now() - lock.refreshedAt) / 1000))} s ago ` +
        `and is taken over once it is ${STALE_AFTER_MS / 1000} s old.`;
  return new ConfigError(
    'DATA_DIR',
    `DATA_DIR ${dataDir} is in use by another server (${describeOwner(lock.owner, self)}): PGlite allows one process per folder.${heartbeat} ` +
      `Stop that process, set DATA_DIR to another folder, or share one PostgreSQL between servers with DATABASE_URL.`,
  );
}
