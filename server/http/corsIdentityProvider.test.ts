import { describe, expect, it } from 'vitest';
import { call } from '../test/api';
import { OidcBrowser } from '../test/signIn';
import { BACKENDS, useTestServer } from '../test/testServer';

const UI = 'https://terrakube-ui.example.com';
const OTHER = 'https://elsewhere.example.com';

async function codeFor(serverUrl: string, redirectUri: string): Promise<{ browser: OidcBrowser; code: string }> {
  const browser = new OidcBrowser(serverUrl, redirectUri);
  const { action } = await browser.openSignInPage();
  return { browser, code: await browser.authorizationCode(await browser.submitSignIn(action, 'admin@example.com', 'admin')) };
}

function authorizeUrl(serverUrl: string, redirectUri: string): string {
  const params = new URLSearchParams({
    client_id: 'token-settings',
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: 'openid email',
    code_challenge: 'a'.repeat(43),
    code_challenge_method: 'S256',
  });
  return `${serverUrl}/oidc/auth?${params}`;
}

/**
 * A UI served on an origin in CORS_ORIGINS signs in here as the app on PUBLIC_URL does: its `/` is a redirect
 * URI, and it may exchange the code from its origin. Every other origin may read the provider's public
 * documents only.
 */
describe('the identity provider to a UI on another origin', () => {
  const server = useTestServer(BACKENDS[0]!, { corsOrigins: [UI] });

  it.each(['/oidc/.well-known/openid-configuration', '/oidc/jwks'])('answers %s to any origin', async (path) => {
    const response = await fetch(`${server.url}${path}`, { headers: { origin: OTHER } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(OTHER);
  });

  it('signs a UI in CORS_ORIGINS in: back to its own address, the code exchanged from its origin, the token working', async () => {
    const { browser, code } = await codeFor(server.url, `${UI}/`);
    const tokens = await browser.exchangeCode(code, UI);
    const list = await fetch(`${server.url}/pat/v1`, { headers: { origin: UI, authorization: `Bearer ${tokens.accessToken}` } });
    expect(list.status).toBe(202);
    expect(list.headers.get('access-control-allow-origin')).toBe(UI);
  });

  it('lets the sign-in form redirect to the UI: its form-action names the UI’s origin, and no other', async () => {
    const { response } = await new OidcBrowser(server.url, `${UI}/`).openSignInPage();
    const formAction = /form-action ([^;]+)/.exec(response.headers.get('content-security-policy') ?? '')?.[1]?.split(' ');
    expect(formAction).toEqual(["'self'", new URL(server.url).origin, UI]);
  });

  it('refuses another origin: no redirect to it, no code exchange from it', async () => {
    const redirect = await fetch(authorizeUrl(server.url, `${OTHER}/`), { redirect: 'manual' });
    expect(redirect.status).toBe(400);
    expect(await redirect.text()).toContain('redirect_uri');

    const { browser, code } = await codeFor(server.url, `${server.url}/`);
    await expect(browser.exchangeCode(code, OTHER)).rejects.toThrow(`origin ${OTHER} not allowed`);
  });

  it('still signs the app on PUBLIC_URL in', async () => {
    const { browser, code } = await codeFor(server.url, `${server.url}/`);
    const tokens = await browser.exchangeCode(code, new URL(server.url).origin);
    expect((await call(server.url, 'GET', '/pat/v1', { token: tokens.accessToken })).status).toBe(202);
  });
});
