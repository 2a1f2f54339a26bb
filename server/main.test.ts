import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '..');

describe('what the server prints on start', () => {
  let root: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'token-settings-start-'));
    await mkdir(path.join(root, 'dist'));
    await writeFile(path.join(root, 'dist', 'index.html'), '<!DOCTYPE html>');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  /** Starts `server/main.ts` as `npm run serve` does and answers its output up to the demo sign-ins. */
  function startOutput(settings: Record<string, string>): Promise<string> {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', DATA_DIR: path.join(root, 'data'), STATIC_DIR: path.join(root, 'dist'), ...settings };
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => child.kill(), 30_000);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Demo sign-ins:')) child.kill('SIGTERM');
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', () => {
        clearTimeout(timer);
        resolve(output);
      });
      child.once('error', reject);
    });
  }

  it.each([
    [{}, 'The app speaks: Terrakube (TOKEN_BACKEND=terrakube)'],
    [{ TOKEN_BACKEND: 'tfe', TFE_TEAM_TOKENS: 'single', TFE_SIGN_IN: 'token' }, 'The app speaks: HCP Terraform (TOKEN_BACKEND=tfe), single team tokens, signing in with a user API token'],
  ])('names the flavor for %o', async (settings, line) => {
    const output = await startOutput(settings);
    expect(output).toContain(line);
    expect(output).toMatch(/HCP Terraform at http:\/\/127\.0\.0\.1:\d+\/api\/v2\//);
  });
});
