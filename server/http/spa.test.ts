import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../app';
import type { Config } from '../config';
import { PRODUCT_VERSION } from './envConfig';
import { BACKENDS, createTestStorage, startTestServer, type TestStorage, useTestServer } from '../test/testServer';

/** Runs `/env-config.js` as the browser does and answers `window._env_`. */
async function envConfigOf(url: string): Promise<Record<string, string> | undefined> {
  const response = await fetch(`${url}/env-config.js`);
  const window: { _env_?: Record<string, string> } = {};
  new Function('window', await response.text())(window);
  return window._env_;
}

describe('serving the app', () => {
  const server = useTestServer(BACKENDS[0]!);

  it('serves /env-config.js with Terrakube’s variable names, uncached', async () => {
    const response = await fetch(`${server.url}/env-config.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('javascript');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const window: { _env_?: Record<string, string> } = {};
    new Function('window', await response.text())(window);
    expect(window._env_).toEqual({
      REACT_APP_TERRAKUBE_API_URL: `${server.url}/api/v1/`,
      REACT_APP_AUTHORITY: `${server.url}/oidc`,
      REACT_APP_CLIENT_ID: 'token-settings',
      REACT_APP_REDIRECT_URI: `${server.url}/`,
      REACT_APP_SCOPE: 'email openid profile offline_access groups',
      REACT_APP_TOKEN_BACKEND: 'terrakube',
      REACT_APP_TERRAKUBE_VERSION: PRODUCT_VERSION,
    });
  });

  it.each(['/', '/settings/tokens', '/organizations/abc/settings/teams/def'])(
    'answers the client route %s with index.html',
    async (route) => {
      const response = await fetch(`${server.url}${route}`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>Token settings app</title>');
    },
  );

  it('does not answer API paths or non-HTML requests with the app', async () => {
    const api = await fetch(`${server.url}/api/v1/nothing`, { headers: { accept: 'text/html' } });
    expect(api.status).toBe(401);
    const script = await fetch(`${server.url}/missing.js`, { headers: { accept: 'application/javascript' } });
    expect(script.status).toBe(404);
    expect(await script.json()).toEqual({ error: 'Not Found', message: expect.any(String) });
  });

  it('sends the bundles gzip-compressed and cacheable for good', async () => {
    const bundle = `export const rows = [${'"a token row",'.repeat(500)}];\n`;
    await mkdir(path.join(server.storage.staticDir, 'assets'), { recursive: true });
    await writeFile(path.join(server.storage.staticDir, 'assets', 'index-abc123.js'), bundle);
    const response = await fetch(`${server.url}/assets/index-abc123.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('cache-control')).toContain('immutable');
    expect(await response.text()).toBe(bundle);
  });

  it('says to run npm run build when the app is not built', async () => {
    await rm(path.join(server.storage.staticDir, 'index.html'));
    const response = await fetch(`${server.url}/settings/tokens`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build');
  });
});

describe.each<[string, Partial<Config>, (url: string) => Record<string, string>]>([
  [
    'TOKEN_BACKEND=tfe',
    { tokenBackend: 'tfe' },
    (url) => ({
      REACT_APP_TOKEN_BACKEND: 'tfe',
      REACT_APP_TFE_API_URL: `${url}/api/v2/`,
      REACT_APP_TFE_TEAM_TOKENS: 'multiple',
      REACT_APP_AUTHORITY: `${url}/oidc`,
      REACT_APP_CLIENT_ID: 'token-settings',
      REACT_APP_REDIRECT_URI: `${url}/`,
      REACT_APP_SCOPE: 'email openid profile offline_access groups',
    }),
  ],
  [
    'TOKEN_BACKEND=tfe TFE_TEAM_TOKENS=single TFE_SIGN_IN=token',
    { tokenBackend: 'tfe', tfeTeamTokens: 'single', tfeSignIn: 'token' },
    (url) => ({ REACT_APP_TOKEN_BACKEND: 'tfe', REACT_APP_TFE_API_URL: `${url}/api/v2/`, REACT_APP_TFE_TEAM_TOKENS: 'single' }),
  ],
])('/env-config.js with %s', (_name, flavor, expected) => {
  let storage: TestStorage;
  let server: RunningServer;

  beforeAll(async () => {
    storage = await createTestStorage();
    server = await startTestServer(storage, undefined, flavor);
  });
  afterAll(async () => {
    await server?.close();
    await storage?.cleanup();
  });

  it('points the app at /api/v2, leaves the organization to the person, and signs in as configured', async () => {
    expect(await envConfigOf(server.url)).toEqual(expected(server.url));
  });

  it('still serves both APIs', async () => {
    expect((await fetch(`${server.url}/api/v2/account/details`)).status).toBe(401);
    expect((await fetch(`${server.url}/pat/v1`)).status).toBe(401);
  });
});
