import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import vm from 'node:vm';
import { expect, test, type APIResponse } from '@playwright/test';
import { NGINX, renderSettings } from './nginxServer';
import { nginxE2eUrls } from './servers';

const { nginx, api } = nginxE2eUrls('terrakube');

/** The policy's directives by name, each with its sources. */
function directivesOf(policy: string | undefined): Map<string, string> {
  return new Map((policy ?? '').split(';').map((directive) => {
    const [name = '', ...sources] = directive.trim().split(/\s+/);
    return [name, sources.join(' ')] as const;
  }));
}

/** The security headers both servers send on the app's answers. */
const SECURITY_HEADERS = ['x-frame-options', 'x-content-type-options', 'referrer-policy', 'strict-transport-security'];

/** nginx's security headers are the embedded server's for the same path, connect-src naming the API's origin too. */
async function expectServerHeaders(fromNginx: APIResponse, path: string, request: import('@playwright/test').APIRequestContext) {
  const fromServer = await request.get(`${api}${path}`, { failOnStatusCode: false });
  for (const name of SECURITY_HEADERS) expect(fromNginx.headers()[name], name).toBe(fromServer.headers()[name]);
  const nginxPolicy = directivesOf(fromNginx.headers()['content-security-policy']);
  const serverPolicy = directivesOf(fromServer.headers()['content-security-policy']);
  expect(nginxPolicy.get('connect-src')).toBe(`'self' ${api} ${nginx}`);
  nginxPolicy.delete('connect-src');
  serverPolicy.delete('connect-src');
  expect(nginxPolicy).toEqual(serverPolicy);
}

/** A hashed bundle the build wrote, as index.html names it. */
async function hashedScript(request: import('@playwright/test').APIRequestContext): Promise<string> {
  const html = await (await request.get(`${nginx}/index.html`)).text();
  const path = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  if (!path) throw new Error(`index.html names no /assets/ script:\n${html}`);
  return path;
}

test.describe('the image’s nginx', () => {
  test('client routes get index.html, never cached; index.html itself too', async ({ request }) => {
    const index = await request.get(`${nginx}/index.html`);
    expect(index.headers()['cache-control']).toBe('no-cache');
    for (const path of ['/', '/settings/tokens', '/organizations/d9b58bd3-f3fc-4056-a026-1163297e80a8/settings/teams', '/no/such/page?x=1']) {
      const answer = await request.get(`${nginx}${path}`);
      expect(answer.status(), path).toBe(200);
      expect(answer.headers()['content-type']).toMatch(/^text\/html/);
      expect(answer.headers()['cache-control']).toBe('no-cache');
      expect(await answer.text()).toBe(await index.text());
      await expectServerHeaders(answer, path, request);
    }
  });

  test('a hashed bundle is cached for a year, gzipped; a missing one is a 404, not index.html, and not cached', async ({ request }) => {
    const script = await hashedScript(request);
    const bundle = await request.get(`${nginx}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(bundle.status()).toBe(200);
    expect(bundle.headers()['content-type']).toMatch(/^application\/javascript/);
    expect(bundle.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(bundle.headers()['content-encoding']).toBe('gzip');
    expect(bundle.headers()['vary']).toBe('Accept-Encoding');
    await expectServerHeaders(bundle, script, request);

    const plain = await request.get(`${nginx}${script}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers()['content-encoding']).toBeUndefined();
    expect(await plain.text()).toBe(await bundle.text());

    for (const path of ['/assets/missing-0123abcd.js', '/assets/', '/assets/../assets/missing.css']) {
      const missing = await request.get(`${nginx}${path}`, { failOnStatusCode: false });
      expect(missing.status(), path).toBe(404);
      expect(await missing.text()).not.toContain('<div id="root">');
      expect(missing.headers()['cache-control']).toBeUndefined();
      expect(missing.headers()['x-content-type-options']).toBe('nosniff');
    }
  });

  test('/env-config.js is the entrypoint’s, never cached', async ({ request }) => {
    const config = await request.get(`${nginx}/env-config.js`);
    expect(config.headers()['content-type']).toMatch(/^application\/javascript/);
    expect(config.headers()['cache-control']).toBe('no-store');
    await expectServerHeaders(config, '/env-config.js', request);
    const window: { _env_?: Record<string, string> } = {};
    vm.runInNewContext(await config.text(), { window });
    expect(window._env_).toEqual({
      REACT_APP_AUTHORITY: `${api}/oidc`,
      REACT_APP_CLIENT_ID: 'token-settings',
      REACT_APP_REDIRECT_URI: `${nginx}/`,
      REACT_APP_SCOPE: 'email openid profile offline_access groups',
      REACT_APP_TERRAKUBE_API_URL: `${api}/api/v1/`,
      REACT_APP_TOKEN_BACKEND: 'terrakube',
    });
  });

  test('names no version of itself, and serves no file outside the build', async ({ request }) => {
    const answer = await request.get(`${nginx}/`);
    expect(answer.headers()['server']).toBe('nginx');
    for (const path of ['/nginx.conf', '/../nginx.conf', '/runtime/env-config.js', '/%2e%2e/nginx.conf']) {
      const outside = await request.get(`${nginx}${path}`, { failOnStatusCode: false });
      expect(await outside.text(), path).not.toContain('worker_processes');
      expect(await outside.text(), path).not.toContain('REACT_APP_');
    }
  });

  test('takes the settings for an https Terraform Enterprise behind a path prefix', () => {
    const dir = mkdtempSync(join(tmpdir(), 'token-settings-nginx-'));
    try {
      const settings = { REACT_APP_TOKEN_BACKEND: 'tfe', REACT_APP_TFE_API_URL: '/tfe/api/v2/', TFE_PROXY_URL: 'https://127.0.0.1:9443', HTML_DIR: resolve('dist') };
      expect(renderSettings(dir, settings).status).toBe(0);
      const user = process.getuid?.() === 0 ? 'user root;' : '';
      const checked = spawnSync(NGINX, ['-t', '-p', `${dir}/`, '-c', join(dir, 'nginx.conf'), '-e', 'stderr', '-g', user], {
        encoding: 'utf8',
        // The access log opens /dev/stdout, which cannot be a socket.
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      expect(checked.status, checked.stderr).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
