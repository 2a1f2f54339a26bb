import { readFileSync } from 'node:fs';
import { link, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError } from '../config';

/** The lock file in DATA_DIR: it names the process that has the PGlite database open. */
export const LOCK_FILE = 'server.lock';

interface LockOwner {
  pid: number;
  /** When the process started (Linux clock ticks since boot), to tell a reused pid from the owner itself. */
  startTime?: string;
}

/** The locks this process holds, so that one process does not open the same folder twice either. */
const held = new Set<string>();

export interface DataFolderLock {
  release(): Promise<void>;
}

/**
 * PGlite has no lock of its own: two processes on one folder would both run and lose each other's writes. The
 * lock file is created with its content in one step (a hard link of a written file), so another process never
 * sees it empty. A lock whose process is gone, or is this process, is stale and taken over.
 */
export async function lockDataFolder(dataDir: string): Promise<DataFolderLock> {
  const lockPath = path.join(dataDir, LOCK_FILE);
  const self: LockOwner = { pid: process.pid, startTime: startTimeOf(process.pid) };
  const draft = path.join(dataDir, `${LOCK_FILE}.${process.pid}`);
  await writeFile(draft, JSON.stringify(self));
  try {
    // Another start may take over the same stale lock at once: a few tries settle who wins.
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await link(draft, lockPath);
        held.add(lockPath);
        return { release: () => releaseLock(lockPath) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = await readOwner(lockPath);
      if (owner && (held.has(lockPath) || isRunning(owner))) {
        throw new ConfigError(
          'DATA_DIR',
          `DATA_DIR ${dataDir} is in use by another server (process ${owner.pid}): PGlite allows one process per folder. ` +
            `Stop that process, set DATA_DIR to another folder, or share one PostgreSQL between servers with DATABASE_URL.`,
        );
      }
      await rm(lockPath, { force: true });
    }
    throw new ConfigError('DATA_DIR', `DATA_DIR ${dataDir}: another server keeps taking its lock (${lockPath}). Start one server at a time.`);
  } finally {
    await rm(draft, { force: true });
  }
}

async function releaseLock(lockPath: string): Promise<void> {
  held.delete(lockPath);
  const owner = await readOwner(lockPath);
  if (owner?.pid === process.pid) await rm(lockPath, { force: true });
}

async function readOwner(lockPath: string): Promise<LockOwner | undefined> {
  try {
    const owner = JSON.parse(await readFile(lockPath, 'utf8')) as Partial<LockOwner>;
    if (!Number.isInteger(owner.pid) || owner.pid! <= 0) return undefined;
    return { pid: owner.pid!, startTime: typeof owner.startTime === 'string' ? owner.startTime : undefined };
  } catch {
    return undefined; // gone or unreadable: nobody to wait for
  }
}

function isRunning(owner: LockOwner): boolean {
  // A container restarted on a kept volume often gives the server the pid it had: a lock not held here is stale.
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const startTime = startTimeOf(owner.pid);
  return !(owner.startTime && startTime && owner.startTime !== startTime);
}

/** Field 22 of /proc/<pid>/stat on Linux; undefined elsewhere. */
function startTimeOf(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}
