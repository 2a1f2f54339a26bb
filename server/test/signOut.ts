import type { OidcBrowser } from './signIn';

/**
 * Signs out as the app does (RP-initiated logout): opens the provider's sign-out page, then submits its form as
 * the page's script would. Answers the page, its HTML and the answer to the form.
 */
export async function signOut(browser: OidcBrowser, idToken: string): Promise<{ page: Response; html: string; confirmed: Response }> {
  const params = new URLSearchParams({ id_token_hint: idToken, post_logout_redirect_uri: browser.redirectUri });
  const page = await browser.request(`/oidc/session/end?${params}`);
  const html = await page.text();
  const form = /<form[^>]*action="([^"]+)"[\s\S]*?<\/form>/.exec(html);
  if (!form) throw new Error(`No sign-out form (status ${page.status}): ${html.slice(0, 300)}`);
  const fields = [...form[0].matchAll(/name="([^"]+)" value="([^"]*)"/g)].map(([, name, value]) => [name!, value!]);
  const confirmed = await browser.request(form[1]!, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return { page, html, confirmed };
}
