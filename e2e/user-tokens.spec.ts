import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { DEMO_USERS, expect, expectNoAxeViolations, signIn, test } from './fixtures';
import {
  accessTokenOf,
  apiGet,
  browserTraces,
  chooseExpiry,
  deleteThroughUi,
  generateDialog,
  generateThroughUi,
  tabTo,
  tokenRow,
  uniqueDescription,
} from './tokenFlows';

const DAY = 86_400_000;
const SECONDS_PER_DAY = 86_400;

/** The claims of a token (a JWT): the browser does not check the signature, nor does this. */
function claimsOf(secret: string): { iat?: number; exp?: number } {
  return JSON.parse(Buffer.from(secret.split('.')[1]!, 'base64url').toString('utf8')) as { iat?: number; exp?: number };
}

/** The reveal step's expiry sentence for `exp` (seconds), as the browser's locale and zone write it. */
async function revealExpiryText(page: Page, exp: number, relative: string): Promise<string> {
  const date = await page.evaluate(
    (ms) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(ms),
    exp * 1000,
  );
  return `Expires on ${date} (${relative}).`;
}

/** The token's own `exp` is `days` after its `iat`, and the reveal step says when that is. */
async function expectRevealedExpiry(page: Page, dialog: Locator, secret: string, days: number): Promise<void> {
  const { iat, exp } = claimsOf(secret);
  expect(exp! - iat!).toBe(days * SECONDS_PER_DAY);
  await expect(dialog.getByText(await revealExpiryText(page, exp!, `in ${days} days`), { exact: true })).toBeVisible();
}

/** The API host the app names in Terraform credentials, from its runtime configuration. */
async function apiHostOf(page: Page): Promise<string> {
  return page.evaluate(() => new URL((window as unknown as { _env_: Record<string, string> })._env_.REACT_APP_TERRAKUBE_API_URL!).host);
}

/** Twelve tokens as Terrakube lists them (GET /pat/v1), with every status: more than the filter box needs. */
function listWithEveryStatus(): object[] {
  const now = Date.now();
  const pat = (description: string, createdDaysAgo: number, days: number) => {
    const createdDate = new Date(now - createdDaysAgo * DAY).toISOString();
    return { id: crypto.randomUUID(), days, description, deleted: false, createdDate, createdBy: 'aws@example.com', updatedDate: createdDate, updatedBy: 'aws@example.com' };
  };
  return [
    pat('Deploy pipeline', 1, 30),
    pat('Nightly backup job', 28, 30),
    pat('Old laptop', 40, 30),
    pat('Break-glass access for the on-call engineer', 100, 0),
    ...Array.from({ length: 8 }, (_, i) => pat(`Build agent ${i + 1}`, i, 60 + i * 30)),
  ];
}

/** Answers the list request with `tokens`; creating and deleting still reach the server. */
async function serveTokenList(page: Page, tokens: object[]): Promise<void> {
  await page.route('**/pat/v1', (route) =>
    route.request().method() === 'GET'
      ? route.fulfill({ status: 202, contentType: 'application/json', body: JSON.stringify(tokens) })
      : route.fallback(),
  );
}

async function createTokenThroughApi(request: APIRequestContext, accessToken: string, description: string): Promise<void> {
  const response = await request.post('/pat/v1', { headers: { authorization: `Bearer ${accessToken}` }, data: { days: 1, description } });
  expect(response.status()).toBe(201);
}

async function deleteTokensThroughApi(request: APIRequestContext, accessToken: string, description: string): Promise<void> {
  const tokens = (await (await apiGet(request, '/pat/v1', accessToken)).json()) as { id: string; description: string }[];
  for (const { id } of tokens.filter((token) => token.description === description)) {
    await request.delete(`/pat/v1/${id}`, { headers: { authorization: `Bearer ${accessToken}` } });
  }
}

const yourTokens = (page: Page) => page.getByRole('list', { name: 'Your API tokens' });

test.describe('User Settings › API tokens', () => {
  test('generate, copy, use, delete: the secret works until deleted and leaves no trace', async ({ page, request, context, consoleMessages }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await signIn(page);
    const description = uniqueDescription('Laptop CLI');

    const { dialog, secret } = await generateThroughUi(page, { description, preset: '7 days' });
    await expect(dialog.getByText(/will not be shown again/i)).toBeVisible();
    await expectRevealedExpiry(page, dialog, secret, 7);
    // The new row is already in the list behind the reveal step.
    await expect(tokenRow(page, description, { behindDialog: true })).toHaveCount(1);

    await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect(dialog.getByText('Copied', { exact: true }).first()).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

    // Terraform CLI credentials: the API host here has a port, which a TF_TOKEN_ variable name cannot hold, so the
    // dialog offers no variable, says why, and gives the credentials block with the secret inside it.
    const host = await apiHostOf(page);
    expect(host).toMatch(/:\d+$/);
    await expect(dialog.getByRole('button', { name: 'Copy environment variable' })).toHaveCount(0);
    await expect(dialog.getByText(/^export TF_TOKEN_/)).toHaveCount(0);
    await expect(dialog.getByText(`cannot name ${host}: a variable name cannot hold the port`, { exact: false })).toBeVisible();
    const block = `credentials "${host}" {\n  token = "${secret}"\n}`;
    const shownBlock = dialog.locator('pre').filter({ hasText: `credentials "${host}"` });
    expect(await shownBlock.textContent()).toBe(block);
    await dialog.getByRole('button', { name: 'Copy credentials block' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(block);

    const listed = await apiGet(request, '/pat/v1', secret);
    expect(listed.status()).toBe(202);
    expect((await listed.json()).map((t: { description: string }) => t.description)).toContain(description);

    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'Generate token', exact: true })).toBeFocused();

    const row = tokenRow(page, description);
    await expect(row).toContainText('Expires soon');
    await expect(row).toContainText(/in 6 days/);

    // After Done the secret is nowhere the browser keeps things, nor in the page or the console.
    await page.evaluate(() => navigator.clipboard.writeText(''));
    expect(await browserTraces(page)).not.toContain(secret);
    expect(await page.content()).not.toContain(secret);
    expect(consoleMessages.join('\n')).not.toContain(secret);

    await deleteThroughUi(page, description);
    await expect(page.getByText(`Token ${description} deleted`)).toBeVisible();
    expect((await apiGet(request, '/pat/v1', secret)).status()).toBe(401);

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible();
    await expect(tokenRow(page, description)).toHaveCount(0);
    expect(consoleMessages.join('\n')).not.toContain(secret);
  });

  test('Custom days and Never: the list shows what the database holds after a reload', async ({ page }) => {
    await signIn(page);
    const custom = uniqueDescription('Forty-five days');
    const never = uniqueDescription('Never expiring');

    const first = await generateThroughUi(page, { description: custom, preset: 'Custom', custom: { Days: '45' } });
    const expectedExpiry = Date.now() + 45 * DAY;
    await expectRevealedExpiry(page, first.dialog, first.secret, 45);
    await first.dialog.getByRole('button', { name: 'Done' }).click();

    await page.getByRole('button', { name: 'Generate token', exact: true }).click();
    const dialog = generateDialog(page);
    await dialog.getByLabel('Description').fill(never);
    const warning = dialog.getByRole('alert').filter({ hasText: 'A token that never expires is a standing risk' });
    await expect(warning).toHaveCount(0);
    await chooseExpiry(dialog, 'Never');
    await expect(warning).toBeVisible();
    await dialog.getByRole('button', { name: 'Generate', exact: true }).click();
    const tokenField = dialog.getByLabel('Token', { exact: true });
    await expect(tokenField).toBeVisible();
    expect(claimsOf(await tokenField.inputValue()).exp).toBeUndefined();
    await expect(dialog.getByText('Never expires', { exact: true })).toBeVisible();
    await dialog.getByRole('button', { name: 'Done' }).click();

    await page.reload();
    await expect(tokenRow(page, custom)).toContainText('Active');
    await expect(tokenRow(page, custom)).toContainText(/in 4[45] days/);
    // The expiry date as the browser's locale and zone write it.
    const shownDate = await page.evaluate((ms) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' }).format(ms), expectedExpiry);
    await expect(tokenRow(page, custom)).toContainText(shownDate);
    await expect(tokenRow(page, never)).toContainText('Never expires');
  });

  test('a double click on Generate creates exactly one token', async ({ page, request }) => {
    await signIn(page);
    const description = uniqueDescription('Double click');
    await page.getByRole('button', { name: 'Generate token', exact: true }).click();
    const dialog = generateDialog(page);
    await dialog.getByLabel('Description').fill(description);
    await dialog.getByRole('button', { name: 'Generate', exact: true }).dblclick();
    await expect(dialog.getByLabel('Token', { exact: true })).toBeVisible();

    const response = await apiGet(request, '/pat/v1', await accessTokenOf(page));
    const matching = (await response.json()).filter((t: { description: string }) => t.description === description);
    expect(matching).toHaveLength(1);
  });

  test('validation errors for an empty and a 256-character description', async ({ page }) => {
    await signIn(page);
    await page.getByRole('button', { name: 'Generate token', exact: true }).click();
    const dialog = generateDialog(page);
    await dialog.getByRole('button', { name: 'Generate', exact: true }).click();
    await expect(dialog.getByText('Description is required.')).toBeVisible();
    await expect(dialog.getByLabel('Description')).toHaveAttribute('aria-invalid', 'true');

    await dialog.getByLabel('Description').fill('x'.repeat(256));
    await dialog.getByRole('button', { name: 'Generate', exact: true }).click();
    await expect(dialog.getByText('Description must be at most 255 characters.')).toBeVisible();
    // Nothing the user typed is lost.
    await expect(dialog.getByLabel('Description')).toHaveValue('x'.repeat(256));
    await expect(dialog.getByLabel('Token', { exact: true })).toHaveCount(0);
  });

  test('a failing API shows the reason and Retry recovers', async ({ page }) => {
    await page.route('**/pat/v1', (route) =>
      route.request().method() === 'GET'
        ? route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ error: 'Internal Server Error', message: 'The database is down.' }) })
        : route.fallback(),
    );
    await signIn(page);
    const alert = page.getByRole('alert').filter({ hasText: 'The database is down.' });
    await expect(alert).toBeVisible({ timeout: 20_000 });
    await expect(alert).toContainText('Could not load your API tokens');
    await page.unroute('**/pat/v1');
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(alert).toHaveCount(0);
    // Whatever the tests running alongside left: the list, or the empty state.
    await expect(yourTokens(page).or(page.getByText(/You have no API tokens yet/))).toBeVisible();
  });

  test('the API out of reach while generating: the dialog keeps the input and says why', async ({ page }) => {
    await signIn(page);
    await page.route('**/pat/v1', (route) => (route.request().method() === 'POST' ? route.abort('connectionrefused') : route.fallback()));
    const description = uniqueDescription('Offline');
    await page.getByRole('button', { name: 'Generate token', exact: true }).click();
    const dialog = generateDialog(page);
    await dialog.getByLabel('Description').fill(description);
    await dialog.getByRole('button', { name: 'Generate', exact: true }).click();
    await expect(dialog.getByRole('alert').filter({ hasText: /reach the server/i })).toBeVisible();
    await expect(dialog.getByLabel('Description')).toHaveValue(description);
    await page.unroute('**/pat/v1');
    await dialog.getByRole('button', { name: 'Generate', exact: true }).click();
    await expect(dialog.getByLabel('Token', { exact: true })).toBeVisible();
  });

  test("the dialog's code failing to download: the page stays, says so in place, and Retry opens the dialog", async ({ page }) => {
    const dialogCode = '**/assets/GenerateTokenDialog-*.js';
    await page.route(dialogCode, (route) => route.abort('connectionrefused'));
    await signIn(page);
    await page.getByRole('button', { name: 'Generate token', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Could not load the generate dialog' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('Check your connection, then try again.');
    await expect(page.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible();

    await page.unroute(dialogCode);
    await alert.getByRole('button', { name: 'Retry' }).click();
    const dialog = generateDialog(page);
    await expect(dialog).toBeVisible();
    await expect(alert).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('button', { name: 'Generate token', exact: true })).toBeFocused();
  });

  test('the whole flow with the keyboard alone, from the top of the page, focus returning to each trigger', async ({ page, context, request }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await signIn(page, DEMO_USERS.azure);
    // Another token keeps the list on the page after the delete, so the delete's focus target is the list.
    const keeper = uniqueDescription('Keyboard keeper');
    const accessToken = await accessTokenOf(page);
    await createTokenThroughApi(request, accessToken, keeper);
    await page.reload();
    await expect(tokenRow(page, keeper)).toBeVisible();
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);

    const description = uniqueDescription('Keyboard');
    const generateButton = page.getByRole('button', { name: 'Generate token', exact: true });
    await tabTo(page, generateButton);
    await page.keyboard.press('Enter');
    const dialog = generateDialog(page);
    await expect(dialog.getByLabel('Description')).toBeFocused();
    await page.keyboard.type(description);

    // Into the presets (on the chosen one), then the arrow keys choose.
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('radio', { name: '30 days', exact: true })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(dialog.getByRole('radio', { name: '60 days', exact: true })).toBeChecked();
    await expect(dialog.getByRole('radio', { name: '60 days', exact: true })).toBeFocused();
    await tabTo(page, dialog.getByRole('button', { name: 'Generate', exact: true }));
    await page.keyboard.press('Enter');

    const tokenField = dialog.getByLabel('Token', { exact: true });
    await expect(tokenField).toBeVisible();
    const secret = await tokenField.inputValue();
    await expectRevealedExpiry(page, dialog, secret, 60);
    const copy = dialog.getByRole('button', { name: 'Copy', exact: true });
    await tabTo(page, copy);
    await page.keyboard.press('Enter');
    await expect(dialog.getByText('Copied', { exact: true }).first()).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

    // Escape while the secret is shown asks first.
    await page.keyboard.press('Escape');
    await expect(page.getByText('Have you copied your token?')).toBeVisible();
    await tabTo(page, page.getByRole('button', { name: /back to token/i }));
    await page.keyboard.press('Enter');
    await expect(tokenField).toBeVisible();

    await tabTo(page, dialog.getByRole('button', { name: 'Done' }));
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(generateButton).toBeFocused();

    const deleteButton = page.getByRole('button', { name: `Delete token ${description}` });
    await tabTo(page, deleteButton);
    await page.keyboard.press('Enter');
    const confirmation = page.getByRole('alertdialog', { name: 'Delete token?' });
    await expect(confirmation.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(confirmation).toBeHidden();
    await expect(deleteButton).toBeFocused();

    await page.keyboard.press('Enter');
    await expect(confirmation.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(confirmation.getByRole('button', { name: 'Delete', exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(tokenRow(page, description)).toHaveCount(0);
    // The delete button went with its row: focus is on the list, where the row was.
    await expect(yourTokens(page)).toBeFocused();

    await deleteTokensThroughApi(request, accessToken, keeper);
  });
});

test.describe('on a 360 × 740 screen', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('the reveal step shows the whole secret, with no sideways scrolling', async ({ page }) => {
    await signIn(page);
    const description = uniqueDescription('Phone');
    const { dialog, secret } = await generateThroughUi(page, { description });
    const tokenField = dialog.getByLabel('Token', { exact: true });
    const field = await tokenField.evaluate((el) => ({
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
      scrollHeight: el.scrollHeight,
      clientHeight: el.clientHeight,
      value: (el as HTMLTextAreaElement).value,
    }));
    expect(field.value).toBe(secret);
    // The field wraps the secret and grows to it: nothing of it is scrolled out of view, either way.
    expect(field.scrollWidth).toBeLessThanOrEqual(field.clientWidth);
    expect(field.scrollHeight).toBeLessThanOrEqual(field.clientHeight);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // The pointer rests over Done (where Generate stood): its hover state is checked too.
    await expectNoAxeViolations(page);

    await dialog.getByRole('button', { name: 'Done' }).click();
    await deleteThroughUi(page, description);
  });

  test('list rows stay readable: every row fits the width and no description is cut off', async ({ page }) => {
    const tokens = listWithEveryStatus();
    await serveTokenList(page, tokens);
    await signIn(page, DEMO_USERS.aws);
    const rows = yourTokens(page).getByRole('listitem');
    await expect(rows).toHaveCount(tokens.length);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    for (const row of await rows.all()) {
      const box = (await row.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(360);
      // Nothing in the row is wider than the space it has.
      const overflowing = await row.evaluate((item) =>
        Array.from(item.querySelectorAll('*')).filter((el) => el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0).length,
      );
      expect(overflowing).toBe(0);
      const deleteBox = (await row.getByRole('button', { name: /^Delete token / }).boundingBox())!;
      expect(deleteBox.x + deleteBox.width).toBeLessThanOrEqual(box.x + box.width);
    }
    await expectNoAxeViolations(page);
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`accessibility in the ${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('empty list, validation errors, reveal step, a new row and delete confirmation', async ({ page, request }) => {
      // Only these tests sign in as gcp@example.com; whatever an earlier run left is removed so the list starts empty.
      await signIn(page, DEMO_USERS.gcp);
      const accessToken = await accessTokenOf(page);
      for (const { id } of (await (await apiGet(request, '/pat/v1', accessToken)).json()) as { id: string }[]) {
        await request.delete(`/pat/v1/${id}`, { headers: { authorization: `Bearer ${accessToken}` } });
      }
      await page.reload();
      await expect(page.getByText(/You have no API tokens yet/)).toBeVisible();
      await expectNoAxeViolations(page);

      await page.getByRole('button', { name: 'Generate token', exact: true }).click();
      const dialog = generateDialog(page);
      await dialog.getByRole('button', { name: 'Generate', exact: true }).click();
      await expect(dialog.getByText('Description is required.')).toBeVisible();
      await expectNoAxeViolations(page);

      const description = uniqueDescription(`Axe ${colorScheme}`);
      await dialog.getByLabel('Description').fill(description);
      await dialog.getByRole('button', { name: 'Generate', exact: true }).click();
      await expect(dialog.getByLabel('Token', { exact: true })).toBeVisible();
      await expectNoAxeViolations(page);
      await dialog.getByRole('button', { name: 'Done' }).click();

      await expect(tokenRow(page, description)).toBeVisible();
      await expectNoAxeViolations(page);

      await page.getByRole('button', { name: `Delete token ${description}` }).click();
      await expect(page.getByRole('alertdialog', { name: 'Delete token?' })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      await expect(tokenRow(page, description)).toHaveCount(0);
    });

    test('a long list with every status chip, an expired row and the filter box', async ({ page }) => {
      const tokens = listWithEveryStatus();
      await serveTokenList(page, tokens);
      await signIn(page, DEMO_USERS.aws);
      const list = yourTokens(page);
      await expect(list.getByRole('listitem')).toHaveCount(tokens.length);
      for (const status of ['Active', 'Expires soon', 'Expired', 'Never expires']) {
        await expect(list.getByText(status, { exact: true }).first()).toBeVisible();
      }
      await expect(tokenRow(page, 'Old laptop')).toContainText(/Expired.*10 days ago/);
      await expect(page.getByLabel('Filter by description')).toBeVisible();
      await expectNoAxeViolations(page);

      await page.getByLabel('Filter by description').fill('build agent');
      await expect(list.getByRole('listitem')).toHaveCount(8);
      await expectNoAxeViolations(page);
    });
  });
}
