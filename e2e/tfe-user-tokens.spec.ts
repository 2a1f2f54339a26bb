import { DEMO_USERS, expect, expectNoAxeViolations, signIn, test } from './fixtures';
import { accessTokenOf, browserTraces, chooseExpiry, deleteThroughUi, generateDialog, generateThroughUi, tokenRow, uniqueDescription } from './tokenFlows';
import { tfeGet, userIdOf } from './tfeApi';

test.use({ server: 'tfe' });

const DAY = 86_400_000;

/** `datetime-local`'s value for a moment, in the browser's (and this machine's) time zone. */
function localDateTime(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

interface ListedToken {
  id: string;
  attributes: { description: string | null; 'expired-at': string | null };
}

test.describe('HCP Terraform flavor › User Settings › API tokens', () => {
  test('generates with a preset, copies it; the secret works at /api/v2 until the token is deleted', async ({ page, request, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await signIn(page);
    await expect(page.getByText(/call Terraform Enterprise as you/)).toBeVisible();
    const description = uniqueDescription('Laptop');
    const posted = page.waitForRequest((r) => r.method() === 'POST' && /\/api\/v2\/users\/[^/]+\/authentication-tokens$/.test(r.url()));
    const { dialog, secret } = await generateThroughUi(page, { description, preset: '30 days' });
    const request_ = await posted;
    expect(request_.headers()['content-type']).toContain('application/vnd.api+json');
    const sent = request_.postDataJSON() as { data: { type: string; attributes: { description: string; 'expired-at': string } } };
    expect(sent.data.type).toBe('authentication-tokens');
    expect(Date.parse(sent.data.attributes['expired-at']) - Date.now()).toBeGreaterThan(29 * DAY);
    await expect(dialog).toContainText('in 30 days');
    await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect(dialog.getByText('Copied', { exact: true }).first()).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);

    expect((await tfeGet(request, 'account/details', secret)).status()).toBe(200);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(tokenRow(page, description)).toContainText('Active');
    await deleteThroughUi(page, description);
    expect((await tfeGet(request, 'account/details', secret)).status()).toBe(401);
  });

  test('generates with an expiration date, and with Never', async ({ page, request }) => {
    await signIn(page);
    const token = await accessTokenOf(page);
    const userId = await userIdOf(request, token);

    const dated = uniqueDescription('Dated');
    // The next whole minute 45 days on: the field takes minutes, and "in 45 days" counts whole days left.
    const at = new Date(Date.now() + 45 * DAY + 60_000);
    at.setSeconds(0, 0);
    await page.getByRole('button', { name: 'Generate token', exact: true }).first().click();
    const dialog = generateDialog(page);
    await dialog.getByLabel('Description').fill(dated);
    await chooseExpiry(dialog, 'Custom');
    const dateField = dialog.getByLabel('Expiration date');
    await dateField.fill(localDateTime(at));
    await expect(dialog).toContainText('in 45 days');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Generate', exact: true }).click();
    await expect(dialog.getByLabel('Token', { exact: true })).toBeVisible();
    await dialog.getByRole('button', { name: 'Done' }).click();

    const never = uniqueDescription('Forever');
    const { dialog: second } = await generateThroughUi(page, { description: never, preset: 'Never' });
    await second.getByRole('button', { name: 'Done' }).click();
    await expect(tokenRow(page, never)).toContainText('Never expires');

    const listed = await tfeGet(request, `users/${userId}/authentication-tokens`, token);
    const { data } = (await listed.json()) as { data: ListedToken[] };
    const byDescription = new Map(data.map((item) => [item.attributes.description, item.attributes['expired-at']]));
    expect(Date.parse(byDescription.get(dated)!)).toBe(at.getTime());
    expect(byDescription.get(never)).toBeNull();
  });

  test('an expiration date in the past is refused next to the field, and nothing is sent', async ({ page }) => {
    await signIn(page, DEMO_USERS.gcp);
    let posts = 0;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/authentication-tokens')) posts += 1;
    });
    await page.getByRole('button', { name: 'Generate token', exact: true }).first().click();
    const dialog = generateDialog(page);
    await dialog.getByLabel('Description').fill('Too late');
    await chooseExpiry(dialog, 'Custom');
    await dialog.getByLabel('Expiration date').fill(localDateTime(new Date(Date.now() - DAY)));
    await dialog.getByRole('button', { name: 'Generate', exact: true }).click();
    await expect(dialog.getByText('The expiration date must be in the future.')).toBeVisible();
    await expect(dialog.getByLabel('Description')).toHaveValue('Too late');
    expect(posts).toBe(0);
  });

  test('the secret reaches no storage, URL or console', async ({ page, consoleMessages }) => {
    await signIn(page, DEMO_USERS.azure);
    const { dialog, secret } = await generateThroughUi(page, { description: uniqueDescription('Secret'), preset: '7 days' });
    await dialog.getByRole('button', { name: 'Done' }).click();
    const traces = await browserTraces(page);
    expect(traces).not.toContain(secret);
    expect(consoleMessages.join('\n')).not.toContain(secret);
  });
});
