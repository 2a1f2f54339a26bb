import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnServer } from './test/serverProcess';

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
  async function startOutput(settings: Record<string, string>): Promise<{ output: string; exitCode: number | null }> {
    const server = spawnServer({ DATA_DIR: path.join(root, 'data'), STATIC_DIR: path.join(root, 'dist'), ...settings });
    const timer = setTimeout(() => server.child.kill(), 30_000);
    let exitCode: number | null;
    try {
      await server.started;
      await expect.poll(() => server.output(), { timeout: 10_000 }).toContain('Demo sign-ins:');
    } finally {
      server.child.kill('SIGTERM');
      exitCode = await server.exited;
      clearTimeout(timer);
    }
    return { output: server.output(), exitCode };
  }

  it.each([
    [{}, 'The app speaks: Terrakube (TOKEN_BACKEND=terrakube)'],
    [{ TOKEN_BACKEND: 'tfe', TFE_TEAM_TOKENS: 'single', TFE_SIGN_IN: 'token' }, 'The app speaks: HCP Terraform (TOKEN_BACKEND=tfe), single team tokens, signing in with a user API token'],
  ])('names the flavor for %o', async (settings, line) => {
    const { output } = await startOutput(settings);
    expect(output).toContain(line);
    expect(output).toMatch(/HCP Terraform at http:\/\/127\.0\.0\.1:\d+\/api\/v2\//);
  });

  it('stops on SIGTERM with exit code 0 and releases the data folder', async () => {
    const { output, exitCode } = await startOutput({});
    expect(output).toMatch(/SIGTERM received, stopping[^\n]*\nStopped\./);
    expect(exitCode).toBe(0);
    expect(await readdir(path.join(root, 'data'))).not.toContain('server.lock');
  });
});
