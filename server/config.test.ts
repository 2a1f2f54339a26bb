import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkStaticDir, ConfigError, loadConfig } from './config';
import { prepareDataFolder } from './db/dataFolder';

const repoRoot = path.resolve(import.meta.dirname, '..');

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('has defaults for everything', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      publicUrl: undefined,
      dataDir: path.join(repoRoot, '.data'),
      databaseUrl: undefined,
      tokenSigningKey: undefined,
      staticDir: path.join(repoRoot, 'dist'),
      trustProxy: false,
      tokenBackend: 'terrakube',
      tfeTeamTokens: 'multiple',
      tfeSignIn: 'oidc',
      generateLimit: 500,
      corsOrigins: [],
      terrakubeVersion: undefined,
    });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', HOST: ' ', PUBLIC_URL: '' })).toMatchObject({ port: 3000, host: '127.0.0.1' });
  });

  it('reads every variable', () => {
    const key = Buffer.alloc(32, 7).toString('base64url');
    const config = loadConfig({
      PORT: '0',
      HOST: '0.0.0.0',
      PUBLIC_URL: 'https://tokens.example.com/',
      DATA_DIR: 'tmp/data',
      DATABASE_URL: 'postgres://user:secret@db:5432/tokens',
      TOKEN_SIGNING_KEY: key,
      STATIC_DIR: '/srv/app',
      TRUST_PROXY: 'true',
      TOKEN_BACKEND: 'tfe',
      TFE_TEAM_TOKENS: 'single',
      TFE_SIGN_IN: 'token',
      GENERATE_LIMIT: '50',
      CORS_ORIGINS: 'https://terrakube-ui.example.com',
      TERRAKUBE_VERSION: 'v2.22.0',
    });
    expect(config).toEqual({
      port: 0,
      host: '0.0.0.0',
      publicUrl: 'https://tokens.example.com',
      dataDir: path.resolve('tmp/data'),
      databaseUrl: 'postgres://user:secret@db:5432/tokens',
      tokenSigningKey: new Uint8Array(Buffer.alloc(32, 7)),
      staticDir: '/srv/app',
      trustProxy: true,
      tokenBackend: 'tfe',
      tfeTeamTokens: 'single',
      tfeSignIn: 'token',
      generateLimit: 50,
      corsOrigins: ['https://terrakube-ui.example.com'],
      terrakubeVersion: 'v2.22.0',
    });
  });

  it.each([
    ['TOKEN_BACKEND', ' TFE ', 'tokenBackend', 'tfe'],
    ['TOKEN_BACKEND', '', 'tokenBackend', 'terrakube'],
    ['TFE_TEAM_TOKENS', 'Multiple', 'tfeTeamTokens', 'multiple'],
    ['TFE_SIGN_IN', 'OIDC', 'tfeSignIn', 'oidc'],
  ])('reads %s=%o', (variable, value, key, expected) => {
    expect(loadConfig({ [variable]: value })).toMatchObject({ [key]: expected });
  });

  it.each([
    ['TOKEN_BACKEND', 'hcp', 'TOKEN_BACKEND must be terrakube or tfe (default terrakube), got "hcp"'],
    ['TOKEN_BACKEND', 'terrakube,tfe', 'TOKEN_BACKEND must be terrakube or tfe (default terrakube), got "terrakube,tfe"'],
    ['TFE_TEAM_TOKENS', 'many', 'TFE_TEAM_TOKENS must be multiple or single (default multiple), got "many"'],
    ['TFE_SIGN_IN', 'password', 'TFE_SIGN_IN must be oidc or token (default oidc), got "password"'],
  ])('rejects %s=%s, naming the variable and the choices', (variable, value, message) => {
    const error = configError({ [variable]: value });
    expect(error.variable).toBe(variable);
    expect(error.message).toBe(message);
  });

  it.each(['abc', '-1', '65536', '3.5', '1e3'])('rejects PORT=%s', (port) => {
    const error = configError({ PORT: port });
    expect(error.variable).toBe('PORT');
    expect(error.message).toBe(`PORT must be a whole number from 0 to 65535, got "${port}"`);
  });

  it.each(['localhost', 'my-host.example.com', 'host.example.', '0.0.0.0', '::', '::1', '192.168.1.10', 'fe80::1%eth0'])(
    'accepts HOST=%s',
    (host) => {
      expect(loadConfig({ HOST: host }).host).toBe(host);
    },
  );

  it.each([
    'localhost:3000',
    'localhost:3000/x',
    'my host',
    'http://localhost',
    '[::1]',
    '256.0.0.1',
    '10.0.1',
    'a..b',
    '-host.example.com',
    'host_name',
    `${'a'.repeat(64)}.example.com`,
  ])('rejects HOST=%s', (host) => {
    const error = configError({ HOST: host });
    expect(error.variable).toBe('HOST');
    expect(error.message).toBe(
      `HOST must be an IP address (such as 127.0.0.1, 0.0.0.0 or ::1) or a host name (such as localhost), without a port or brackets, got "${host}"`,
    );
  });

  it.each([
    ['true', true],
    ['TRUE', true],
    ['false', false],
    ['', false],
  ])('reads TRUST_PROXY=%s', (value, trustProxy) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toBe(trustProxy);
  });

  it.each(['0', '-5', '2.5', 'lots'])('rejects GENERATE_LIMIT=%s', (value) => {
    const error = configError({ GENERATE_LIMIT: value });
    expect(error.variable).toBe('GENERATE_LIMIT');
    expect(error.message).toBe(`GENERATE_LIMIT must be a whole number of tokens from 1 up (default 500), got "${value}"`);
  });

  it.each(['yes', '1', 'on'])('rejects TRUST_PROXY=%s', (value) => {
    const error = configError({ TRUST_PROXY: value });
    expect(error.variable).toBe('TRUST_PROXY');
    expect(error.message).toBe(`TRUST_PROXY must be true or false, got "${value}"`);
  });

  it.each(['not a url', 'ftp://example.com', 'http://example.com/app', 'http://example.com?x=1', 'http://example.com/?', 'https://*.example.com'])(
    'rejects PUBLIC_URL=%s',
    (publicUrl) => {
      const error = configError({ PUBLIC_URL: publicUrl });
      expect(error.variable).toBe('PUBLIC_URL');
      expect(error.message).toContain('PUBLIC_URL must be an http(s) origin');
    },
  );

  it.each(['mysql://db/x', 'localhost:5432'])('rejects DATABASE_URL=%s', (databaseUrl) => {
    expect(configError({ DATABASE_URL: databaseUrl }).message).toContain('DATABASE_URL must be a PostgreSQL connection URL');
  });

  it.each([
    ['too short', Buffer.alloc(31).toString('base64url')],
    ['not base64url', '!'.repeat(50)],
  ])('rejects a TOKEN_SIGNING_KEY that is %s without echoing it', (_case, key) => {
    const error = configError({ TOKEN_SIGNING_KEY: key });
    expect(error.variable).toBe('TOKEN_SIGNING_KEY');
    expect(error.message).toContain('at least 32 bytes');
    expect(error.message).not.toContain(key);
  });
});

describe('DATA_DIR and STATIC_DIR checks', () => {
  let root: string;
  let builtApp: string;
  let aFile: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'token-settings-config-'));
    builtApp = path.join(root, 'dist');
    await mkdir(builtApp);
    await writeFile(path.join(builtApp, 'index.html'), '<!DOCTYPE html>');
    aFile = path.join(root, 'a-file');
    await writeFile(aFile, '');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  async function directoryError(config: { dataDir: string } | { staticDir: string }): Promise<ConfigError> {
    const check = 'dataDir' in config ? prepareDataFolder(config.dataDir) : checkStaticDir(config.staticDir);
    const error: unknown = await check.then(
      () => undefined,
      (caught: unknown) => caught,
    );
    if (error instanceof ConfigError) return error;
    throw new Error(`expected a ConfigError, got ${String(error)}`);
  }

  it('creates DATA_DIR, nested, and accepts a built STATIC_DIR', async () => {
    const dataDir = path.join(root, 'new', 'data');
    await prepareDataFolder(dataDir);
    await checkStaticDir(builtApp);
    await expect(writeFile(path.join(dataDir, 'probe'), '')).resolves.toBeUndefined();
  });

  it.each([
    ['is a file', () => aFile, 'exists but is not a directory'],
    ['is inside a file', () => path.join(aFile, 'data'), 'is inside a file, not a directory'],
  ])('names DATA_DIR when it %s', async (_case, dataDir, problem) => {
    const error = await directoryError({ dataDir: dataDir() });
    expect(error.variable).toBe('DATA_DIR');
    expect(error.message).toBe(
      `DATA_DIR must be a directory the server can create and write to, but ${dataDir()} ${problem}. Set DATA_DIR to another folder.`,
    );
  });

  // Permissions do not bind root, who runs the tests in some containers.
  it.skipIf(process.getuid?.() === 0)('names DATA_DIR when it cannot be written to', async () => {
    const readOnly = path.join(root, 'read-only');
    await mkdir(readOnly, { mode: 0o500 });
    try {
      const error = await directoryError({ dataDir: path.join(readOnly, 'data') });
      expect(error.variable).toBe('DATA_DIR');
      expect(error.message).toContain('permission denied');
    } finally {
      await chmod(readOnly, 0o700);
    }
  });

  it.each([
    ['does not exist', () => path.join(root, 'missing'), 'does not exist'],
    ['is a file', () => aFile, 'is not a directory'],
    ['has no index.html', () => root, 'has no index.html'],
  ])('names STATIC_DIR when it %s', async (_case, staticDir, problem) => {
    const error = await directoryError({ staticDir: staticDir() });
    expect(error.variable).toBe('STATIC_DIR');
    expect(error.message).toBe(
      `STATIC_DIR must be a directory holding the built app (index.html), but ${staticDir()} ${problem}. Run npm run build first (npm start does), or set STATIC_DIR to the folder with index.html.`,
    );
  });
});

describe('starting the server with a bad setting', () => {
  let root: string;
  let builtApp: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'token-settings-main-'));
    builtApp = path.join(root, 'dist');
    await mkdir(builtApp);
    await writeFile(path.join(builtApp, 'index.html'), '<!DOCTYPE html>');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  /** Runs `server/main.ts` as `npm run serve` does, with only the given settings, and waits for it to exit. */
  function runMain(settings: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0', DATA_DIR: path.join(root, 'data'), STATIC_DIR: builtApp, ...settings };
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: repoRoot, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // A server that starts despite the bad setting would never exit: stop it, and the assertions fail.
    const timer = setTimeout(() => child.kill(), 20_000);
    return new Promise((resolve) => {
      child.once('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, stderr });
      });
    });
  }

  it.each([
    [{ HOST: 'my host' }, 'Configuration error: HOST must be an IP address'],
    [{ TRUST_PROXY: 'maybe' }, 'Configuration error: TRUST_PROXY must be true or false, got "maybe"'],
    [{ TOKEN_BACKEND: 'hcp' }, 'Configuration error: TOKEN_BACKEND must be terrakube or tfe (default terrakube), got "hcp"'],
    [{ STATIC_DIR: '/nonexistent/dist' }, 'Configuration error: STATIC_DIR must be a directory holding the built app (index.html), but /nonexistent/dist does not exist.'],
    [{ DATA_DIR: '/dev/null/data' }, 'Configuration error: DATA_DIR must be a directory the server can create and write to, but /dev/null/data is inside a file'],
    [{ HOST: '192.0.2.1' }, 'Configuration error: HOST 192.0.2.1 is not an address of this machine.'],
    [{ CORS_ORIGINS: 'https://ui.example.com/app' }, 'Configuration error: CORS_ORIGINS must be a comma-separated list of http(s) origins'],
    [{ TERRAKUBE_VERSION: 'v'.repeat(41) }, 'Configuration error: TERRAKUBE_VERSION must be 1 to 40 printable ASCII characters'],
  ])('exits with code 1 and names the variable: %o', async (settings, message) => {
    const { code, stderr } = await runMain(settings);
    expect(stderr).toContain(message);
    expect(code).toBe(1);
  });
});
