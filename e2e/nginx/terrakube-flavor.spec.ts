import { signIn } from '../fixtures';
import { apiGet, deleteThroughUi, generateThroughUi, tokenRow, uniqueDescription } from '../tokenFlows';
import { expect, test } from './fixtures';

test.describe('Terrakube flavor served by the image’s nginx, the API on another origin', () => {
  test('signs in, generates a token, lists it, uses it against the API and deletes it', async ({ page, request, baseURL, apiUrl }) => {
    // The app's own calls go to the API's origin, which answers them for nginx's origin (CORS_ORIGINS).
    const listed = page.waitForResponse((response) => response.url() === `${apiUrl}/pat/v1` && response.request().method() === 'GET');
    await signIn(page);
    expect(new URL(page.url()).origin).toBe(baseURL);
    const listResponse = await listed;
    expect(listResponse.status()).toBe(202);
    expect(listResponse.headers()['access-control-allow-origin']).toBe(baseURL);

    const description = uniqueDescription('Through nginx');
    const { dialog, secret } = await generateThroughUi(page, { description, preset: '7 days' });
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(tokenRow(page, description)).toHaveCount(1);

    // The secret works against the API, where the Terraform CLI would use it.
    const tokens = await apiGet(request, `${apiUrl}/pat/v1`, secret);
    expect(tokens.status()).toBe(202);
    expect(((await tokens.json()) as { description: string }[]).map((token) => token.description)).toContain(description);

    await page.reload();
    await expect(tokenRow(page, description)).toHaveCount(1);
    await deleteThroughUi(page, description);
    expect((await apiGet(request, `${apiUrl}/pat/v1`, secret)).status()).toBe(401);
  });
});
