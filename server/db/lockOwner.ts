import { readFileSync, readlinkSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import os from 'node:os';

/** The owner refreshes its lock's modification time this often (a heartbeat)... */
export const HEARTBEAT_MS = 5_000;
/** ...and a lock from another host or container is stale once its heartbeat is this old. */
export const STALE_AFTER_MS = 30_000;

/** What a data folder's lock says about the process that holds it. */
export interface LockOwner {
  pid: number;
  /** When the process started (Linux clock ticks since boot), to tell a reused pid from the owner itself. */
  startTime?: string;
  hostname?: string;
  /** The kernel's boot id and pid namespace: a pid means something only where both are the same. */
  bootId?: string;
  pidNamespace?: string;
  /** Unique to one taking of the lock, so a lock is never mistaken for an earlier one of the same process. */
  lockId?: string;
}

/** A lock file as read: its exact text, what it says (if it is a lock at all), and its last heartbeat. */
export interface LockFile {
  text: string;
  owner: LockOwner | undefined;
  refreshedAt: number;
}

export function thisProcess(lockId: string): LockOwner {
  return {
    pid: process.pid,
    startTime: startTimeOf(process.pid),
    hostname: os.hostname(),
    bootId: readOrUndefined(() => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()),
    pidNamespace: readOrUndefined(() => readlinkSync('/proc/self/ns/pid')),
    lockId,
  };
}

/** The lock file at `lockPath`, or undefined when there is none (any more). */
export async function readLockFile(lockPath: string): Promise<LockFile | undefined> {
  try {
    const [text, stats] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath)]);
    return { text, owner: parseOwner(text), refreshedAt: stats.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Whether the owner's pid can be checked here: the same host, boot and pid namespace as this process. */
export function isSameHost(owner: LockOwner, self: LockOwner): boolean {
  return owner.hostname === self.hostname && owner.bootId === self.bootId && owner.pidNamespace === self.pidNamespace;
}

/**
 * Whether the lock's owner may still be running. On this host the pid tells at once (a pid that is gone, or that
 * started at another time, is a process that ended); elsewhere only a heartbeat older than STALE_AFTER_MS does.
 * `heldHere` says this process holds the lock, for systems that show no start time.
 */
export function isLive(lock: LockFile, self: LockOwner, heldHere: boolean, now = Date.now()): boolean {
  const { owner } = lock;
  if (!owner || !isSameHost(owner, self)) return now - lock.refreshedAt < STALE_AFTER_MS;
  if (owner.pid === self.pid) return owner.startTime && self.startTime ? owner.startTime === self.startTime : heldHere;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const startTime = startTimeOf(owner.pid);
  return !(owner.startTime && startTime && owner.startTime !== startTime);
}

/** "process 12", "process 1 on host web-2": the owner as the operator can find it. */
export function describeOwner(owner: LockOwner | undefined, self: LockOwner): string {
  if (!owner) return 'a lock file the server cannot read';
  if (isSameHost(owner, self)) return `process ${owner.pid}`;
  if (owner.hostname && owner.hostname !== self.hostname) return `process ${owner.pid} on host ${owner.hostname}`;
  return `process ${owner.pid} in another container or boot of this host`;
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const fields = JSON.parse(text) as Record<string, unknown>;
    const { pid } = fields;
    if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return undefined;
    const stringField = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string) : undefined);
    return {
      pid,
      startTime: stringField('startTime'),
      hostname: stringField('hostname'),
      bootId: stringField('bootId'),
      pidNamespace: stringField('pidNamespace'),
      lockId: stringField('lockId'),
    };
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat on Linux; undefined elsewhere. */
function startTimeOf(pid: number): string | undefined {
  return readOrUndefined(() => {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  });
}

function readOrUndefined(read: () => string | undefined): string | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
