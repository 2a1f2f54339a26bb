import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';
import { reflowProblems } from './reflow';
import {
  EMPTY_TOKENS_STATE,
  OTHER_STATES,
  SIGN_IN_STATES,
  TOKEN_SIGN_IN_STATES,
  TOKEN_STATES,
  servePersonalTokens,
  tokensWithEveryStatus,
  type ScreenState,
} from './screenStates';
import { openTeams } from './tokenFlows';

// WCAG 1.4.10: 320 CSS px wide, which is also a 1280 px window at 400 % zoom.
test.use({ viewport: { width: 320, height: 640 } });

/** Opens each state in turn and checks it; every state's problems are reported, not only the first one's. */
async function expectEachToReflow(page: Page, states: readonly ScreenState[]): Promise<void> {
  for (const state of states) {
    await state.open(page);
    expect.soft(await reflowProblems(page), `${state.name} at 320 px`).toEqual([]);
  }
}

test.describe('reflow at 320 CSS px (WCAG 1.4.10)', () => {
  test('the sign-in page, also with its error', async ({ page }) => {
    await expectEachToReflow(page, SIGN_IN_STATES);
  });

  test('the token list, its filter, and every dialog of it', async ({ page }) => {
    test.setTimeout(60_000);
    await servePersonalTokens(page, tokensWithEveryStatus());
    await signIn(page);
    await expect(page.getByRole('button', { name: 'Generate token', exact: true })).toBeInViewport();
    await expectEachToReflow(page, TOKEN_STATES);
  });

  test('the empty list, Teams, a team and a page that does not exist', async ({ page }) => {
    await servePersonalTokens(page, []);
    await signIn(page);
    await expectEachToReflow(page, [EMPTY_TOKENS_STATE, ...OTHER_STATES]);
  });

  test.describe('HCP Terraform flavor', () => {
    test.use({ server: 'tfe' });

    test('the token list, generate and its reveal step, Teams and a team', async ({ page }) => {
      await signIn(page);
      const states = TOKEN_STATES.filter((state) => ['tokens', 'generate', 'generate-reveal'].includes(state.name));
      await expectEachToReflow(page, [...states, ...OTHER_STATES.filter((state) => state.name !== 'not-found')]);
      await openTeams(page);
    });
  });

  test.describe('HCP Terraform flavor with token sign-in', () => {
    test.use({ server: 'tfe-token-sign-in' });

    test('the token sign-in page, also with a refused token', async ({ page }) => {
      await expectEachToReflow(page, TOKEN_SIGN_IN_STATES);
    });
  });
});
