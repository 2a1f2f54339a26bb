import { expect } from 'vitest';
import { OidcBrowser } from './signIn';

/** A sign-in page opened in a fresh browser, and a way to submit its form. */
export async function signInForm(url: string) {
  const browser = new OidcBrowser(url);
  const { action } = await browser.openSignInPage();
  return {
    browser,
    action,
    submit: (email: string, password: string, headers: Record<string, string> = {}) =>
      browser.submitSignIn(action, email, password, headers),
  };
}

/** The form's answer is a 429 page saying `sentence`, keeping the email; returns its Retry-After. */
export async function expectRefused(response: Response, email: string, sentence: RegExp): Promise<string> {
  const html = await response.text();
  expect(response.status).toBe(429);
  expect(html).toMatch(sentence);
  expect(html).toContain('role="alert"');
  expect(html).toContain(`value="${email}"`);
  return response.headers.get('retry-after') ?? '';
}
