import { DEMO_USERS, expect, expectNoAxeViolations, fillSignInForm, signIn, test } from './fixtures';

test('signs in through the provider, keeps the session on reload and signs out', async ({ page, consoleMessages }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/oidc\//);
  await expectNoAxeViolations(page);
  await fillSignInForm(page, DEMO_USERS.admin);

  await expect(page).toHaveURL(/\/settings\/tokens$/);
  await expect(page.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible();
  await expect(page.getByText(DEMO_USERS.admin.name)).toBeVisible();
  const navigation = page.getByRole('navigation');
  await expect(navigation.getByRole('link', { name: 'API tokens' })).toBeVisible();
  await expect(navigation.getByRole('link', { name: 'Teams' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible();
  await expect(page.getByText(DEMO_USERS.admin.name)).toBeVisible();
  await expect(page).toHaveURL(/\/settings\/tokens$/);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  // The session is gone: opening the app asks to sign in again.
  await page.goto('/settings/tokens');
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(consoleMessages.filter((m) => m.startsWith('pageerror'))).toEqual([]);
});

/** The OIDC session oidc-client-ts keeps in the tab's sessionStorage. */
async function storedSession(page: import('@playwright/test').Page): Promise<{ access_token: string; expires_at: number }> {
  return page.evaluate(() => {
    const key = Object.keys(sessionStorage).find((name) => name.startsWith('oidc.user:'));
    return JSON.parse(sessionStorage.getItem(key ?? '') ?? 'null');
  });
}

test('a signed-in reload does without the OIDC client, which loads to renew the session before it expires', async ({ page }) => {
  await signIn(page);
  const scripts: string[] = [];
  page.on('request', (request) => scripts.push(new URL(request.url()).pathname));
  await page.reload();
  await expect(page.getByRole('list', { name: 'Your API tokens' }).or(page.getByText(/no API tokens yet/i)).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(scripts.filter((path) => path.includes('oidc-client'))).toEqual([]);

  // The access token expires in 30 s: the "expiring" notice is due at once, and the session is renewed with
  // its refresh token, without leaving the page.
  const before = await storedSession(page);
  await page.evaluate(() => {
    const key = Object.keys(sessionStorage).find((name) => name.startsWith('oidc.user:'))!;
    const session = JSON.parse(sessionStorage.getItem(key)!);
    sessionStorage.setItem(key, JSON.stringify({ ...session, expires_at: Math.floor(Date.now() / 1000) + 30 }));
  });
  await page.reload();
  await expect(page.getByText(DEMO_USERS.admin.name)).toBeVisible();
  await expect.poll(async () => (await storedSession(page)).access_token, { timeout: 15_000 }).not.toBe(before.access_token);
  expect((await storedSession(page)).expires_at).toBeGreaterThan(Math.floor(Date.now() / 1000) + 60);
  expect(scripts.filter((path) => path.includes('oidc-client'))).toHaveLength(1);
  await expect(page.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/settings/tokens');
});

test('a wrong password shows the provider error and keeps the email', async ({ page }) => {
  await page.goto('/settings/tokens');
  await fillSignInForm(page, { email: DEMO_USERS.admin.email, password: 'not-the-password' });
  await expect(page.getByRole('alert')).toHaveText(/email or password is wrong/i);
  await expect(page.getByLabel('Email')).toHaveValue(DEMO_USERS.admin.email);
  await expectNoAxeViolations(page);

  await page.getByLabel('Password').fill(DEMO_USERS.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible();
});

test('the route asked for survives the sign-in redirect', async ({ page }) => {
  await page.goto('/organizations/unknown-org/settings/teams');
  await fillSignInForm(page, DEMO_USERS.aws);
  await expect(page).toHaveURL(/\/organizations\/unknown-org\/settings\/teams$/);
  await expect(page.getByText(DEMO_USERS.aws.name)).toBeVisible();
});

test('an unknown route shows the not-found page', async ({ page }) => {
  await signIn(page, DEMO_USERS.admin, '/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Go to API tokens' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible();
});

test('a bad runtime configuration names the variable instead of a blank page', async ({ page }) => {
  await page.route('**/env-config.js', (route) =>
    route.fulfill({
      contentType: 'application/javascript',
      body: 'window._env_ = { REACT_APP_TERRAKUBE_API_URL: "not a url" };',
    }),
  );
  await page.goto('/settings/tokens');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/not configured/i);
  await expect(page.getByText('REACT_APP_TERRAKUBE_API_URL').first()).toBeVisible();
  await expect(page.getByText('REACT_APP_CLIENT_ID').first()).toBeVisible();
});

test('the app runs under its Content-Security-Policy, which refuses an injected inline script', async ({ page, cspViolations }) => {
  await signIn(page, DEMO_USERS.admin);
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.injectedScriptRan = true;';
    document.head.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return (window as unknown as { injectedScriptRan?: boolean }).injectedScriptRan ?? false;
  });
  expect(ran).toBe(false);
  await expect.poll(() => cspViolations.length).toBe(1);
  expect(cspViolations[0]).toMatch(/inline script/i);
  cspViolations.length = 0;
});
