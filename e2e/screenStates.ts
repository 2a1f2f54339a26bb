import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { generateDialog, openTeam, openTeams } from './tokenFlows';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A token as the embedded server lists it (GET /pat/v1), made `createdDaysAgo` days ago for `days` days (0: never
 * expires), last used `lastUsedHoursAgo` hours ago (`null`: never).
 */
function listedPat(description: string, createdDaysAgo: number, days: number, lastUsedHoursAgo: number | null, createdBy: string) {
  const createdDate = new Date(Date.now() - createdDaysAgo * DAY).toISOString();
  const lastUsedDate = lastUsedHoursAgo === null ? null : new Date(Date.now() - lastUsedHoursAgo * HOUR).toISOString();
  return { id: crypto.randomUUID(), days, description, deleted: false, createdDate, createdBy, updatedDate: createdDate, updatedBy: createdBy, lastUsedDate };
}

/**
 * Tokens with every status, two expiring this week (the notice), two expired (Delete 2 expired tokens), one
 * description long enough to wrap on a phone, and uses from minutes to weeks ago, and never.
 */
export function tokensWithEveryStatus(createdBy = 'admin@example.com'): object[] {
  return [
    listedPat('CI pipeline for the infrastructure repository', 2, 90, 0.2, createdBy),
    listedPat('Laptop CLI', 10, 30, 3, createdBy),
    listedPat('Nightly drift check', 27, 30, 20, createdBy),
    listedPat('Deploy bot', 86, 90, null, createdBy),
    listedPat('Break-glass access for the on-call engineer, kept in the vault and rotated every quarter', 120, 0, null, createdBy),
    listedPat('Old release job', 40, 30, 24 * 12, createdBy),
    listedPat('Cost report', 400, 365, 24 * 40, createdBy),
  ];
}

/** Answers the personal token list with `tokens`; generating and deleting still reach the server. */
export async function servePersonalTokens(page: Page, tokens: object[]): Promise<void> {
  await page.route('**/pat/v1', (route) =>
    route.request().method() === 'GET'
      ? route.fulfill({ status: 202, contentType: 'application/json', body: JSON.stringify(tokens) })
      : route.fallback(),
  );
}

/** One screen or dialog state, reached from any page of the signed-in app. */
export interface ScreenState {
  name: string;
  open: (page: Page) => Promise<void>;
}

async function openTokens(page: Page, search = ''): Promise<void> {
  await page.goto(`/settings/tokens${search}`);
  await expect(page.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Your API tokens' }).or(page.getByText(/You have no API tokens yet/))).toBeVisible();
}

async function openGenerate(page: Page): Promise<void> {
  await openTokens(page);
  await page.getByRole('button', { name: 'Generate token', exact: true }).first().click();
  await expect(generateDialog(page).getByLabel('Description')).toBeVisible();
}

async function openReveal(page: Page): Promise<void> {
  await openGenerate(page);
  const dialog = generateDialog(page);
  await dialog.getByLabel('Description').fill('Terraform Cloud migration');
  await dialog.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(dialog.getByLabel('Token', { exact: true })).toBeVisible();
}

/** The personal token screens and their dialogs, over a list served with `tokensWithEveryStatus` (or empty). */
export const TOKEN_STATES: ScreenState[] = [
  { name: 'tokens', open: (page) => openTokens(page) },
  {
    name: 'tokens-filtered',
    open: async (page) => {
      await openTokens(page, '?status=expiring');
      await expect(page.getByRole('button', { name: /^Expires soon/, pressed: true })).toBeVisible();
    },
  },
  { name: 'generate', open: openGenerate },
  {
    name: 'generate-errors',
    open: async (page) => {
      await openGenerate(page);
      await generateDialog(page).getByRole('button', { name: 'Generate', exact: true }).click();
      await expect(generateDialog(page).getByText('Description is required.')).toBeVisible();
    },
  },
  { name: 'generate-reveal', open: openReveal },
  {
    name: 'generate-close-guard',
    open: async (page) => {
      await openReveal(page);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('alertdialog', { name: 'Have you copied your token?' })).toBeVisible();
    },
  },
  {
    name: 'delete',
    open: async (page) => {
      await openTokens(page);
      await page.getByRole('button', { name: /^Delete token / }).first().click();
      await expect(page.getByRole('alertdialog', { name: 'Delete token?' })).toBeVisible();
    },
  },
  {
    name: 'regenerate',
    open: async (page) => {
      await openTokens(page);
      await page.getByRole('button', { name: /^Regenerate token / }).first().click();
      await expect(page.getByRole('dialog', { name: 'Regenerate token' })).toBeVisible();
    },
  },
  {
    name: 'delete-expired',
    open: async (page) => {
      await openTokens(page);
      await page.getByRole('button', { name: /^Delete \d+ expired tokens?$/ }).click();
      await expect(page.getByRole('alertdialog', { name: /^Delete \d+ expired tokens?\?$/ })).toBeVisible();
    },
  },
];

/** The empty list: the same screen over a list served empty. */
export const EMPTY_TOKENS_STATE: ScreenState = {
  name: 'tokens-empty',
  open: async (page) => {
    await openTokens(page);
    await expect(page.getByText(/You have no API tokens yet/)).toBeVisible();
  },
};

/** The screens that are not the token list: Teams, a team's page and a path the app does not know. */
export const OTHER_STATES: ScreenState[] = [
  {
    name: 'teams',
    open: async (page) => {
      await openTokens(page);
      await openTeams(page);
    },
  },
  {
    name: 'team',
    open: async (page) => {
      await openTokens(page);
      await openTeam(page, 'TERRAKUBE_DEVELOPERS');
      await expect(page.getByRole('list', { name: /tokens/i }).or(page.getByText(/has no API tokens yet/))).toBeVisible();
    },
  },
  {
    name: 'not-found',
    open: async (page) => {
      await page.goto('/no/such/page');
      await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    },
  },
];

/** The embedded identity provider's sign-in page, before and after a wrong password (opened signed out). */
export const SIGN_IN_STATES: ScreenState[] = [
  {
    name: 'sign-in',
    open: async (page) => {
      await page.goto('/settings/tokens');
      await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    },
  },
  {
    name: 'sign-in-error',
    open: async (page) => {
      await page.goto('/settings/tokens');
      // An account that does not exist: the failed sign-in counts against no one's limit.
      await page.getByLabel('Email').fill('nobody@example.com');
      await page.getByLabel('Password').fill('not the password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
      await expect(page.locator('.error')).toBeVisible();
    },
  },
];

/** The HCP Terraform flavor's token sign-in page (the `tfe-token-sign-in` server), before and after a refused token. */
export const TOKEN_SIGN_IN_STATES: ScreenState[] = [
  {
    name: 'token-sign-in',
    open: async (page) => {
      await page.goto('/settings/tokens');
      await expect(page.getByLabel('API token')).toBeVisible();
    },
  },
  {
    name: 'token-sign-in-refused',
    open: async (page) => {
      await page.goto('/settings/tokens');
      await page.getByLabel('API token').fill('not-a-real-token');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByText('did not accept this token', { exact: false })).toBeVisible();
    },
  },
];
