import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { call } from '../test/api';
import { OidcBrowser, signIn } from '../test/signIn';
import { BACKENDS, useTestServer } from '../test/testServer';

describe('the identity provider', () => {
  const server = useTestServer(BACKENDS[0]!);

  it('shows an accessible sign-in page', async () => {
    const { response, html } = await new OidcBrowser(server.url).openSignInPage();
    expect(response.status).toBe(200);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<title>Sign in</title>');
    expect(html).toContain('<h1>Sign in</h1>');
    expect(html).toMatch(/<label for="email">Email<\/label>\s*<input id="email"/);
    expect(html).toMatch(/<label for="password">Password<\/label>\s*<input id="password"[^>]*type="password"/);
    expect(html).toContain('<button type="submit">Sign in</button>');
    expect(html).not.toContain('role="alert"');
    expect(html).not.toMatch(/(src|href)="https?:/);
  });

  it("exchanges the code from the app's own origin and from no other", async () => {
    const signInFrom = async (origin: string) => {
      const browser = new OidcBrowser(server.url);
      const { action } = await browser.openSignInPage();
      return browser.finishSignIn(await browser.submitSignIn(action, 'admin@example.com', 'admin'), origin);
    };
    await expect(signInFrom(new URL(server.url).origin)).resolves.toHaveProperty('accessToken');
    await expect(signInFrom('https://elsewhere.example.com')).rejects.toThrow(/origin/);
  });

  it.each([
    ['a wrong password', 'admin@example.com', 'wrong'],
    ['an unknown email', 'nobody@example.com', 'admin'],
  ])('re-renders the page with one error for %s, keeping the email', async (_case, email, password) => {
    const browser = new OidcBrowser(server.url);
    const { action } = await browser.openSignInPage();
    const response = await browser.submitSignIn(action, email, password);
    const html = await response.text();
    expect(response.status).toBe(401);
    expect(html).toContain('<p role="alert" class="error" id="sign-in-error">The email or password is wrong.</p>');
    expect(html).toContain(`value="${email}"`);
    // The form still works after a failed attempt.
    const retry = await browser.submitSignIn(action, 'admin@example.com', 'admin');
    expect((await browser.finishSignIn(retry)).accessToken).toBeTruthy();
  });

  it('issues a JWT access token with the user claims, an ID token and a refresh token', async () => {
    const tokens = await signIn(server.url, 'admin@example.com', 'admin');
    expect(decodeJwt(tokens.accessToken)).toMatchObject({
      iss: `${server.url}/oidc`,
      aud: `${server.url}/`,
      sub: 'admin@example.com',
      email: 'admin@example.com',
      name: 'Admin User',
      groups: ['TERRAKUBE_ADMIN', 'TERRAKUBE_DEVELOPERS'],
    });
    expect(decodeJwt(tokens.idToken)).toMatchObject({
      aud: 'token-settings',
      email: 'admin@example.com',
      email_verified: true,
      name: 'Admin User',
      groups: ['TERRAKUBE_ADMIN', 'TERRAKUBE_DEVELOPERS'],
    });
    expect(tokens.refreshToken).toBeTruthy();
  });

  it('renews with the refresh token, and the new access token works', async () => {
    const browser = new OidcBrowser(server.url);
    const { action } = await browser.openSignInPage();
    const first = await browser.finishSignIn(await browser.submitSignIn(action, 'aws@example.com', 'aws'));
    const renewed = await browser.refresh(first.refreshToken!);
    expect(decodeJwt(renewed.accessToken)).toMatchObject({ email: 'aws@example.com', groups: ['AWS_DEVELOPERS'] });
    expect((await call(server.url, 'GET', '/pat/v1', { token: renewed.accessToken })).status).toBe(202);
  });

  it('signs out without a confirmation click and returns to the app', async () => {
    const browser = new OidcBrowser(server.url);
    const { action } = await browser.openSignInPage();
    const tokens = await browser.finishSignIn(await browser.submitSignIn(action, 'gcp@example.com', 'gcp'));

    const params = new URLSearchParams({ id_token_hint: tokens.idToken, post_logout_redirect_uri: `${server.url}/` });
    const logoutPage = await browser.request(`/oidc/session/end?${params}`);
    const html = await logoutPage.text();
    expect(logoutPage.status).toBe(200);
    expect(html).toContain('<script>document.forms[0].submit();</script>');
    // What the auto-submitting form posts.
    const formAction = /<form[^>]*action="([^"]+)"/.exec(html)![1]!;
    const fields = Object.fromEntries(
      [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((match) => [match[1], match[2]]),
    );
    expect(fields.logout).toBe('yes');
    const confirmed = await browser.request(formAction, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields as Record<string, string>).toString(),
    });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get('location')).toBe(`${server.url}/`);

    // The session is over: the next authorization request asks to sign in again.
    const { html: signInAgain } = await browser.openSignInPage();
    expect(signInAgain).toContain('<h1>Sign in</h1>');
  });
});
