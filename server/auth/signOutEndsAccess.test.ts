import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../app';
import { call } from '../test/api';
import { freePort } from '../test/freePort';
import { OidcBrowser, type OidcTokens } from '../test/signIn';
import { signOut } from '../test/signOut';
import { callV2 } from '../test/tfeApi';
import { BACKENDS, createTestStorage, SKIP_POSTGRES_REASON, testConfig, type TestStorage } from '../test/testServer';

/** The status every API surface answers for `token`: the Terrakube token API, its JSON:API, and `/api/v2`. */
async function statusesAt(url: string, token: string): Promise<number[]> {
  return [
    (await call(url, 'GET', '/pat/v1', { token })).status,
    (await call(url, 'GET', '/access-token/v1/teams', { token })).status,
    (await call(url, 'GET', '/api/v1/organization', { token })).status,
    (await callV2(url, 'GET', '/account/details', { token })).status,
  ];
}

const WORKING = [202, 202, 200, 200];
const REFUSED = [401, 401, 401, 401];

async function signedInBrowser(url: string, email = 'admin@example.com'): Promise<{ browser: OidcBrowser; tokens: OidcTokens }> {
  const browser = new OidcBrowser(url);
  const { action } = await browser.openSignInPage();
  const tokens = await browser.finishSignIn(await browser.submitSignIn(action, email, email.split('@')[0]!));
  return { browser, tokens };
}

/** Signs out as the app does, and checks the provider sent the browser back to the app. */
async function signOutToApp(browser: OidcBrowser, idToken: string): Promise<void> {
  const { confirmed } = await signOut(browser, idToken);
  expect(confirmed.status).toBe(303);
  expect(confirmed.headers.get('location')).toBe(browser.redirectUri);
}

function revoke(url: string, token: string): Promise<Response> {
  return fetch(`${url}/oidc/token/revocation`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: 'token-settings', token }).toString(),
  });
}

describe.each(BACKENDS)('what ends an access token on $name', (backend) => {
  if (!backend.available) {
    it.skip(SKIP_POSTGRES_REASON, () => {});
    return;
  }

  let storage: TestStorage;
  let server: RunningServer;
  let url: string;

  beforeAll(async () => {
    storage = await createTestStorage(backend);
    server = await startServer(testConfig(storage));
    url = server.url;
  });
  afterAll(async () => {
    await server?.close();
    await storage?.cleanup();
  });

  it('signing out ends the access token and the refresh token at every API surface', async () => {
    const { browser, tokens } = await signedInBrowser(url);
    expect(await statusesAt(url, tokens.accessToken)).toEqual(WORKING);
    await signOutToApp(browser, tokens.idToken);
    expect(await statusesAt(url, tokens.accessToken)).toEqual(REFUSED);
    await expect(browser.refresh(tokens.refreshToken!)).rejects.toThrow(/invalid_grant/);
  });

  it('revoking the access token ends it, and its refresh token with it', async () => {
    const { browser, tokens } = await signedInBrowser(url);
    expect(await statusesAt(url, tokens.accessToken)).toEqual(WORKING);
    expect((await revoke(url, tokens.accessToken)).status).toBe(200);
    expect(await statusesAt(url, tokens.accessToken)).toEqual(REFUSED);
    await expect(browser.refresh(tokens.refreshToken!)).rejects.toThrow(/invalid_grant/);
  });

  it('revoking the refresh token ends the access tokens of its sign-in', async () => {
    const { browser, tokens } = await signedInBrowser(url);
    const renewed = await browser.refresh(tokens.refreshToken!);
    expect(await statusesAt(url, renewed.accessToken)).toEqual(WORKING);
    expect((await revoke(url, renewed.refreshToken!)).status).toBe(200);
    expect(await statusesAt(url, tokens.accessToken)).toEqual(REFUSED);
    expect(await statusesAt(url, renewed.accessToken)).toEqual(REFUSED);
  });

  it('a replayed authorization code ends the access token it was first exchanged for', async () => {
    const browser = new OidcBrowser(url);
    const { action } = await browser.openSignInPage();
    const code = await browser.authorizationCode(await browser.submitSignIn(action, 'aws@example.com', 'aws'));
    const tokens = await browser.exchangeCode(code);
    expect(await statusesAt(url, tokens.accessToken)).toEqual(WORKING);
    await expect(browser.exchangeCode(code)).rejects.toThrow(/invalid_grant/);
    expect(await statusesAt(url, tokens.accessToken)).toEqual(REFUSED);
  });

  it('ending one sign-in leaves the same person’s other sign-in working', async () => {
    const first = await signedInBrowser(url);
    const second = await signedInBrowser(url);
    await signOutToApp(first.browser, first.tokens.idToken);
    expect(await statusesAt(url, first.tokens.accessToken)).toEqual(REFUSED);
    expect(await statusesAt(url, second.tokens.accessToken)).toEqual(WORKING);
  });

  it('revoking a token of no sign-in, or a forged one, changes nothing and answers 200 as RFC 7009 asks', async () => {
    const { tokens } = await signedInBrowser(url);
    const [header, payload] = tokens.accessToken.split('.');
    for (const token of ['not-a-token', `${header}.${payload}.AAAA`, `${tokens.accessToken}x`]) {
      expect((await revoke(url, token)).status).toBe(200);
    }
    expect(await statusesAt(url, tokens.accessToken)).toEqual(WORKING);
  });
});

describe('what ends an access token, with two servers on one PostgreSQL', () => {
  if (!BACKENDS[1]!.available) {
    it.skip(SKIP_POSTGRES_REASON, () => {});
    return;
  }

  let storage: TestStorage;
  let first: RunningServer | undefined;
  let second: RunningServer | undefined;
  let secondUrl: string;

  beforeAll(async () => {
    storage = await createTestStorage(BACKENDS[1]);
    first = await startServer(testConfig(storage));
    // One public URL, as behind a load balancer: the second server serves the same issuer from its own port.
    const port = await freePort();
    second = await startServer(testConfig(storage, { port, publicUrl: first.url }));
    secondUrl = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await storage?.cleanup();
  });

  it('a sign-out or a revocation at one server is refused at the other at once', async () => {
    const url = first!.url;
    const signedOut = await signedInBrowser(url);
    const revoked = await signedInBrowser(url);
    expect(await statusesAt(secondUrl, signedOut.tokens.accessToken)).toEqual(WORKING);
    expect(await statusesAt(secondUrl, revoked.tokens.accessToken)).toEqual(WORKING);
    await signOutToApp(signedOut.browser, signedOut.tokens.idToken);
    expect((await revoke(url, revoked.tokens.accessToken)).status).toBe(200);
    expect(await statusesAt(secondUrl, signedOut.tokens.accessToken)).toEqual(REFUSED);
    expect(await statusesAt(secondUrl, revoked.tokens.accessToken)).toEqual(REFUSED);
  });
});
