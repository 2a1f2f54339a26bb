import type { APIRequestContext } from '@playwright/test';
import { DEMO_USERS, expect, signIn, test } from './fixtures';
import {
  deleteExpiredWithKeyboard,
  expectNoAxeViolationsInBothThemes,
  regenerateWithKeyboard,
  reloadUntilExpired,
} from './lifecycleFlows';
import { teamIdOf, tfeGet, tfePost, userIdOf } from './tfeApi';
import { accessTokenOf, generateThroughUi, openTeam, tokenRow, uniqueDescription } from './tokenFlows';

test.use({ server: 'tfe' });

const DAY = 86_400_000;

async function createToken(request: APIRequestContext, accessToken: string, path: string, description: string, lifetimeMs: number) {
  const response = await tfePost(request, path, accessToken, {
    data: { type: 'authentication-tokens', attributes: { description, 'expired-at': new Date(Date.now() + lifetimeMs).toISOString() } },
  });
  expect(response.status()).toBe(201);
}

test.describe('HCP Terraform flavor › the token lifecycle', () => {
  test('a token used with curl-like requests says when it was last used, as last-used-at does', async ({ page, request }) => {
    await signIn(page);
    const description = uniqueDescription('Used');
    const { dialog, secret } = await generateThroughUi(page, { description, preset: '7 days' });
    await dialog.getByRole('button', { name: 'Done' }).click();
    const row = tokenRow(page, description);
    await expect(row).toContainText(/Last used\s*Never/);

    expect((await tfeGet(request, 'account/details', secret)).status()).toBe(200);
    await page.reload();
    await expect(row).toContainText(/Last used\s*just now/);
    const listed = await tfeGet(request, `users/${await userIdOf(request, secret)}/authentication-tokens`, secret);
    const { data } = (await listed.json()) as { data: { attributes: { description: string; 'last-used-at': string | null } }[] };
    const usedAt = data.find((token) => token.attributes.description === description)!.attributes['last-used-at'];
    await expect(row.locator(`time[datetime="${usedAt}"]`)).toHaveCount(1);
  });

  test('regenerate: the new secret works, the old one is refused, the description is kept', async ({ page, request }) => {
    await signIn(page);
    const description = uniqueDescription('Regenerated');
    const { dialog: generated, secret: old } = await generateThroughUi(page, { description, preset: '90 days' });
    await generated.getByRole('button', { name: 'Done' }).click();

    const { dialog, secret } = await regenerateWithKeyboard(page, description);
    await expect(dialog).toContainText('in 90 days');
    await expect(page.getByText(`Token ${description} regenerated: the old token no longer works`)).toBeAttached();
    await dialog.getByRole('button', { name: 'Done' }).click();

    expect((await tfeGet(request, 'account/details', secret)).status()).toBe(200);
    expect((await tfeGet(request, 'account/details', old)).status()).toBe(401);
    await expect(tokenRow(page, description)).toHaveCount(1);
    await expect(tokenRow(page, description)).toContainText(/in (89|90) days/);
  });

  test('regenerating a team token where descriptions are unique names the new one apart', async ({ page, request }) => {
    await signIn(page, DEMO_USERS.azure);
    const accessToken = await accessTokenOf(page);
    const description = uniqueDescription('Deploy');
    await createToken(request, accessToken, `teams/${await teamIdOf(request, accessToken, 'AZURE_DEVELOPERS')}/authentication-tokens`, description, 30 * DAY);
    await openTeam(page, 'AZURE_DEVELOPERS');
    const { dialog } = await regenerateWithKeyboard(page, description);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(tokenRow(page, `${description} (regenerated)`)).toHaveCount(1);
    await expect(page.getByRole('list', { name: 'AZURE_DEVELOPERS tokens' }).getByRole('listitem').filter({ hasText: new RegExp(`^${description}(?! \\()`) })).toHaveCount(0);
  });

  test("deletes a team's expired tokens in one bulk request and leaves its live ones", async ({ page, request }) => {
    await signIn(page, DEMO_USERS.aws);
    const accessToken = await accessTokenOf(page);
    const tokensPath = `teams/${await teamIdOf(request, accessToken, 'AWS_DEVELOPERS')}/authentication-tokens`;
    const expiring = [1, 2, 3].map((n) => uniqueDescription(`Spent ${n}`));
    const live = [uniqueDescription('Live'), uniqueDescription('Live')];
    for (const description of expiring) await createToken(request, accessToken, tokensPath, description, 2_000);
    const expiredAt = Date.now() + 2_000;
    for (const description of live) await createToken(request, accessToken, tokensPath, description, 30 * DAY);

    await openTeam(page, 'AWS_DEVELOPERS');
    await reloadUntilExpired(page, expiring[2]!, expiredAt);
    const bulk = page.waitForRequest((r) => r.method() === 'DELETE' && /\/api\/v2\/organizations\/[^/]+\/team-tokens$/.test(r.url()));
    await deleteExpiredWithKeyboard(page, expiring);
    const sent = (await bulk).postDataJSON() as { data: { type: string; id: string }[] };
    expect(sent.data).toHaveLength(3);
    for (const description of live) await expect(tokenRow(page, description)).toHaveCount(1);
    await page.reload();
    for (const description of expiring) await expect(tokenRow(page, description)).toHaveCount(0);
  });

  test('a clean-up the server partly refuses falls back to one by one, names what stayed, and keeps it listed', async ({ page, request }) => {
    await signIn(page, DEMO_USERS.azure);
    const accessToken = await accessTokenOf(page);
    const tokensPath = `teams/${await teamIdOf(request, accessToken, 'AZURE_DEVELOPERS')}/authentication-tokens`;
    const [kept, gone] = [uniqueDescription('Kept'), uniqueDescription('Gone')];
    for (const description of [kept, gone]) await createToken(request, accessToken, tokensPath, description, 2_000);
    const expiredAt = Date.now() + 2_000;
    // Hard to bring about for real: the bulk delete fails, and so does the one-by-one delete of `kept`.
    const listed = (await (await tfeGet(request, `organizations/simple/team-tokens?q=AZURE_DEVELOPERS&page%5Bsize%5D=100`, accessToken)).json()) as {
      data: { id: string; attributes: { description: string } }[];
    };
    const keptId = listed.data.find((token) => token.attributes.description === kept)!.id;
    await page.route(/\/api\/v2\/organizations\/[^/]+\/team-tokens$/, (route) =>
      route.request().method() === 'DELETE' ? route.fulfill({ status: 503, json: { errors: [{ status: '503', title: 'unavailable' }] } }) : route.fallback(),
    );
    await page.route(`**/api/v2/authentication-tokens/${keptId}`, (route) =>
      route.fulfill({ status: 403, contentType: 'application/vnd.api+json', json: { errors: [{ status: '403', title: 'forbidden', detail: 'You may not delete this token.' }] } }),
    );

    await openTeam(page, 'AZURE_DEVELOPERS');
    await reloadUntilExpired(page, gone, expiredAt);
    await page.getByRole('button', { name: /^Delete \d+ expired tokens?$/ }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: /^Delete \d+ tokens?$/ }).click();
    const failed = page.getByRole('alertdialog', { name: 'Some expired tokens were not deleted' });
    await expect(failed.getByRole('list', { name: 'Tokens not deleted' })).toContainText(`${kept}: You may not delete this token.`);
    await expect(failed.getByRole('button', { name: 'Close' })).toBeFocused();
    await expectNoAxeViolationsInBothThemes(page);
    await page.keyboard.press('Enter');
    await expect(failed).toBeHidden();
    await expect(tokenRow(page, kept)).toHaveCount(1);
    await expect(tokenRow(page, gone)).toHaveCount(0);
  });

  test('the expiry notice on the Teams list and the status filter on a team page', async ({ page, request }) => {
    await signIn(page, DEMO_USERS.gcp);
    const accessToken = await accessTokenOf(page);
    const soon = uniqueDescription('Soon');
    await createToken(request, accessToken, `teams/${await teamIdOf(request, accessToken, 'GCP_DEVELOPERS')}/authentication-tokens`, soon, 2 * DAY);
    await openTeam(page, 'GCP_DEVELOPERS');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' }).click();
    const gcp = page.getByRole('list', { name: 'Teams' }).getByRole('listitem').filter({ hasText: 'GCP_DEVELOPERS' });
    await expect(gcp).toContainText(/\d+ tokens? expires? this week/);
    await expectNoAxeViolationsInBothThemes(page);
    await page.getByRole('link', { name: 'Edit GCP_DEVELOPERS' }).click();
    const notice = page.getByRole('note').filter({ hasText: /of this team's tokens expires? this week/ });
    await notice.getByRole('link', { name: /^Review (them|it)$/ }).click();
    await expect(page).toHaveURL(/\?status=expiring$/);
    await expect(tokenRow(page, soon)).toHaveCount(1);
    await page.reload();
    await expect(page.getByRole('button', { name: /^Expires soon \d/ })).toHaveAttribute('aria-pressed', 'true');
  });
});
