import { spawn } from 'node:child_process';
import { readFileSync, readlinkSync } from 'node:fs';
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** The fields of a data folder's lock file, as any server release writes them. */
export interface LockContent {
  pid: number;
  startTime?: string;
  hostname?: string;
  bootId?: string;
  pidNamespace?: string;
  lockId?: string;
}

const readOr = (read: () => string) => {
  try {
    return read().trim();
  } catch {
    return undefined;
  }
};

/** How this process and host are named in a lock, read the way the kernel shows them. */
export function thisHost(): Omit<LockContent, 'pid'> {
  return {
    hostname: os.hostname(),
    bootId: readOr(() => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8')),
    pidNamespace: readOr(() => readlinkSync('/proc/self/ns/pid')),
  };
}

/** Writes `DATA_DIR/server.lock` as another process would have, last refreshed `ageMs` ago. */
export async function writeLock(dataDir: string, content: LockContent, ageMs = 0): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'server.lock');
  await writeFile(lockPath, JSON.stringify({ lockId: `${Math.random()}`, ...content }));
  const refreshed = new Date(Date.now() - ageMs);
  await utimes(lockPath, refreshed, refreshed);
}

/**
 * Starts `count` processes that each try to take the folder's lock, releases them at one moment, and gives what
 * each said ("won" or "refused <message>"). The processes are killed afterwards.
 */
export async function raceForLock(dataDir: string, count: number): Promise<string[]> {
  const racers = Array.from({ length: count }, () =>
    spawn(process.execPath, ['--import', 'tsx', 'server/test/lockRacer.ts', dataDir], {
      cwd: REPO_ROOT,
      stdio: ['pipe', 'pipe', 'inherit'],
    }),
  );
  const lines = racers.map((racer) => {
    let output = '';
    const said = (pattern: RegExp) =>
      new Promise<string>((resolve, reject) => {
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const line = output.split('\n').find((each) => pattern.test(each));
          if (line !== undefined) resolve(line);
        };
        racer.stdout.on('data', onData);
        racer.once('exit', (code) => reject(new Error(`A racer exited (${code}): ${output}`)));
      });
    const result = said(/^(won|refused)/);
    result.catch(() => undefined); // reported through ready when the racer dies before it is told to go
    return { ready: said(/^ready$/), result };
  });
  try {
    await Promise.all(lines.map((each) => each.ready));
    for (const racer of racers) racer.stdin.write('go\n');
    return await Promise.all(lines.map((each) => each.result));
  } finally {
    for (const racer of racers) racer.kill('SIGKILL');
  }
}
