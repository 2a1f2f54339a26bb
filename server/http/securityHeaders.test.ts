import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../app';
import { generatePat } from '../test/api';
import { freePort } from '../test/freePort';
import { rawRequest } from '../test/rawHttp';
import { OidcBrowser, signIn } from '../test/signIn';
import { signOut } from '../test/signOut';
import { createTestStorage, startTestServer, type TestStorage } from '../test/testServer';

type Kind = 'app' | 'page' | 'api';

interface Route {
  name: string;
  kind: Kind;
  /** Whether the answer carries a secret, a token or a token list: never to be stored by a cache. */
  secret: boolean;
  send(url: string, token: string): Promise<Response>;
}

const html = { accept: 'text/html' };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

const ROUTES: Route[] = [
  { name: 'a client route of the app', kind: 'app', secret: false, send: (url) => fetch(`${url}/settings/tokens`, { headers: html }) },
  { name: 'the index', kind: 'app', secret: false, send: (url) => fetch(`${url}/`, { headers: html }) },
  { name: 'a hashed asset', kind: 'app', secret: false, send: (url) => fetch(`${url}/assets/index-abc123.js`) },
  { name: 'a missing asset', kind: 'app', secret: false, send: (url) => fetch(`${url}/assets/index-gone456.js`, { headers: html }) },
  { name: '/env-config.js', kind: 'app', secret: false, send: (url) => fetch(`${url}/env-config.js`) },
  { name: 'the sign-in page', kind: 'page', secret: true, send: async (url) => (await new OidcBrowser(url).openSignInPage()).response },
  { name: 'discovery', kind: 'page', secret: false, send: (url) => fetch(`${url}/oidc/.well-known/openid-configuration`) },
  {
    name: 'the provider’s token endpoint',
    kind: 'page',
    secret: true,
    send: (url) =>
      fetch(`${url}/oidc/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=authorization_code&code=unknown&client_id=token-settings',
      }),
  },
  { name: 'the token list (/pat/v1)', kind: 'api', secret: true, send: (url, token) => fetch(`${url}/pat/v1`, { headers: bearer(token) }) },
  {
    name: 'a team’s tokens (/access-token/v1)',
    kind: 'api',
    secret: true,
    send: (url, token) => fetch(`${url}/access-token/v1/teams/AWS_DEVELOPERS`, { headers: bearer(token) }),
  },
  { name: '/api/v1', kind: 'api', secret: true, send: (url, token) => fetch(`${url}/api/v1/organization`, { headers: bearer(token) }) },
  { name: '/api/v2', kind: 'api', secret: true, send: (url, token) => fetch(`${url}/api/v2/account/details`, { headers: bearer(token) }) },
  { name: 'an unauthenticated API call', kind: 'api', secret: true, send: (url) => fetch(`${url}/pat/v1`) },
];

/** The directives of a Content-Security-Policy header, by name. */
function directivesOf(policy: string | null): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const directive of (policy ?? '').split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** Every inline `<script>` and `<style>` of a page must be allowed by its policy by hash, not by 'unsafe-inline'. */
function expectInlineCodeAllowed(page: string, policy: string | null) {
  const directives = directivesOf(policy);
  for (const [tag, directive] of [['script', 'script-src'], ['style', 'style-src']] as const) {
    const sources = directives.get(directive) ?? [];
    expect(sources).not.toContain("'unsafe-inline'");
    for (const [, code] of page.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))) {
      expect(sources, `${directive} allows an inline ${tag}`).toContain(sha256(code!));
    }
  }
}

describe('security headers', () => {
  let storage: TestStorage;
  let server: RunningServer;
  let token: string;

  beforeAll(async () => {
    storage = await createTestStorage();
    await mkdir(path.join(storage.staticDir, 'assets'));
    await writeFile(path.join(storage.staticDir, 'assets', 'index-abc123.js'), 'export {};\n');
    server = await startTestServer(storage);
    token = (await signIn(server.url, 'admin@example.com')).accessToken;
    await generatePat(server.url, token);
  });
  afterAll(async () => {
    await server?.close();
    await storage?.cleanup();
  });

  describe.each(ROUTES)('$name', (route) => {
    let response: Response;
    beforeAll(async () => {
      response = await route.send(server.url, token);
    });

    it('cannot be framed, sniffed or leak its URL as a referrer', () => {
      const policy = directivesOf(response.headers.get('content-security-policy'));
      expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      // Plain http: HSTS would be ignored, and would break a server that is never reached over https.
      expect(response.headers.get('strict-transport-security')).toBeNull();
    });

    it(`runs no script but its own${route.kind === 'app' ? ' bundles' : ''}`, () => {
      const policy = directivesOf(response.headers.get('content-security-policy'));
      const scripts = policy.get('script-src') ?? policy.get('default-src');
      expect(scripts).toBeDefined();
      expect(scripts).not.toContain("'unsafe-inline'");
      expect(scripts).not.toContain("'unsafe-eval'");
      expect(policy.get('object-src') ?? policy.get('default-src')).toEqual(["'none'"]);
      if (route.kind === 'app') expect(policy.get('script-src')).toEqual(["'self'"]);
    });

    it.skipIf(!route.secret)('is never stored by a cache', () => {
      expect(response.headers.get('cache-control')).toContain('no-store');
    });
  });

  it('answers a missing asset with a 404, not the app', async () => {
    const response = await fetch(`${server.url}/assets/index-gone456.js`, { headers: html });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).not.toContain('html');
    expect(await response.text()).not.toContain('<title>Token settings app</title>');
  });

  it('keeps hashed assets cacheable for good', async () => {
    const response = await fetch(`${server.url}/assets/index-abc123.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('immutable');
  });

  it('lets the app reach its API and provider and nothing else', async () => {
    const response = await fetch(`${server.url}/`, { headers: html });
    const policy = directivesOf(response.headers.get('content-security-policy'));
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('connect-src')).toEqual(["'self'", new URL(server.url).origin]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
  });

  it('allows the sign-in page’s inline style by hash, and its form to post back only', async () => {
    const { response, html: page } = await new OidcBrowser(server.url).openSignInPage();
    expectInlineCodeAllowed(page, response.headers.get('content-security-policy'));
    const policy = directivesOf(response.headers.get('content-security-policy'));
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'self'", new URL(server.url).origin]);
  });

  it('allows the sign-out page’s inline script by hash, and signing out still ends at the app', async () => {
    const browser = new OidcBrowser(server.url);
    const { action } = await browser.openSignInPage();
    const { idToken } = await browser.finishSignIn(await browser.submitSignIn(action, 'admin@example.com', 'admin'));
    const { page: signOutPage, html: page, confirmed } = await signOut(browser, idToken);
    expect(signOutPage.status).toBe(200);
    expect(page).toContain('<script>');
    expectInlineCodeAllowed(page, signOutPage.headers.get('content-security-policy'));
    expect(signOutPage.headers.get('cache-control')).toContain('no-store');
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe(`${server.url}/`);
  });

  it('answers the app-not-built page with the strict page policy', async () => {
    await rm(path.join(storage.staticDir, 'index.html'));
    try {
      const response = await fetch(`${server.url}/settings/tokens`, { headers: html });
      expect(response.status).toBe(503);
      expectInlineCodeAllowed(await response.text(), response.headers.get('content-security-policy'));
    } finally {
      await writeFile(path.join(storage.staticDir, 'index.html'), '<!DOCTYPE html><title>Token settings app</title>');
    }
  });
});

describe('security headers with an https PUBLIC_URL', () => {
  let storage: TestStorage;
  let server: RunningServer;
  let bound: string;

  beforeAll(async () => {
    storage = await createTestStorage();
    const port = await freePort();
    bound = `http://127.0.0.1:${port}`;
    server = await startTestServer(storage, undefined, { port, publicUrl: 'https://tokens.example.com' });
  });
  afterAll(async () => {
    await server?.close();
    await storage?.cleanup();
  });

  it.each(['/', '/env-config.js', '/pat/v1', '/oidc/.well-known/openid-configuration'])(
    'tells browsers to use https only, on %s',
    async (route) => {
      const response = await rawRequest(bound, { path: route, headers: html });
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000');
    },
  );

  it('lets the app reach the public origin, whatever host it was loaded from', async () => {
    const response = await rawRequest(bound, { path: '/', headers: html });
    const policy = directivesOf(String(response.headers['content-security-policy']));
    expect(policy.get('connect-src')).toEqual(["'self'", 'https://tokens.example.com']);
  });
});
