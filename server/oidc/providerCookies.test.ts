import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../app';
import { freePort } from '../test/freePort';
import { rawSignIn } from '../test/rawHttp';
import { OidcBrowser } from '../test/signIn';
import { signOut } from '../test/signOut';
import { BACKENDS, createTestStorage, startTestServer, type TestStorage, useTestServer } from '../test/testServer';

const PROVIDER_COOKIES = ['_interaction', '_interaction.sig', '_interaction_resume', '_interaction_resume.sig', '_session', '_session.sig'];

/** An OidcBrowser that keeps every Set-Cookie header it was sent. */
class RecordingBrowser extends OidcBrowser {
  readonly setCookies: string[] = [];

  override async request(url: string, init: RequestInit = {}): Promise<Response> {
    const response = await super.request(url, init);
    this.setCookies.push(...response.headers.getSetCookie());
    return response;
  }
}

/** Each cookie's name with its attributes, lower-cased (`samesite=lax`, `httponly`, `secure`, …). */
function attributesByCookie(setCookies: string[]): Map<string, string[]> {
  const cookies = new Map<string, string[]>();
  for (const header of setCookies) {
    const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
    cookies.set(pair.slice(0, pair.indexOf('=')), attributes.map((attribute) => attribute.toLowerCase()));
  }
  return cookies;
}

function expectLaxHttpOnly(cookies: Map<string, string[]>, secure: boolean) {
  expect([...cookies.keys()].sort()).toEqual([...PROVIDER_COOKIES].sort());
  for (const [name, attributes] of cookies) {
    expect(attributes, name).toContain('samesite=lax');
    expect(attributes, name).toContain('httponly');
    expect(attributes.includes('secure'), `${name} Secure`).toBe(secure);
  }
}

describe('the provider’s cookies over http', () => {
  const server = useTestServer(BACKENDS[0]!);

  it('are all SameSite=Lax and HttpOnly, through signing in and out, which still work', async () => {
    const browser = new RecordingBrowser(server.url);
    const { action } = await browser.openSignInPage();
    const { idToken } = await browser.finishSignIn(await browser.submitSignIn(action, 'admin@example.com', 'admin'));
    const { confirmed } = await signOut(browser, idToken);
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe(`${server.url}/`);
    expectLaxHttpOnly(attributesByCookie(browser.setCookies), false);

    // Signed out: the provider asks for the password again.
    expect((await browser.openSignInPage()).html).toContain('<h1>Sign in</h1>');
  });
});

describe('the provider’s cookies with an https PUBLIC_URL', () => {
  const publicUrl = 'https://tokens.example.com';
  let storage: TestStorage;
  let server: RunningServer;
  let bound: string;

  beforeAll(async () => {
    storage = await createTestStorage();
    const port = await freePort();
    bound = `http://127.0.0.1:${port}`;
    server = await startTestServer(storage, undefined, { port, publicUrl });
  });
  afterAll(async () => {
    await server?.close();
    await storage?.cleanup();
  });

  it('are Secure as well, behind a TLS proxy that sends no X-Forwarded-Proto', async () => {
    const responses = await rawSignIn(bound, { publicUrl });
    expect(responses.map((response) => response.status)).toEqual([303, 200, 303, 303]);
    expect(String(responses.at(-1)!.headers.location)).toMatch(/^https:\/\/tokens\.example\.com\/\?code=/);
    expectLaxHttpOnly(attributesByCookie(responses.flatMap((response) => response.headers['set-cookie'] ?? [])), true);
  });
});
