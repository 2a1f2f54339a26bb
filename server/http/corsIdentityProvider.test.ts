import { describe, expect, it } from 'vitest';
import { OidcBrowser } from '../test/signIn';
import { BACKENDS, useTestServer } from '../test/testServer';

const UI = 'https://terrakube-ui.example.com';

/**
 * The identity provider keeps its own CORS, whatever CORS_ORIGINS says: its public documents are open to every
 * origin, while only the app this server serves, on PUBLIC_URL, may sign in (its one redirect URI) and exchange
 * a code there. A UI on another origin signs in elsewhere.
 */
describe('the identity provider to a UI on another origin', () => {
  const server = useTestServer(BACKENDS[0]!, { corsOrigins: [UI] });

  it.each(['/oidc/.well-known/openid-configuration', '/oidc/jwks'])('answers %s to any origin', async (path) => {
    const response = await fetch(`${server.url}${path}`, { headers: { origin: 'https://anywhere.example' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://anywhere.example');
  });

  it('exchanges a code from the app’s own origin only, even for an origin in CORS_ORIGINS', async () => {
    const browser = new OidcBrowser(server.url);
    const { action } = await browser.openSignInPage();
    const code = await browser.authorizationCode(await browser.submitSignIn(action, 'admin@example.com', 'admin'));
    await expect(browser.exchangeCode(code, UI)).rejects.toThrow(`origin ${UI} not allowed`);
  });

  it('redirects to the app on PUBLIC_URL only', async () => {
    const params = new URLSearchParams({
      client_id: 'token-settings',
      response_type: 'code',
      redirect_uri: `${UI}/`,
      scope: 'openid email',
      code_challenge: 'a'.repeat(43),
      code_challenge_method: 'S256',
    });
    const response = await fetch(`${server.url}/oidc/auth?${params}`, { redirect: 'manual' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('redirect_uri');
  });
});
