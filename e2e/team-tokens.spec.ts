import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { DEMO_USERS, expect, expectNoAxeViolations, signIn, test } from './fixtures';
import {
  accessTokenOf,
  apiGet,
  chooseExpiry,
  deleteThroughUi,
  generateDialog,
  generateThroughUi,
  openTeam,
  openTeams,
  tabTo,
  tokenRow,
  uniqueDescription,
} from './tokenFlows';

const ORGANIZATION_ID = 'd9b58bd3-f3fc-4056-a026-1163297e80a8';
const ADMIN_TEAM_ID = '58529721-425e-44d7-8b0d-1d515043c2f7';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const TEAMS_PATH = `/organizations/${ORGANIZATION_ID}/settings/teams`;
const TEAM_TOKEN = { openLabel: 'Generate team token', dialogTitle: 'Generate team token' };

interface ListedTeamToken {
  id: string;
  group: string;
  description: string;
}

/** A team's row on the Teams list. */
function teamRow(page: Page, name: string): Locator {
  return page.getByRole('list', { name: 'Teams' }).getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true }) });
}

async function teamTokensOf(request: APIRequestContext, accessToken: string, group: string): Promise<ListedTeamToken[]> {
  const response = await apiGet(request, '/access-token/v1/teams', accessToken);
  expect(response.status()).toBe(202);
  return ((await response.json()) as ListedTeamToken[]).filter((token) => token.group === group);
}

/** Starts a test from a team without tokens: whatever an earlier run left is deleted through the API. */
async function deleteTeamTokens(request: APIRequestContext, accessToken: string, group: string) {
  for (const { id } of await teamTokensOf(request, accessToken, group)) {
    const response = await request.delete(`/access-token/v1/teams/${id}`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(response.status()).toBe(202);
  }
}

const confirmation = (page: Page) =>
  page.getByRole('alertdialog', { name: 'Delete token?' }).or(page.getByRole('dialog', { name: 'Delete token?' }));

test.describe('Teams › Edit › Team API tokens', () => {
  test('a member generates a 30-minute team token, uses it, and deleting it revokes it', async ({ page, request, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await signIn(page);
    await openTeam(page, 'TERRAKUBE_DEVELOPERS');

    const permissions = page.getByRole('region', { name: 'Permissions' });
    await expect(permissions).toContainText('Manage workspaces: allowed');
    await expect(permissions).toContainText('Manage VCS connections: not allowed');
    const section = page.getByRole('region', { name: 'Team API tokens' });
    await expect(section).toContainText('CI/CD');
    await expect(section).toContainText('not tied to a person');
    await expect(section).toContainText("act with this team's permissions");

    const description = uniqueDescription('Pipeline');
    const posted = page.waitForRequest((r) => r.method() === 'POST' && new URL(r.url()).pathname === '/access-token/v1/teams');
    const { dialog, secret } = await generateThroughUi(page, {
      ...TEAM_TOKEN,
      description,
      preset: 'Custom',
      custom: { Days: '0', Hours: '0', Minutes: '30' },
    });
    expect((await posted).postDataJSON()).toEqual({ group: 'TERRAKUBE_DEVELOPERS', description, days: 0, hours: 0, minutes: 30 });
    await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    const expectedExpiry = Date.now() + 30 * 60_000;
    await dialog.getByRole('button', { name: 'Done' }).click();

    const row = tokenRow(page, description);
    await expect(row).toContainText('Expires soon');
    await expect(row).toContainText(/in (29|30) minutes/);
    // About 30 minutes ahead, as the browser's locale and zone write it (the minute may have turned meanwhile).
    const shownTimes = await page.evaluate(
      (ms) => [ms - 60_000, ms].map((t) => new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(t)),
      expectedExpiry,
    );
    await expect(row).toContainText(new RegExp(shownTimes.join('|')));
    await expect(row).toContainText(DEMO_USERS.admin.email);

    const teams = await apiGet(request, '/access-token/v1/teams/current-teams', secret);
    expect(teams.status()).toBe(202);
    expect((await teams.json()).groups).toEqual(['TERRAKUBE_DEVELOPERS']);

    await deleteThroughUi(page, description);
    expect((await apiGet(request, '/access-token/v1/teams/current-teams', secret)).status()).toBe(401);
  });

  test("each team's page shows only that team's tokens", async ({ page }) => {
    await signIn(page);
    const adminToken = uniqueDescription('Admin team');
    const developersToken = uniqueDescription('Developers team');

    await openTeam(page, 'TERRAKUBE_ADMIN');
    await (await generateThroughUi(page, { ...TEAM_TOKEN, description: adminToken })).dialog.getByRole('button', { name: 'Done' }).click();
    await expect(tokenRow(page, adminToken)).toBeVisible();

    await openTeam(page, 'TERRAKUBE_DEVELOPERS');
    await (await generateThroughUi(page, { ...TEAM_TOKEN, description: developersToken })).dialog.getByRole('button', { name: 'Done' }).click();
    await expect(tokenRow(page, developersToken)).toBeVisible();
    await expect(tokenRow(page, adminToken)).toHaveCount(0);

    await openTeam(page, 'TERRAKUBE_ADMIN');
    await expect(tokenRow(page, adminToken)).toBeVisible();
    await expect(tokenRow(page, developersToken)).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test('a non-member sees why they cannot generate, and a forced request changes nothing', async ({ page, request, browser, baseURL }) => {
    await signIn(page, DEMO_USERS.aws);
    await openTeam(page, 'TERRAKUBE_ADMIN');
    await expect(page.getByRole('button', { name: 'Generate team token' })).toBeDisabled();
    await expect(page.getByText('Only members of TERRAKUBE_ADMIN can create its tokens.')).toBeVisible();
    await expect(
      page.getByText("You are not a member of TERRAKUBE_ADMIN, so you cannot see its tokens: Terrakube shows a team's tokens to its members only."),
    ).toBeVisible();
    await expect(page.getByRole('list', { name: /tokens/i })).toHaveCount(0);
    await expectNoAxeViolations(page);

    // TERRAKUBE_ADMIN's tokens as its member admin@example.com sees them: aws@ sees none of them either way.
    const adminContext = await browser.newContext({ baseURL });
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, DEMO_USERS.admin);
    const adminAccessToken = await accessTokenOf(adminPage);
    await adminContext.close();
    const before = await teamTokensOf(request, adminAccessToken, 'TERRAKUBE_ADMIN');

    const forced = await request.post('/access-token/v1/teams', {
      headers: { authorization: `Bearer ${await accessTokenOf(page)}` },
      data: { group: 'TERRAKUBE_ADMIN', description: uniqueDescription('Forced'), days: 1, hours: 0, minutes: 0 },
      failOnStatusCode: false,
    });
    expect(forced.status()).toBe(403);
    expect(await teamTokensOf(request, adminAccessToken, 'TERRAKUBE_ADMIN')).toEqual(before);
  });

  test("Terrakube's empty-token answer is shown as not being a member, with no reveal step", async ({ page }) => {
    await signIn(page);
    await openTeam(page, 'TERRAKUBE_DEVELOPERS');
    await page.route('**/access-token/v1/teams', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({ status: 201, contentType: 'application/json', body: '{"token": ""}' })
        : route.fallback(),
    );
    await page.getByRole('button', { name: 'Generate team token' }).click();
    const dialog = generateDialog(page, 'Generate team token');
    const description = uniqueDescription('Quirk');
    await dialog.getByLabel('Description').fill(description);
    await dialog.getByRole('button', { name: 'Generate', exact: true }).click();
    await expect(dialog.getByRole('alert').filter({ hasText: 'You are not a member of TERRAKUBE_DEVELOPERS.' })).toBeVisible();
    await expect(dialog.getByLabel('Token', { exact: true })).toHaveCount(0);
    await expect(dialog.getByLabel('Description')).toHaveValue(description);
    await expectNoAxeViolations(page);
  });

  for (const [what, path] of [
    ['an unknown team id', `${TEAMS_PATH}/${UNKNOWN_ID}`],
    ['a real team id in an unknown organization', `/organizations/${UNKNOWN_ID}/settings/teams/${ADMIN_TEAM_ID}`],
    ['a team id that is not a UUID', `${TEAMS_PATH}/TERRAKUBE_ADMIN`],
  ] as const) {
    test(`${what} shows a not-found state`, async ({ page }) => {
      await signIn(page, DEMO_USERS.admin, path);
      await expect(page.getByRole('heading', { level: 1, name: 'Team not found' })).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: 'Back to Teams' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Teams' })).toBeVisible();
    });
  }

  test('an unknown organization on the Teams list shows a not-found state', async ({ page }) => {
    await signIn(page, DEMO_USERS.admin, `/organizations/${UNKNOWN_ID}/settings/teams`);
    await expect(page.getByRole('heading', { level: 1, name: 'Organization not found' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Choose an organization' }).click();
    await expect(page.getByRole('link', { name: 'Edit TERRAKUBE_ADMIN' })).toBeVisible();
  });

  test('the Teams list names the organization, membership and active token counts, in both themes', async ({ page, request }) => {
    await signIn(page, DEMO_USERS.azure);
    const accessToken = await accessTokenOf(page);
    await deleteTeamTokens(request, accessToken, 'AZURE_DEVELOPERS');
    const created = await request.post('/access-token/v1/teams', {
      headers: { authorization: `Bearer ${accessToken}` },
      data: { group: 'AZURE_DEVELOPERS', description: uniqueDescription('Counted'), days: 30, hours: 0, minutes: 0 },
    });
    expect(created.status()).toBe(201);

    await openTeams(page);
    await expect(page.getByText('Organization: simple')).toBeVisible();
    await expect(page.getByText('Your teams here let you manage state, manage workspaces and manage jobs.')).toBeVisible();
    const azure = teamRow(page, 'AZURE_DEVELOPERS');
    await expect(azure).toContainText('Member');
    await expect(azure).toContainText('1 active token');
    const admin = teamRow(page, 'TERRAKUBE_ADMIN');
    await expect(admin).toContainText('Not a member');
    await expect(admin).toContainText('Tokens visible to members');
    await expectNoAxeViolations(page);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoAxeViolations(page);
  });

  test('keyboard only: to the team, generate with a chosen duration, delete, and where focus lands', async ({ page, request }) => {
    await signIn(page, DEMO_USERS.azure);
    await deleteTeamTokens(request, await accessTokenOf(page), 'AZURE_DEVELOPERS');

    await tabTo(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' }));
    await page.keyboard.press('Enter');
    await tabTo(page, page.getByRole('link', { name: 'Edit AZURE_DEVELOPERS' }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Team: AZURE_DEVELOPERS' })).toBeVisible();

    const open = page.getByRole('button', { name: 'Generate team token' });
    await tabTo(page, open);
    await page.keyboard.press('Enter');
    const dialog = generateDialog(page, 'Generate team token');
    const description = uniqueDescription('Keyboard team');
    await expect(dialog.getByLabel('Description')).toBeFocused();
    await page.keyboard.type(description);

    // Into the presets (focus lands on the chosen one), then along them with the arrow keys to Custom.
    const custom = dialog.getByRole('radio', { name: 'Custom', exact: true });
    await tabTo(page, dialog.getByRole('radio', { name: '30 days', exact: true }));
    for (let i = 0; i < 10 && !(await custom.isChecked()); i++) await page.keyboard.press('ArrowRight');
    await expect(custom).toBeChecked();
    await expect(custom).toBeFocused();
    for (const [label, value] of [['Days', '0'], ['Hours', '2'], ['Minutes', '0']] as const) {
      await tabTo(page, dialog.getByRole('spinbutton', { name: label }));
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type(value);
    }
    await expect(dialog.getByRole('status').filter({ hasText: /^Expires on / })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(dialog.getByLabel('Token', { exact: true })).toBeVisible();

    await tabTo(page, dialog.getByRole('button', { name: 'Done' }));
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(open).toBeFocused();
    await expect(tokenRow(page, description)).toContainText(/in (1 hour|2 hours)/);

    const remove = page.getByRole('button', { name: `Delete token ${description}` });
    await tabTo(page, remove);
    await page.keyboard.press('Enter');
    await expect(confirmation(page).getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(confirmation(page).getByRole('button', { name: 'Delete', exact: true })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(tokenRow(page, description)).toHaveCount(0);
    // The team's last token went with its row and list: focus goes to the generate button.
    await expect(page.getByText('AZURE_DEVELOPERS has no API tokens yet.')).toBeVisible();
    await expect(open).toBeFocused();
  });
});

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`team screens' accessibility in the ${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('empty team, the generate dialog in each state, and the close confirmation', async ({ page, request }) => {
      // Eight axe passes: on a busy two-core machine they take most of the default 30 s on their own.
      test.setTimeout(60_000);
      // Only these tests touch GCP_DEVELOPERS' team tokens; what an earlier run left is removed first.
      await signIn(page, DEMO_USERS.gcp);
      await deleteTeamTokens(request, await accessTokenOf(page), 'GCP_DEVELOPERS');
      await openTeam(page, 'GCP_DEVELOPERS');
      await expect(page.getByText('GCP_DEVELOPERS has no API tokens yet.')).toBeVisible();
      await expectNoAxeViolations(page);

      await page.getByRole('button', { name: 'Generate team token' }).click();
      const dialog = generateDialog(page, 'Generate team token');
      await expect(dialog.getByRole('radio', { name: '15 minutes', exact: true })).toBeVisible();
      await expect(dialog.getByRole('radio', { name: '30 days', exact: true })).toBeChecked();
      await expectNoAxeViolations(page);

      await chooseExpiry(dialog, 'Custom');
      for (const label of ['Days', 'Hours', 'Minutes']) await expect(dialog.getByRole('spinbutton', { name: label })).toBeVisible();
      await expectNoAxeViolations(page);

      await dialog.getByLabel('Description').fill(uniqueDescription(`Axe ${colorScheme}`));
      await dialog.getByRole('spinbutton', { name: 'Days' }).fill('0');
      await dialog.getByRole('button', { name: 'Generate', exact: true }).click();
      await expect(dialog.getByText('Enter at least one minute in total.')).toBeVisible();
      await expectNoAxeViolations(page);

      await chooseExpiry(dialog, 'Never');
      await expect(dialog.getByText(/standing risk/)).toBeVisible();
      await expectNoAxeViolations(page);

      await chooseExpiry(dialog, '15 minutes');
      await dialog.getByRole('button', { name: 'Generate', exact: true }).click();
      await expect(dialog.getByLabel('Token', { exact: true })).toBeVisible();
      await expectNoAxeViolations(page);

      await page.keyboard.press('Escape');
      const closing = page.getByRole('alertdialog', { name: 'Have you copied your token?' });
      await expect(closing).toBeVisible();
      await expectNoAxeViolations(page);
      await closing.getByRole('button', { name: 'Close without copying' }).click();
      await expect(dialog).toBeHidden();
    });
  });
}
