import { DEMO_USERS, expect, expectNoAxeViolations, signIn, test } from './fixtures';
import { accessTokenOf, deleteThroughUi, generateDialog, generateThroughUi, openTeam, tokenRow, uniqueDescription } from './tokenFlows';
import { teamIdOf, tfeGet, tfePost } from './tfeApi';

const TEAM_TOKEN = { openLabel: 'Generate team token', dialogTitle: 'Generate team token' };

test.describe('HCP Terraform flavor › Teams › Edit › Team API tokens', () => {
  test.use({ server: 'tfe' });

  test('a member generates a team token; it works at /api/v2 until deleted', async ({ page, request }) => {
    await signIn(page);
    await openTeam(page, 'TERRAKUBE_DEVELOPERS');
    const description = uniqueDescription('Pipeline');
    const { dialog, secret } = await generateThroughUi(page, { ...TEAM_TOKEN, description, preset: '7 days' });
    expect((await tfeGet(request, 'organizations/simple/teams', secret)).status()).toBe(200);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await deleteThroughUi(page, description);
    expect((await tfeGet(request, 'organizations/simple/teams', secret)).status()).toBe(401);
  });

  test('a description already taken is said under Description, the input kept', async ({ page }) => {
    await signIn(page);
    await openTeam(page, 'TERRAKUBE_ADMIN');
    const description = uniqueDescription('Deploy');
    const { dialog } = await generateThroughUi(page, { ...TEAM_TOKEN, description, preset: '30 days' });
    await dialog.getByRole('button', { name: 'Done' }).click();

    await page.getByRole('button', { name: 'Generate team token' }).first().click();
    const again = generateDialog(page, 'Generate team token');
    await again.getByLabel('Description').fill(description);
    await again.getByRole('button', { name: 'Generate', exact: true }).click();
    const field = again.getByLabel('Description');
    await expect(field).toHaveAccessibleDescription(/already been taken/);
    await expect(field).toHaveValue(description);
    await expect(field).toBeFocused();
    await expectNoAxeViolations(page);
  });

  test('a team with 150 tokens shows all 150', async ({ page, request }) => {
    await signIn(page, DEMO_USERS.gcp);
    const token = await accessTokenOf(page);
    const teamId = await teamIdOf(request, token, 'GCP_DEVELOPERS');
    const prefix = uniqueDescription('Bulk');
    for (let i = 0; i < 150; i += 10) {
      await Promise.all(
        Array.from({ length: 10 }, (_, j) =>
          tfePost(request, `teams/${teamId}/authentication-tokens`, token, {
            data: { type: 'authentication-tokens', attributes: { description: `${prefix} ${i + j}`, 'expired-at': null } },
          }).then((response) => expect(response.status()).toBe(201)),
        ),
      );
    }
    await openTeam(page, 'GCP_DEVELOPERS');
    const rows = page.getByRole('list', { name: 'GCP_DEVELOPERS tokens' }).getByRole('listitem');
    await expect(rows.first()).toHaveAttribute('aria-setsize', '150');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' }).click();
    await expect(page.getByRole('list', { name: 'Teams' })).toContainText('150 active tokens');
  });

  test('a non-member sees why they cannot generate', async ({ page }) => {
    await signIn(page, DEMO_USERS.aws);
    await openTeam(page, 'TERRAKUBE_ADMIN');
    await expect(page.getByRole('button', { name: 'Generate team token' })).toBeDisabled();
    await expect(page.getByText('Only members of TERRAKUBE_ADMIN can create its tokens.')).toBeVisible();
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations(page);
  });
});

test.describe('Terraform Enterprise with one token per team', () => {
  test.use({ server: 'tfe-single' });

  test('generating again asks first, then replaces the token: the old secret stops working', async ({ page, request }) => {
    await signIn(page, DEMO_USERS.azure);
    await openTeam(page, 'AZURE_DEVELOPERS');
    await page.getByRole('button', { name: 'Generate team token' }).first().click();
    let dialog = generateDialog(page, 'Generate team token');
    await expect(dialog.getByLabel('Description')).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Generate', exact: true }).click();
    const first = await dialog.getByLabel('Token', { exact: true }).inputValue();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(tokenRow(page, 'Untitled token')).toHaveCount(1);

    await page.getByRole('button', { name: 'Generate team token' }).first().click();
    dialog = generateDialog(page, 'Generate team token');
    await expect(dialog).toContainText('stops working');
    await expectNoAxeViolations(page);
    await dialog.getByRole('button', { name: 'Replace token' }).click();
    await dialog.getByRole('button', { name: 'Generate', exact: true }).click();
    const second = await dialog.getByLabel('Token', { exact: true }).inputValue();
    expect(second).not.toBe(first);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(tokenRow(page, 'Untitled token')).toHaveCount(1);

    expect((await tfeGet(request, 'organizations/simple/teams', first)).status()).toBe(401);
    expect((await tfeGet(request, 'organizations/simple/teams', second)).status()).toBe(200);
  });
});
