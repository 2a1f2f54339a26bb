import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ENTRYPOINT = resolve('deploy/docker-entrypoint.sh');
export const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx';

export interface RenderResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the image's entrypoint in its render mode with only `env` (and PATH) in its environment, as a container
 * starts with only what it is given.
 */
export function renderSettings(dir: string, env: Record<string, string>, shell = 'sh'): RenderResult {
  const result = spawnSync(shell, [ENTRYPOINT, 'render', dir], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env }, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolvePromise(true);
    });
    socket.once('error', () => resolvePromise(false));
  });
}

export interface StartedNginx {
  url: string;
  stop(): Promise<void>;
}

/**
 * Debian's nginx serving the built app with the image's configuration: the entrypoint renders it, with `env`,
 * into a temporary folder, and nginx runs from there in the foreground on 127.0.0.1:`port`.
 */
export async function startNginx(port: number, env: Record<string, string>): Promise<StartedNginx> {
  const dir = mkdtempSync(join(tmpdir(), 'token-settings-nginx-'));
  const rendered = renderSettings(dir, { HOST: '127.0.0.1', PORT: String(port), HTML_DIR: resolve('dist'), ...env });
  if (rendered.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`The entrypoint refused the settings:\n${rendered.stderr}`);
  }
  // As root (CI containers), workers would switch to an account that cannot read the temporary folder.
  const user = process.getuid?.() === 0 ? ' user root;' : '';
  const nginx = spawn(NGINX, ['-p', `${dir}/`, '-c', join(dir, 'nginx.conf'), '-e', 'stderr', '-g', `daemon off;${user}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  nginx.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const stop = () =>
    new Promise<void>((resolveStop) => {
      if (nginx.exitCode !== null || nginx.signalCode !== null) return resolveStop();
      nginx.once('exit', () => resolveStop());
      nginx.kill('SIGQUIT');
      setTimeout(() => nginx.kill('SIGKILL'), 5_000).unref();
    }).finally(() => rmSync(dir, { recursive: true, force: true }));
  const deadline = Date.now() + 10_000;
  while (!(await accepts(port))) {
    if (nginx.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`nginx did not start on port ${port}:\n${errors}`);
    }
    await new Promise((wait) => setTimeout(wait, 50));
  }
  return { url: `http://127.0.0.1:${port}`, stop };
}
