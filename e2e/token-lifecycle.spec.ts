import type { APIRequestContext } from '@playwright/test';
import { DEMO_USERS, expect, signIn, test } from './fixtures';
import {
  deleteExpiredWithKeyboard,
  expectNoAxeViolationsInBothThemes,
  regenerateWithKeyboard,
  reloadUntilExpired,
} from './lifecycleFlows';
import { accessTokenOf, apiGet, generateThroughUi, openTeam, tokenRow, uniqueDescription } from './tokenFlows';

const json = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

async function createPat(request: APIRequestContext, accessToken: string, description: string, days: number) {
  const response = await request.post('/pat/v1', { headers: json(accessToken), data: { description, days } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { token: string }).token;
}

test.describe('Terrakube flavor › the token lifecycle', () => {
  test('a token used with curl-like requests says when it was last used', async ({ page, request }) => {
    await signIn(page);
    const description = uniqueDescription('Used');
    const { dialog, secret } = await generateThroughUi(page, { description, preset: '7 days' });
    await dialog.getByRole('button', { name: 'Done' }).click();
    const row = tokenRow(page, description);
    await expect(row).toContainText(/Last used\s*Never/);

    expect((await apiGet(request, '/pat/v1', secret)).status()).toBe(202);
    await page.reload();
    await expect(row).toContainText(/Last used\s*just now/);
    const exact = row.locator('time[title]').last();
    await expect(exact).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
    expect(Math.abs(Date.parse((await exact.getAttribute('datetime'))!) - Date.now())).toBeLessThan(60_000);
    await page.getByRole('button', { name: 'Last used' }).click();
    await expect(page.getByRole('button', { name: 'Last used' })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('list', { name: 'Your API tokens' }).getByRole('listitem').first()).toContainText(description);
  });

  test('regenerate: the new secret works, the old one is refused, the description is kept', async ({ page, request }) => {
    await signIn(page);
    const description = uniqueDescription('Regenerated');
    const { dialog: generated, secret: old } = await generateThroughUi(page, { description, preset: '30 days' });
    await generated.getByRole('button', { name: 'Done' }).click();
    await expect(tokenRow(page, description)).toHaveCount(1);

    const { dialog, secret } = await regenerateWithKeyboard(page, description);
    expect(secret).not.toBe(old);
    await expect(dialog).toContainText('in 30 days');
    await expect(page.getByText(`Token ${description} regenerated: the old token no longer works`)).toBeAttached();
    await expectNoAxeViolationsInBothThemes(page);
    await dialog.getByRole('button', { name: 'Done' }).click();

    expect((await apiGet(request, '/pat/v1', secret)).status()).toBe(202);
    expect((await apiGet(request, '/pat/v1', old)).status()).toBe(401);
    await expect(tokenRow(page, description)).toHaveCount(1);
    await expect(tokenRow(page, description)).toContainText(/in (29|30) days/);
    const listed = (await (await apiGet(request, '/pat/v1', await accessTokenOf(page))).json()) as { description: string; days: number }[];
    expect(listed.filter((pat) => pat.description === description)).toEqual([expect.objectContaining({ days: 30 })]);
  });

  test('the status filter from a link, the notice that leads to it, and a reload that keeps it', async ({ page, request }) => {
    await signIn(page, DEMO_USERS.azure);
    const accessToken = await accessTokenOf(page);
    const soon = uniqueDescription('Soon');
    const later = uniqueDescription('Later');
    await createPat(request, accessToken, soon, 3);
    await createPat(request, accessToken, later, 60);

    await page.reload();
    const notice = page.getByRole('note').filter({ hasText: /of your tokens expires? this week/ });
    await expect(notice).toBeVisible();
    await notice.getByRole('link', { name: /^Review (them|it)$/ }).click();
    await expect(page).toHaveURL(/\/settings\/tokens\?status=expiring$/);
    const list = page.getByRole('list', { name: 'Your API tokens' });
    await expect(page.getByRole('group', { name: 'Status' }).getByRole('button', { name: /^Expires soon/ })).toHaveAttribute('aria-pressed', 'true');
    await expect(tokenRow(page, soon)).toHaveCount(1);
    await expect(tokenRow(page, later)).toHaveCount(0);
    for (const row of await list.getByRole('listitem').all()) await expect(row).toContainText('Expires soon');
    await expectNoAxeViolationsInBothThemes(page);

    await page.goto('/settings/tokens?status=active');
    await expect(tokenRow(page, later)).toHaveCount(1);
    await expect(tokenRow(page, soon)).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('button', { name: /^Active \d/ })).toHaveAttribute('aria-pressed', 'true');
    await expect(tokenRow(page, soon)).toHaveCount(0);
    await page.getByRole('button', { name: /^All \d/ }).click();
    await expect(page).toHaveURL(/\/settings\/tokens$/);
    await expect(tokenRow(page, soon)).toHaveCount(1);
  });

  test("deletes a team's expired tokens and leaves its live ones", async ({ page, request }) => {
    test.setTimeout(150_000);
    await signIn(page, DEMO_USERS.aws);
    const accessToken = await accessTokenOf(page);
    const make = async (description: string, minutes: number, days = 0) => {
      const response = await request.post('/access-token/v1/teams', {
        headers: json(accessToken),
        data: { group: 'AWS_DEVELOPERS', description, days, hours: 0, minutes },
      });
      expect(response.status()).toBe(201);
    };
    const expiring = [1, 2, 3].map((n) => uniqueDescription(`Spent ${n}`));
    const live = [uniqueDescription('Live'), uniqueDescription('Live')];
    for (const description of expiring) await make(description, 1);
    // Terrakube's shortest team token lasts a minute.
    const expiredAt = Date.now() + 61_000;
    await make(live[0]!, 0, 30);
    await make(live[1]!, 30);

    await openTeam(page, 'AWS_DEVELOPERS');
    await expect(page.getByRole('button', { name: /^Delete \d+ expired tokens?$/ })).toHaveCount(0);
    await reloadUntilExpired(page, expiring[2]!, expiredAt);
    await deleteExpiredWithKeyboard(page, expiring);
    for (const description of live) await expect(tokenRow(page, description)).toHaveCount(1);
    await page.reload();
    for (const description of expiring) await expect(tokenRow(page, description)).toHaveCount(0);
    for (const description of live) await expect(tokenRow(page, description)).toHaveCount(1);
  });
});
