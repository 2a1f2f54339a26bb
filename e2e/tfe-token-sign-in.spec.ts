import { signIn as oidcSignIn } from '../server/test/signIn';
import { DEMO_USERS, expect, expectNoAxeViolations, test } from './fixtures';
import { browserTraces } from './tokenFlows';
import { tfePost, userIdOf } from './tfeApi';

test.use({ server: 'tfe-token-sign-in' });

/** A user API token made through the API, as a person would have made one on the platform beforehand. */
async function userApiToken(request: import('@playwright/test').APIRequestContext, baseURL: string): Promise<string> {
  const { accessToken } = await oidcSignIn(baseURL, DEMO_USERS.admin.email);
  const userId = await userIdOf(request, accessToken);
  const response = await tfePost(request, `users/${userId}/authentication-tokens`, accessToken, {
    data: { type: 'authentication-tokens', attributes: { description: `Sign-in ${Date.now()}`, 'expired-at': null } },
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { data: { attributes: { token: string } } }).data.attributes.token;
}

test.describe('HCP Terraform flavor without an identity provider: signing in with a user API token', () => {
  test('a good token signs in, is kept nowhere, and a reload asks again', async ({ page, request, baseURL, consoleMessages }) => {
    const token = await userApiToken(request, baseURL!);
    await page.goto('/settings/tokens');
    await expect(page.getByRole('heading', { level: 1, name: 'Sign in to Terraform Enterprise' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('API token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe('/settings/tokens');

    expect(await browserTraces(page)).not.toContain(token);
    expect(consoleMessages.join('\n')).not.toContain(token);

    await page.reload();
    await expect(page.getByLabel('API token')).toBeVisible();
    await expect(page.getByLabel('API token')).toHaveValue('');
  });

  test('a refused token is said so plainly, the input kept', async ({ page }) => {
    await page.goto('/settings/tokens');
    await page.getByLabel('API token').fill('not-a-real-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Terraform Enterprise did not accept this token.', { exact: false })).toBeVisible();
    await expect(page.getByLabel('API token')).toHaveValue('not-a-real-token');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations(page);
  });

  test('Sign out forgets the token', async ({ page, request, baseURL }) => {
    const token = await userApiToken(request, baseURL!);
    await page.goto('/settings/tokens');
    await page.getByLabel('API token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByLabel('API token')).toBeVisible();
    expect(await browserTraces(page)).not.toContain(token);
  });
});
