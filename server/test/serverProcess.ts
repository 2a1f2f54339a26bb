import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** `server/main.ts` running in its own process, as `npm run serve` starts it. */
export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  /** Resolves once it printed its URL (with the URL), rejects if it exits first. */
  started: Promise<string>;
  /** Resolves when it exits, with the exit code (null when a signal ended it). */
  exited: Promise<number | null>;
}

/**
 * Spawns the server with `env` on top of a minimal environment (PORT=0). `uid`/`gid` run it as another user,
 * for permission cases when the tests run as root.
 */
export function spawnServer(env: Record<string, string>, user?: { uid: number; gid: number }): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...user,
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const started = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /is running at (\S+)/.exec(output)?.[1];
      if (url) resolve(url);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`The server exited (${code}) before it started:\n${output}`)));
  });
  started.catch(() => undefined);
  return { child, pid: child.pid!, output: () => output, started, exited };
}

/** Stops a spawned server if it still runs and waits for it to exit. */
export async function stopServer(server: ServerProcess | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGKILL');
  await server.exited;
}
