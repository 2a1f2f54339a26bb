import type { APIRequestContext, Page, Request } from '@playwright/test';
import { DEMO_USERS, expect, signIn, test } from './fixtures';
import { TOKEN_LIST_NAME } from './measurements';
import { tfeGet, tfePost, userIdOf } from './tfeApi';
import { accessTokenOf, uniqueDescription } from './tokenFlows';

// Nothing else uses this server's personal tokens, so the list holds still while its pages are read.
test.use({ server: 'tfe-single' });

/** Past two pages of 100 (the server's largest page): three pages, the last one part full. */
const TOKENS = 250;
const SEED_CONCURRENCY = 10;

const pageNumberOf = (request: Request) => Number(new URL(request.url()).searchParams.get('page[number]'));

/** Signs in as the GCP developer, who then has exactly {@link TOKENS} tokens; answers their user id. */
async function signInWithTokens(page: Page, request: APIRequestContext): Promise<string> {
  await signIn(page, DEMO_USERS.gcp);
  const token = await accessTokenOf(page);
  const userId = await userIdOf(request, token);
  const listed = await tfeGet(request, `users/${userId}/authentication-tokens?page%5Bsize%5D=1`, token);
  const have = ((await listed.json()) as { meta: { pagination: { 'total-count': number } } }).meta.pagination['total-count'];
  const prefix = uniqueDescription('Paged');
  for (let start = have; start < TOKENS; start += SEED_CONCURRENCY) {
    await Promise.all(
      Array.from({ length: Math.min(SEED_CONCURRENCY, TOKENS - start) }, (_, offset) =>
        tfePost(request, `users/${userId}/authentication-tokens`, token, {
          data: { type: 'authentication-tokens', attributes: { description: `${prefix} ${start + offset}`, 'expired-at': null } },
        }).then((response) => expect(response.status()).toBe(201)),
      ),
    );
  }
  return userId;
}

test.describe('HCP Terraform flavor › a paged token list', () => {
  test('shows the first page while pages 2 and 3, asked for together after page 1, are on their way', async ({ page, request }) => {
    test.setTimeout(120_000);
    const userId = await signInWithTokens(page, request);

    // Page 1 goes through; pages 2 and up wait until the test lets them go, and say when they were asked for.
    const events: string[] = [];
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const held: number[] = [];
    await page.route(`**/api/v2/users/${userId}/authentication-tokens?*`, async (route) => {
      const number = pageNumberOf(route.request());
      events.push(`asked ${number}`);
      if (number > 1) {
        held.push(number);
        await released;
      }
      await route.continue();
    });
    page.on('requestfinished', (finished) => {
      if (finished.url().includes('/authentication-tokens?')) events.push(`answered ${pageNumberOf(finished)}`);
    });

    await page.reload();
    const list = page.getByRole('list', { name: TOKEN_LIST_NAME });
    await expect(list.getByRole('listitem').first()).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: '100 of 250 tokens loaded, loading the rest…' })).toBeVisible();
    // Both later pages are asked for at once, after page 1 has been answered, and neither has been answered.
    await expect.poll(() => [...held].sort()).toEqual([2, 3]);
    expect(events.slice(0, 2)).toEqual(['asked 1', 'answered 1']);
    expect(events.slice(2).sort()).toEqual(['asked 2', 'asked 3']);
    // Nothing counts the tokens or sorts them before they are all in.
    await expect(page.getByRole('button', { name: 'All', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Expiry', exact: true })).toBeDisabled();

    release();
    await expect(page.getByRole('status').filter({ hasText: /^250 tokens$/ })).toBeVisible();
    await expect(list.getByRole('listitem').first()).toHaveAttribute('aria-setsize', '250');
    await expect(page.getByRole('button', { name: /^All 250$/ })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Expiry', exact: true })).toBeEnabled();
  });

  test('a later page that fails leaves the pages before it shown, says the list is not complete, and Retry reads it all', async ({ page, request }) => {
    test.setTimeout(120_000);
    const userId = await signInWithTokens(page, request);
    const list = page.getByRole('list', { name: TOKEN_LIST_NAME });
    let failing = true;
    await page.route(`**/api/v2/users/${userId}/authentication-tokens?*`, (route) =>
      failing && pageNumberOf(route.request()) === 3
        ? route.fulfill({ status: 503, contentType: 'application/vnd.api+json', body: '{"errors":[{"status":"503","title":"unavailable"}]}' })
        : route.continue(),
    );
    await page.reload();
    // After the query's own retries of a server error. Page 2, asked for alongside page 3, may not be in yet.
    const alert = page.getByRole('alert').filter({ hasText: /^Only (100|200) of 250 tokens could be loaded, so the list is not complete/ });
    await expect(alert).toBeVisible({ timeout: 20_000 });
    const shown = /Only (\d+)/.exec((await alert.textContent()) ?? '')![1]!;
    await expect(list.getByRole('listitem').first()).toHaveAttribute('aria-setsize', shown);
    await expect(page.getByRole('button', { name: /expired token/ })).toHaveCount(0);

    failing = false;
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(alert).toBeHidden();
    await expect(list.getByRole('listitem').first()).toHaveAttribute('aria-setsize', '250');
  });
});
