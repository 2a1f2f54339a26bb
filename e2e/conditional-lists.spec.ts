import type { Page, Response } from '@playwright/test';
import { DEMO_USERS, expect, signIn, test, type DemoUser } from './fixtures';
import { TOKEN_LIST_NAME } from './measurements';
import { generateThroughUi, tokenRow, uniqueDescription } from './tokenFlows';

/** Past the app's one minute in which a list counts as fresh, so that the next window focus refetches it. */
const PAST_FRESH_MS = 61_000;

/** The next answer to a GET of the personal token list, read to the end. */
async function nextListAnswer(page: Page, isList: (url: URL) => boolean, trigger: () => Promise<unknown>): Promise<Response> {
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => candidate.request().method() === 'GET' && isList(new URL(candidate.url()))),
    trigger(),
  ]);
  await response.finished();
  return response;
}

/** The window regains focus, as when the person comes back to the tab: TanStack Query refetches stale lists. */
async function focusAgain(page: Page): Promise<void> {
  await page.clock.fastForward(PAST_FRESH_MS);
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
}

const FLAVORS: { server: 'terrakube' | 'tfe'; user: DemoUser; fullStatus: number; isList: (url: URL) => boolean; generatePath: RegExp }[] = [
  { server: 'terrakube', user: DEMO_USERS.gcp, fullStatus: 202, isList: (url) => url.pathname === '/pat/v1', generatePath: /\/pat\/v1$/ },
  {
    server: 'tfe',
    user: DEMO_USERS.aws,
    fullStatus: 200,
    isList: (url) => /^\/api\/v2\/users\/[^/]+\/authentication-tokens$/.test(url.pathname),
    generatePath: /\/api\/v2\/users\/[^/]+\/authentication-tokens$/,
  },
];

for (const flavor of FLAVORS) {
  test.describe(`${flavor.server} flavor › an unchanged token list is revalidated`, () => {
    test.use({ server: flavor.server });

    test('a refetch on window focus is a 304 with no body; after a generate the list comes in full with the new row', async ({ page }) => {
      await page.clock.install();
      const description = uniqueDescription('Revalidated');
      const first = await nextListAnswer(page, flavor.isList, () => signIn(page, flavor.user));
      expect(first.status()).toBe(flavor.fullStatus);
      const etag = await first.headerValue('etag');
      expect(etag).toMatch(/^"[\w-]+"$/);
      const list = page.getByRole('list', { name: TOKEN_LIST_NAME }).or(page.getByText(/no API tokens yet/i)).first();
      await expect(list).toBeVisible();
      const shown = await page.getByRole('listitem').count();

      const again = await nextListAnswer(page, flavor.isList, () => focusAgain(page));
      expect(await again.request().headerValue('if-none-match')).toBe(etag);
      expect(again.status()).toBe(304);
      expect((await again.request().sizes()).responseBodySize).toBe(0);
      await expect(page.getByRole('listitem')).toHaveCount(shown);

      const generated = page.waitForResponse((response) => response.request().method() === 'POST' && flavor.generatePath.test(response.url()));
      const refetched = nextListAnswer(page, flavor.isList, async () => {
        const { dialog } = await generateThroughUi(page, { description });
        // The secret's answer is never stored by any cache, nor given a validator.
        const secretAnswer = await generated;
        expect(await secretAnswer.headerValue('cache-control')).toBe('no-store');
        expect(await secretAnswer.headerValue('etag')).toBeNull();
        await dialog.getByRole('button', { name: 'Done' }).click();
      });
      const afterGenerate = await refetched;
      expect(afterGenerate.status()).toBe(flavor.fullStatus);
      expect(await afterGenerate.headerValue('etag')).not.toBe(etag);
      expect(await afterGenerate.text()).toContain(description);
      await expect(tokenRow(page, description)).toBeVisible();
    });
  });
}
