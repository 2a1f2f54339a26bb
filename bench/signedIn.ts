import type { Page } from '@playwright/test';
import { signIn, type DemoUser } from '../e2e/fixtures';
import { accessTokenOf } from '../e2e/tokenFlows';

/** Signs `user` in on `page` and answers their access token, for calls to the API from the bench itself. */
export async function signedInToken(page: Page, user: DemoUser): Promise<string> {
  await signIn(page, user);
  return accessTokenOf(page);
}
