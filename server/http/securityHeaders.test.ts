import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../app';
import { generatePat } from '../test/api';
import { OidcBrowser, signIn } from '../test/signIn';
import { API_POLICY, directivesOf } from '../test/contentSecurityPolicy';
import { createTestStorage, startTestServer, type TestStorage } from '../test/testServer';

type Kind = 'app' | 'page' | 'api';

interface Route {
  name: string;
  kind: Kind;
  /** Whether the answer carries a secret or a token: never to be stored by a cache. */
  secret: boolean;
  /** A token list: kept by the browser only to revalidate it (ETag, 304), never by a shared cache. */
  tokenList?: boolean;
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
  { name: 'the token list (/pat/v1)', kind: 'api', secret: false, tokenList: true, send: (url, token) => fetch(`${url}/pat/v1`, { headers: bearer(token) }) },
  {
    name: 'a team’s tokens (/access-token/v1)',
    kind: 'api',
    secret: true,
    send: (url, token) => fetch(`${url}/access-token/v1/teams/AWS_DEVELOPERS`, { headers: bearer(token) }),
  },
  { name: '/api/v1', kind: 'api', secret: true, send: (url, token) => fetch(`${url}/api/v1/organization`, { headers: bearer(token) }) },
  {
    name: '/graphql/api/v1',
    kind: 'api',
    secret: true,
    send: (url, token) =>
      fetch(`${url}/graphql/api/v1`, { method: 'POST', headers: { ...bearer(token), 'content-type': 'application/json' }, body: '{"query":"{ organization { edges { node { id } } } }"}' }),
  },
  { name: '/api/v2', kind: 'api', secret: true, send: (url, token) => fetch(`${url}/api/v2/account/details`, { headers: bearer(token) }) },
  { name: 'an unauthenticated API call', kind: 'api', secret: true, send: (url) => fetch(`${url}/pat/v1`) },
  // Express routes paths in any case: so does the choice of headers.
  { name: '/PAT/v1', kind: 'api', secret: false, tokenList: true, send: (url, token) => fetch(`${url}/PAT/v1`, { headers: bearer(token) }) },
  { name: '/API/v2', kind: 'api', secret: true, send: (url, token) => fetch(`${url}/API/v2/account/details`, { headers: bearer(token) }) },
  { name: '/Api/V1', kind: 'api', secret: true, send: (url, token) => fetch(`${url}/Api/V1/organization`, { headers: bearer(token) }) },
  {
    name: '/OIDC/interaction/… (the sign-in page)',
    kind: 'page',
    secret: true,
    send: async (url) => {
      const browser = new OidcBrowser(url);
      const { action } = await browser.openSignInPage();
      return browser.request(action.replace(/^\/oidc/, '/OIDC').replace(/\/login$/, ''));
    },
  },
  { name: '/OIDC/jwks', kind: 'page', secret: false, send: (url) => fetch(`${url}/OIDC/jwks`) },
];

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
      if (route.kind === 'api') expect(response.headers.get('content-security-policy')).toBe(API_POLICY);
      if (route.kind === 'page') expect(policy.get('script-src')?.every((source) => source.startsWith("'sha256-"))).toBe(true);
    });

    it.skipIf(!route.secret)('is never stored by a cache', () => {
      expect(response.headers.get('cache-control')).toContain('no-store');
    });

    it.skipIf(!route.tokenList)('is kept by the browser only to revalidate it, per Authorization', () => {
      expect(response.headers.get('cache-control')).toBe('private, no-cache');
      expect(response.headers.get('vary')).toContain('Authorization');
      expect(response.headers.get('etag')).toMatch(/^"[^"]+"$/);
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
});
