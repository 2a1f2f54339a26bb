import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';
import { TOKEN_LIST_NAME } from './measurements';

test.use({ server: 'tfe' });

/**
 * The HCP Terraform API calls the page makes (`GET users/…/authentication-tokens?page[number]=1&page[size]=100`),
 * collected until `settled()` takes them: what one visit of a screen costs.
 */
function watchApiCalls(page: Page) {
  const calls: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/api/v2/')) return;
    const query = decodeURIComponent(url.search);
    calls.push(`${request.method()} ${url.pathname.slice('/api/v2/'.length)}${query}`);
  });
  return async function settled() {
    await page.waitForLoadState('networkidle');
    return calls.splice(0);
  };
}

/** The calls asked for more than once. */
const repeated = (calls: string[]) => calls.filter((call, index) => calls.indexOf(call) !== index);

test.describe('HCP Terraform flavor › one request per resource per visit', () => {
  test('the token list, Teams, a team page and back: each resource once, and none again from the cache', async ({ page }) => {
    const settled = watchApiCalls(page);
    await signIn(page);
    await expect(page.getByRole('list', { name: TOKEN_LIST_NAME }).or(page.getByText(/no API tokens yet/i)).first()).toBeVisible();
    const tokenList = await settled();
    expect(repeated(tokenList)).toEqual([]);
    expect(tokenList.filter((call) => /^GET users\/[^/]+\/authentication-tokens\?/.test(call))).toEqual([
      expect.stringMatching(/page\[number\]=1&page\[size\]=100$/),
    ]);
    expect(tokenList.filter((call) => call === 'GET account/details')).toHaveLength(1);

    const navigation = page.getByRole('navigation', { name: 'Main' });
    await navigation.getByRole('link', { name: 'Teams' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Teams' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Teams' })).toContainText('TERRAKUBE_DEVELOPERS');
    const teams = await settled();
    expect(repeated(teams)).toEqual([]);
    // Who is signed in is known from the token list's visit.
    expect(teams.filter((call) => call === 'GET account/details')).toEqual([]);
    expect(teams.filter((call) => call.startsWith('GET organizations/simple/teams?'))).toHaveLength(1);
    expect(teams.filter((call) => call.startsWith('GET organizations/simple/team-tokens?'))).toHaveLength(1);

    await page.getByRole('link', { name: 'Edit TERRAKUBE_DEVELOPERS' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Team: TERRAKUBE_DEVELOPERS' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'TERRAKUBE_DEVELOPERS tokens' }).or(page.getByText(/has no API tokens yet/)).first()).toBeVisible();
    const team = await settled();
    expect(repeated(team)).toEqual([]);
    // The organization's team tokens came with the Teams screen; the team itself is asked for once.
    expect(team.filter((call) => call.startsWith('GET organizations/simple/team-tokens'))).toEqual([]);
    expect(team.filter((call) => /^GET teams\/[^/?]+$/.test(call))).toHaveLength(1);

    await page.goBack();
    await expect(page.getByRole('list', { name: 'Teams' })).toContainText('TERRAKUBE_DEVELOPERS');
    await navigation.getByRole('link', { name: 'API tokens' }).click();
    await expect(page.getByRole('list', { name: TOKEN_LIST_NAME }).or(page.getByText(/no API tokens yet/i)).first()).toBeVisible();
    // Back within a minute: everything comes from the cache.
    expect(await settled()).toEqual([]);

    // A new visit (reload) asks again, once each.
    await page.reload();
    await expect(page.getByRole('list', { name: TOKEN_LIST_NAME }).or(page.getByText(/no API tokens yet/i)).first()).toBeVisible();
    const again = await settled();
    expect(repeated(again)).toEqual([]);
    expect(again.filter((call) => /authentication-tokens\?/.test(call))).toHaveLength(1);
  });

  test('a deep link to a team page asks for each resource once', async ({ page }) => {
    await signIn(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' }).click();
    await page.getByRole('link', { name: 'Edit TERRAKUBE_ADMIN' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Team: TERRAKUBE_ADMIN' })).toBeVisible();
    const settled = watchApiCalls(page);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Team: TERRAKUBE_ADMIN' })).toBeVisible();
    await expect(page.getByRole('list', { name: 'TERRAKUBE_ADMIN tokens' }).or(page.getByText(/has no API tokens yet/)).first()).toBeVisible();
    const calls = await settled();
    expect(repeated(calls)).toEqual([]);
    expect(calls.filter((call) => call.startsWith('GET organizations/simple/team-tokens?'))).toHaveLength(1);
  });
});
