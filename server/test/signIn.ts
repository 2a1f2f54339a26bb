import { createHash, randomBytes } from 'node:crypto';

/** Just enough of a browser's cookie handling to follow the provider's redirects. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = header.split(';');
      const separator = pair.indexOf('=');
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => /^\s*expires=Thu, 01 Jan 1970/i.test(attribute));
      if (!value || expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export interface OidcTokens {
  accessToken: string;
  idToken: string;
  refreshToken: string | undefined;
}

/** A browser-like session with the provider: follows the authorization-code + PKCE flow with fetch. */
export class OidcBrowser {
  private readonly jar = new CookieJar();
  private readonly verifier = randomBytes(32).toString('base64url');
  readonly redirectUri: string;

  /** `redirectUri`: the app's address to come back to, the server's own `/` unless a UI elsewhere signs in. */
  constructor(
    readonly baseUrl: string,
    redirectUri = `${baseUrl}/`,
  ) {
    this.redirectUri = redirectUri;
  }

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('cookie', this.jar.header());
    const response = await fetch(new URL(url, this.baseUrl), { ...init, headers, redirect: 'manual' });
    this.jar.store(response);
    return response;
  }

  /** Follows redirects until a page that is not a redirect, or until the app's redirect URI. */
  async follow(response: Response): Promise<Response> {
    let current = response;
    while (current.status >= 300 && current.status < 400) {
      const location = new URL(current.headers.get('location')!, this.baseUrl).toString();
      if (location.startsWith(`${this.redirectUri}?`)) return current;
      current = await this.request(location);
    }
    return current;
  }

  /** Starts signing in; resolves with the sign-in page. */
  async openSignInPage(): Promise<{ response: Response; html: string; action: string }> {
    const challenge = createHash('sha256').update(this.verifier).digest('base64url');
    const params = new URLSearchParams({
      client_id: 'token-settings',
      response_type: 'code',
      redirect_uri: this.redirectUri,
      scope: 'email openid profile offline_access groups',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state: 'test-state',
    });
    const response = await this.follow(await this.request(`/oidc/auth?${params}`));
    const html = await response.text();
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`No sign-in form (status ${response.status}): ${html.slice(0, 300)}`);
    return { response, html, action: action.replaceAll('&amp;', '&') };
  }

  /** Posts the sign-in form; `headers` adds some, such as the X-Forwarded-For a proxy would send. */
  submitSignIn(action: string, email: string, password: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.request(action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({ email, password }).toString(),
    });
  }

  /**
   * Completes the flow after a successful sign-in response and exchanges the code for tokens, from `origin`
   * when given (as a browser sends it).
   */
  async finishSignIn(afterLogin: Response, origin?: string): Promise<OidcTokens> {
    return this.exchangeCode(await this.authorizationCode(afterLogin), origin);
  }

  /** Follows a successful sign-in response to the app's redirect URI and reads the authorization code from it. */
  async authorizationCode(afterLogin: Response): Promise<string> {
    const redirect = await this.follow(afterLogin);
    const location = new URL(redirect.headers.get('location') ?? '', this.baseUrl);
    const code = location.searchParams.get('code');
    if (!code) throw new Error(`No authorization code (status ${redirect.status}, location ${location})`);
    return code;
  }

  exchangeCode(code: string, origin?: string): Promise<OidcTokens> {
    return this.tokenRequest({
      grant_type: 'authorization_code',
      code,
      redirect_uri: this.redirectUri,
      code_verifier: this.verifier,
    }, origin);
  }

  async refresh(refreshToken: string): Promise<OidcTokens> {
    return this.tokenRequest({ grant_type: 'refresh_token', refresh_token: refreshToken });
  }

  private async tokenRequest(params: Record<string, string>, origin?: string): Promise<OidcTokens> {
    const response = await fetch(`${this.baseUrl}/oidc/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(origin ? { origin } : {}) },
      body: new URLSearchParams({ client_id: 'token-settings', ...params }).toString(),
    });
    const body = (await response.json()) as Record<string, string>;
    if (!response.ok) throw new Error(`Token request failed: ${response.status} ${JSON.stringify(body)}`);
    return { accessToken: body.access_token!, idToken: body.id_token!, refreshToken: body.refresh_token };
  }
}

/** Signs a demo user in through the real sign-in page and returns the provider's tokens. */
export async function signIn(baseUrl: string, email: string, password = email.split('@')[0]!): Promise<OidcTokens> {
  const browser = new OidcBrowser(baseUrl);
  const { action } = await browser.openSignInPage();
  return browser.finishSignIn(await browser.submitSignIn(action, email, password));
}

/** Signs demo users in at once; their access tokens, in order. */
export async function accessTokensOf(baseUrl: string, ...emails: string[]): Promise<string[]> {
  return (await Promise.all(emails.map((email) => signIn(baseUrl, email)))).map((tokens) => tokens.accessToken);
}
