import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config';
import { BACKENDS, useTestServer } from '../test/testServer';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Runs `/env-config.js` as the browser does and answers `window._env_`, with the answer's CSP. */
async function envConfigOf(url: string): Promise<{ env: Record<string, string>; policy: string }> {
  const response = await fetch(`${url}/env-config.js`);
  const window: { _env_?: Record<string, string> } = {};
  new Function('window', await response.text())(window);
  return { env: window._env_ ?? {}, policy: response.headers.get('content-security-policy') ?? '' };
}

function versionError(value: string): ConfigError {
  try {
    loadConfig({ TERRAKUBE_VERSION: value });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`expected TERRAKUBE_VERSION=${JSON.stringify(value)} to be refused`);
}

describe('TERRAKUBE_VERSION', () => {
  it.each([
    ['v2.22.0', 'v2.22.0'],
    [' 2.22.0-rc.1+build.7 ', '2.22.0-rc.1+build.7'],
    ['x'.repeat(40), 'x'.repeat(40)],
    ['Terrakube (self-hosted) #12', 'Terrakube (self-hosted) #12'],
    ['', undefined],
  ])('reads %j as %j', (value, version) => {
    expect(loadConfig({ TERRAKUBE_VERSION: value }).terrakubeVersion).toBe(version);
  });

  it.each(['x'.repeat(41), 'v2\u0007', 'v2\nv3', 'v2\u202e1', 'v2.22.0\u200b', 'vé2'])('refuses %j, showing it escaped', (value) => {
    const error = versionError(value);
    expect(error.variable).toBe('TERRAKUBE_VERSION');
    expect(error.message).toBe(
      `TERRAKUBE_VERSION must be 1 to 40 printable ASCII characters (letters, digits, spaces, punctuation) such as v2.22.0, got ${JSON.stringify(value)}`,
    );
  });
});

describe('/env-config.js without TERRAKUBE_VERSION', () => {
  const server = useTestServer(BACKENDS[0]!);

  it('gives Terrakube’s UI this product’s version from package.json, prefixed v', async () => {
    const { version } = JSON.parse(await readFile(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect((await envConfigOf(server.url)).env.REACT_APP_TERRAKUBE_VERSION).toBe(`v${version}`);
  });
});

describe('/env-config.js with TERRAKUBE_VERSION', () => {
  // A version that looks like a URL is still only text: the app's CSP does not let it connect there.
  const server = useTestServer(BACKENDS[0]!, { terrakubeVersion: 'https://elsewhere.example' });

  it('gives Terrakube’s UI the configured version, as text only', async () => {
    const { env, policy } = await envConfigOf(server.url);
    expect(env.REACT_APP_TERRAKUBE_VERSION).toBe('https://elsewhere.example');
    expect(policy).toContain(`connect-src 'self' ${server.url};`);
    expect(policy).not.toContain('elsewhere.example');
  });
});

describe('/env-config.js with TERRAKUBE_VERSION in the tfe flavor', () => {
  const server = useTestServer(BACKENDS[0]!, { terrakubeVersion: 'v2.22.0', tokenBackend: 'tfe' });

  it('leaves the Terrakube version out: HCP Terraform’s app has no use for it', async () => {
    expect((await envConfigOf(server.url)).env).not.toHaveProperty('REACT_APP_TERRAKUBE_VERSION');
  });
});
