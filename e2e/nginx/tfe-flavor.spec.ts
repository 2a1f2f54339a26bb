import { signIn } from '../fixtures';
import { deleteThroughUi, generateThroughUi, tokenRow, uniqueDescription } from '../tokenFlows';
import { tfeGet } from '../tfeApi';
import { expect, test } from './fixtures';

test.use({ flavor: 'tfe' });

test.describe('HCP Terraform flavor served by the image’s nginx, /api/v2/ proxied on the same origin', () => {
  test('signs in, generates a token, lists it, uses it through the proxy and deletes it', async ({ page, request, baseURL }) => {
    const apiCalls: string[] = [];
    page.on('request', (sent) => {
      if (sent.url().includes('/api/v2/')) apiCalls.push(sent.url());
    });
    await signIn(page);
    await expect(page.getByText(/call Terraform Enterprise as you/)).toBeVisible();

    const description = uniqueDescription('Through the proxy');
    const { dialog, secret } = await generateThroughUi(page, { description, preset: '30 days' });
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(tokenRow(page, description)).toContainText('Active');

    // Every API call the page made went to nginx's own origin: no CORS involved.
    expect(apiCalls.length).toBeGreaterThan(0);
    expect(apiCalls.filter((url) => new URL(url).origin !== baseURL)).toEqual([]);

    // The secret works through the proxy, and the answer carries the image's API headers, once each.
    const account = await tfeGet(request, 'account/details', secret);
    expect(account.status()).toBe(200);
    const headers = account.headersArray();
    const valuesOf = (name: string) => headers.filter((header) => header.name.toLowerCase() === name).map((header) => header.value);
    expect(valuesOf('cache-control')).toEqual(['no-store']);
    expect(valuesOf('content-security-policy')).toEqual(["default-src 'none'; frame-ancestors 'none'"]);
    expect(valuesOf('x-content-type-options')).toEqual(['nosniff']);
    expect(valuesOf('set-cookie')).toEqual([]);

    await page.reload();
    await expect(tokenRow(page, description)).toHaveCount(1);
    await deleteThroughUi(page, description);
    expect((await tfeGet(request, 'account/details', secret)).status()).toBe(401);
  });
});
