import type { APIRequestContext } from '@playwright/test';

/**
 * Team tokens for the screenshots, made through the embedded server's API as the signed-in user. (The personal
 * list is served from `tokensWithEveryStatus`: Terrakube's API counts lifetimes in whole days, so a token cannot
 * be made to expire within the run.)
 */
export async function seedScreenshotTokens(request: APIRequestContext, accessToken: string): Promise<void> {
  for (const [description, days] of [['Terraform plan in CI', 30], ['Release pipeline', 90], ['Drift detection', 7]] as const) {
    const data = { group: 'TERRAKUBE_DEVELOPERS', description, days, hours: 0, minutes: 0 };
    const response = await request.post('/access-token/v1/teams', { headers: { authorization: `Bearer ${accessToken}` }, data });
    if (response.status() !== 201) throw new Error(`Seeding ${description} failed: ${response.status()} ${await response.text()}`);
  }
}

/** The description the generate screenshots give their token (see e2e/screenStates.ts). */
const REVEALED_DESCRIPTION = 'Terraform Cloud migration';

/** Deletes the tokens the reveal step's screenshot made, so each run's lists show the same tokens. */
export async function removeRevealedTokens(request: APIRequestContext, accessToken: string): Promise<void> {
  const headers = { authorization: `Bearer ${accessToken}` };
  const listed = (await (await request.get('/pat/v1', { headers })).json()) as { id: string; description: string }[];
  for (const token of listed.filter((each) => each.description === REVEALED_DESCRIPTION)) {
    await request.delete(`/pat/v1/${token.id}`, { headers });
  }
}
