import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import vm from 'node:vm';
import { afterEach } from 'vitest';

const ENTRYPOINT = resolve('deploy/docker-entrypoint.sh');

/** Both shells the image's entrypoint must run under: the system's sh and Debian's dash. */
export const SHELLS = ['sh', 'dash'] as const;

export interface EntrypointRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** The problems it printed, each `NAME what is wrong`. */
  problems: string[];
}

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A temporary folder, removed after the test. */
export function tempFolder(prefix = 'token-settings-'): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

/** A built app's folder, with an index.html and, when given, a mounted env-config.js. */
export function htmlFolder(envConfig?: string): string {
  const folder = tempFolder('token-settings-html-');
  writeFileSync(join(folder, 'index.html'), '<!doctype html>');
  if (envConfig !== undefined) writeFileSync(join(folder, 'env-config.js'), envConfig);
  return folder;
}

/** Runs the entrypoint with only `env` and PATH, as a container gets only what it is given. */
export function runEntrypoint(args: string[], env: Record<string, string>, shell: string = 'sh'): EntrypointRun {
  const result = spawnSync(shell, [ENTRYPOINT, ...args], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env }, encoding: 'utf8', timeout: 10_000 });
  const problems = [...result.stderr.matchAll(/^Configuration error: (.*)$/gm)].map((match) => match[1]!);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, problems };
}

/** Renders into a fresh folder; returns the run and the folder. */
export function render(env: Record<string, string>, shell: string = 'sh'): EntrypointRun & { dir: string } {
  const dir = join(tempFolder(), 'run');
  return { ...runEntrypoint(['render', dir], env, shell), dir };
}

/** What the written /env-config.js sets `window._env_` to, run as the browser runs it. */
export function envConfigOf(dir: string): Record<string, string> {
  const window: { _env_?: Record<string, string> } = {};
  vm.runInNewContext(readFileSync(join(dir, 'runtime', 'env-config.js'), 'utf8'), { window });
  return window._env_!;
}

export const readRendered = (dir: string, file: string): string => readFileSync(join(dir, file), 'utf8');
