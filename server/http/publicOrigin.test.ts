import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../app';
import { freePort } from '../test/freePort';
import { rawRequest, rawSignIn, type RawResponse } from '../test/rawHttp';
import { signIn } from '../test/signIn';
import { BACKENDS, createTestStorage, startTestServer, type TestStorage, useTestServer } from '../test/testServer';

const HOSTILE = 'evil.example';

/** Ways a client can name another host than this server's. */
const HOSTILE_HEADERS: [string, Record<string, string>][] = [
  ['a Host header', { host: HOSTILE }],
  ['X-Forwarded-Host/Proto', { 'x-forwarded-host': HOSTILE, 'x-forwarded-proto': 'https' }],
  ['a Forwarded header', { forwarded: `host=${HOSTILE};proto=https` }],
  ['all of them', { host: HOSTILE, 'x-forwarded-host': HOSTILE, 'x-forwarded-proto': 'https', forwarded: `host=${HOSTILE}` }],
];

/** Where the request names the host: its headers, or its target in absolute form (`GET http://evil.example/…`). */
const HOSTILE_REQUESTS = [
  ...HOSTILE_HEADERS.map(([name, headers]) => ({ name, headers, absolute: false })),
  { name: 'an absolute-form target', headers: {}, absolute: true },
  { name: 'an absolute-form target and a Host header', headers: { host: HOSTILE }, absolute: true },
];

/** Every URL the server wrote into an answer: the Location header and any http(s) URL in the body. */
function urlsIn(response: RawResponse): string[] {
  const inBody = response.body.match(/https?:\/\/[^"'\s<>\\]+/g) ?? [];
  return [...(response.headers.location ? [String(response.headers.location)] : []), ...inBody];
}

function expectOnlyPublicUrls(response: RawResponse, publicUrl: string) {
  expect(response.status).toBeLessThan(500);
  expect(JSON.stringify(response.headers)).not.toContain(HOSTILE);
  expect(response.body).not.toContain(HOSTILE);
  for (const url of urlsIn(response).filter((url) => url.startsWith('http'))) {
    if (url.startsWith('http://www.w3.org')) continue;
    expect(url.startsWith(`${publicUrl}/`) || url === publicUrl, url).toBe(true);
  }
}

describe('absolute URLs come from the public URL, whatever host the client names', () => {
  let storage: TestStorage;
  let server: RunningServer;
  let token: string;

  beforeAll(async () => {
    storage = await createTestStorage();
    server = await startTestServer(storage, undefined, { tokenBackend: 'tfe' });
    token = (await signIn(server.url, 'admin@example.com')).accessToken;
  });
  afterAll(async () => {
    await server?.close();
    await storage?.cleanup();
  });

  const send = (path: string, request: (typeof HOSTILE_REQUESTS)[number], headers: Record<string, string> = {}) =>
    rawRequest(server.url, { path: request.absolute ? `http://${HOSTILE}${path}` : path, headers: { ...headers, ...request.headers } });

  describe.each(HOSTILE_REQUESTS)('with $name', (request) => {
    it.each([
      '/oidc/.well-known/openid-configuration',
      '/oidc/jwks',
      '/env-config.js',
      '/oidc/auth?client_id=token-settings',
      '/oidc/session/end',
    ])('in %s', async (path) => {
      expectOnlyPublicUrls(await send(path, request), server.url);
    });

    it('in the /api/v2 pagination links', async () => {
      const response = await send('/api/v2/organizations?page%5Bsize%5D=1', request, { authorization: `Bearer ${token}` });
      expect(response.status).toBe(200);
      expect(JSON.parse(response.body)).toHaveProperty('links.self');
      expectOnlyPublicUrls(response, server.url);
    });

    it('in every redirect of signing in', async () => {
      const responses = await rawSignIn(server.url, { headers: request.headers, absoluteHost: request.absolute ? HOSTILE : undefined });
      expect(responses.map((response) => response.status)).toEqual([303, 200, 303, 303]);
      for (const response of responses) expectOnlyPublicUrls(response, server.url);
      expect(String(responses.at(-1)!.headers.location)).toMatch(new RegExp(`^${server.url}/\\?code=`));
    });
  });

  it('refuses a target that is neither a path nor a URL', async () => {
    const response = await rawRequest(server.url, { path: 'http://a:99999/oidc/jwks' });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toEqual({ error: 'Bad Request', message: expect.any(String) });
  });
});

describe('with TRUST_PROXY=true and no PUBLIC_URL', () => {
  const server = useTestServer(BACKENDS[0]!, { trustProxy: true });

  it('the proxy’s X-Forwarded-Host/Proto decide, not an absolute-form target', async () => {
    const response = await rawRequest(server.url, {
      path: `http://${HOSTILE}/oidc/.well-known/openid-configuration`,
      headers: { 'x-forwarded-host': 'tokens.example.com', 'x-forwarded-proto': 'https' },
    });
    const discovery = JSON.parse(response.body) as Record<string, string>;
    expect(discovery.token_endpoint).toBe('https://tokens.example.com/oidc/token');
    expect(discovery.jwks_uri).toBe('https://tokens.example.com/oidc/jwks');
  });
});

describe('with TRUST_PROXY=true and PUBLIC_URL, behind a proxy that passes the client’s Host on', () => {
  const publicUrl = 'https://tokens.example.com';
  let storage: TestStorage;
  let bound: string;
  let server: RunningServer;

  beforeAll(async () => {
    storage = await createTestStorage();
    const port = await freePort();
    bound = `http://127.0.0.1:${port}`;
    server = await startTestServer(storage, undefined, { port, publicUrl, trustProxy: true, tokenBackend: 'tfe' });
  });
  afterAll(async () => {
    await server?.close();
    await storage?.cleanup();
  });

  /** What such a proxy sends: the client's Host, and X-Forwarded-* that may name any host or protocol. */
  const PROXIED: [string, Record<string, string>][] = [
    ['a hostile Host', { host: HOSTILE, 'x-forwarded-for': '203.0.113.7' }],
    ['a hostile X-Forwarded-Host', { host: HOSTILE, 'x-forwarded-host': HOSTILE, 'x-forwarded-proto': 'https' }],
    ['X-Forwarded-Proto: http', { host: HOSTILE, 'x-forwarded-host': HOSTILE, 'x-forwarded-proto': 'http' }],
  ];

  describe.each(PROXIED)('with %s', (_name, headers) => {
    it.each(['/oidc/.well-known/openid-configuration', '/env-config.js', '/oidc/auth?client_id=token-settings', '/oidc/session/end'])(
      'in %s',
      async (path) => {
        expectOnlyPublicUrls(await rawRequest(bound, { path, headers }), publicUrl);
      },
    );

    it('in every redirect of signing in, with Secure cookies', async () => {
      const responses = await rawSignIn(bound, { publicUrl, headers });
      expect(responses.map((response) => response.status)).toEqual([303, 200, 303, 303]);
      for (const response of responses) expectOnlyPublicUrls(response, publicUrl);
      const cookies = responses.flatMap((response) => response.headers['set-cookie'] ?? []);
      expect(cookies.length).toBeGreaterThan(0);
      for (const cookie of cookies) expect(cookie.toLowerCase()).toContain('; secure');
      expect(String(responses.at(-1)!.headers.location)).toMatch(new RegExp(`^${publicUrl}/\\?code=`));
    });
  });
});
