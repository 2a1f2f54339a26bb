import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_SERVERS, type E2eServer } from './servers';

const READY = /running at (http:\/\/\S+)/;

export interface Started {
  process: ChildProcess;
  url: string;
  dataDir: string;
}

/** Starts one embedded server on a free port with a fresh database; resolves with its URL once it listens. */
export function startServer(env: Record<string, string>): Promise<Started> {
  const dataDir = mkdtempSync(join(tmpdir(), 'token-settings-e2e-'));
  const server = spawn(join('node_modules', '.bin', 'tsx'), ['server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, PUBLIC_URL: '', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise<Started>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The server did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = READY.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ process: server, url: match[1], dataDir });
      }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server exited with code ${code}:\n${output}`));
    });
  });
}

export function stop({ process: server, dataDir }: Started): Promise<void> {
  return new Promise<void>((resolve) => {
    if (server.exitCode !== null) return resolve();
    server.once('exit', () => resolve());
    server.kill('SIGTERM');
    setTimeout(() => server.kill('SIGKILL'), 5_000).unref();
  }).finally(() => rmSync(dataDir, { recursive: true, force: true }));
}

/**
 * Starts the app the way `npm start` does (the production build served by the embedded server), once per flavor
 * the tests use, each on a free port with a fresh database, and hands their URLs to the tests. Needs
 * `npm run build` to have run.
 */
export default async function globalSetup() {
  const names = Object.keys(E2E_SERVERS) as E2eServer[];
  const settled = await Promise.allSettled(names.map((name) => startServer(E2E_SERVERS[name].env)));
  const started = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failure = settled.find((result) => result.status === 'rejected');
  if (failure) {
    await Promise.all(started.map(stop));
    throw failure.reason;
  }
  names.forEach((name, index) => {
    process.env[E2E_SERVERS[name].urlVariable] = (settled[index] as PromiseFulfilledResult<Started>).value.url;
  });
  return async () => {
    await Promise.all(started.map(stop));
  };
}
