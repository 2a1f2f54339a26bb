import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { E2E_SERVERS, type E2eServer } from './servers';

export const DEMO_USERS = {
  admin: { email: 'admin@example.com', password: 'admin', name: 'Admin User' },
  aws: { email: 'aws@example.com', password: 'aws', name: 'AWS Developer' },
  azure: { email: 'azure@example.com', password: 'azure', name: 'Azure Developer' },
  gcp: { email: 'gcp@example.com', password: 'gcp', name: 'GCP Developer' },
} as const;

export type DemoUser = (typeof DEMO_USERS)[keyof typeof DEMO_USERS];

/** Fills in the embedded provider's sign-in page, as a person would. */
export async function fillSignInForm(page: Page, user: { email: string; password: string }) {
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Opens `path`, signs in through the real OIDC flow and waits to land back on `path`. */
export async function signIn(page: Page, user: DemoUser = DEMO_USERS.admin, path = '/settings/tokens') {
  await page.goto(path);
  await fillSignInForm(page, user);
  await expect(page.getByText(user.name)).toBeVisible();
}

/** axe-core with the WCAG 2.1 A and AA rules, once transitions have settled (a fading dialog has low contrast). */
export async function expectNoAxeViolations(page: Page) {
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
  );
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

export const test = base.extend<{ consoleMessages: string[]; cspViolations: string[]; server: E2eServer }>({
  /** Which embedded server (which flavor of the app) a test runs against: `test.use({ server: 'tfe' })`. */
  server: ['terrakube', { option: true }],
  baseURL: async ({ server }, use) => {
    const variable = E2E_SERVERS[server].urlVariable;
    const url = process.env[variable];
    if (!url) throw new Error(`${variable} is not set: run the tests through playwright.config.ts`);
    await use(url);
  },
  consoleMessages: async ({ page }, use) => {
    const messages: string[] = [];
    page.on('console', (message) => messages.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => messages.push(`pageerror: ${error.message}`));
    await use(messages);
  },
  /**
   * Every test fails if the browser refused anything under the server's Content-Security-Policy (it says so in
   * the console). A test that provokes a refusal on purpose takes it out of the list.
   */
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await use(violations);
      expect(violations, 'Content-Security-Policy violations in the browser console').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
