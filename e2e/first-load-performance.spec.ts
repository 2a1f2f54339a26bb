import type { Locator, Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';
import { filesLoadedBy, type LoadedFile } from './measurements';
import type { E2eServer } from './servers';
import { openTeam } from './tokenFlows';

/** JS + CSS (and fonts and images, if any) a first visit transfers, gzip, on either flavor of the app. */
const BUDGET_BYTES = { tokens: 160_000, teamPage: 175_000, tokenSignIn: 175_000 };

function printed(what: string, files: LoadedFile[], total: number): string {
  return [
    `First load of ${what} (transferred):`,
    ...files.map((file) => `  ${(file.transferred / 1000).toFixed(1).padStart(7)} KB  ${file.encoding.padEnd(8)} ${file.path}`),
    `  ${(total / 1000).toFixed(1).padStart(7)} KB  total`,
  ].join('\n');
}

/** Loads `path` afresh (cache off) and holds what it transferred to `budget`; answers the paths it loaded. */
async function expectFirstLoadWithin(page: Page, what: string, path: string, budget: number, ready?: (page: Page) => Locator) {
  const files = await filesLoadedBy(page, path, ready);
  const total = files.reduce((sum, file) => sum + file.transferred, 0);
  console.log(printed(what, files, total));
  expect(files.filter((file) => file.kind === 'js').length).toBeGreaterThan(0);
  // Bundles travel compressed (the server leaves files under 1 KB as they are).
  expect(files.filter((file) => file.path.startsWith('/assets/') && file.transferred > 1000 && file.encoding !== 'gzip')).toEqual([]);
  expect(total).toBeLessThanOrEqual(budget);
  return files.map((file) => file.path);
}

const teamHeading = (page: Page) => page.getByRole('heading', { level: 1, name: /^Team: / });

for (const server of ['terrakube', 'tfe'] as const satisfies E2eServer[]) {
  test.describe(`first-load budgets, ${server} flavor`, () => {
    test.use({ server });

    test(`/settings/tokens signed in: at most ${BUDGET_BYTES.tokens / 1000} KB, without the dialogs or the teams screens`, async ({ page }) => {
      await signIn(page);
      const paths = await expectFirstLoadWithin(page, `/settings/tokens (${server})`, '/settings/tokens', BUDGET_BYTES.tokens);
      expect(paths.filter((path) => /GenerateTokenDialog|DeleteTokenDialog|TeamPage|TeamsPage/.test(path))).toEqual([]);
    });

    test(`a deep link to a team page: at most ${BUDGET_BYTES.teamPage / 1000} KB`, async ({ page }) => {
      await signIn(page);
      await openTeam(page, 'TERRAKUBE_ADMIN');
      const teamPath = new URL(page.url()).pathname;
      const paths = await expectFirstLoadWithin(page, `a team page (${server})`, teamPath, BUDGET_BYTES.teamPage, teamHeading);
      expect(paths.filter((path) => /GenerateTokenDialog|DeleteTokenDialog/.test(path))).toEqual([]);
    });
  });
}

test.describe('first-load budgets, HCP Terraform flavor signing in with a user API token', () => {
  test.use({ server: 'tfe-token-sign-in' });

  test(`the token sign-in page: at most ${BUDGET_BYTES.tokenSignIn / 1000} KB`, async ({ page }) => {
    const signInHeading = (at: Page) => at.getByRole('heading', { level: 1, name: /^Sign in to / });
    await expectFirstLoadWithin(page, 'the token sign-in page (tfe)', '/settings/tokens', BUDGET_BYTES.tokenSignIn, signInHeading);
  });
});
