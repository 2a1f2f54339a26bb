import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, signIn, test } from './fixtures';
import { forcedLook, isDrawn } from './forcedColors';
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
import { tabTo } from './tokenFlows';

/** axe (WCAG 2.1 AA) on each state, in forced colours over the light and the dark scheme. */
async function expectAxeCleanInForcedColors(page: Page, states: readonly ScreenState[]): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ forcedColors: 'active', colorScheme });
    for (const state of states) {
      await test.step(`${state.name}, ${colorScheme}`, async () => {
        await state.open(page);
        await expectNoAxeViolations(page);
      });
    }
  }
}

test.describe('forced colours (Windows High Contrast)', () => {
  test('axe on the sign-in page, also with its error', async ({ page }) => {
    await expectAxeCleanInForcedColors(page, SIGN_IN_STATES);
  });

  test('axe on the token list, its filter and every dialog of it', async ({ page }) => {
    test.setTimeout(180_000);
    await servePersonalTokens(page, tokensWithEveryStatus());
    await signIn(page);
    await expectAxeCleanInForcedColors(page, TOKEN_STATES);
  });

  test('axe on the empty list, Teams, a team and a page that does not exist', async ({ page }) => {
    test.setTimeout(90_000);
    await servePersonalTokens(page, []);
    await signIn(page);
    await expectAxeCleanInForcedColors(page, [EMPTY_TOKENS_STATE, ...OTHER_STATES]);
  });

  test.describe('HCP Terraform flavor with token sign-in', () => {
    test.use({ server: 'tfe-token-sign-in' });

    test('axe on the token sign-in page', async ({ page }) => {
      await expectAxeCleanInForcedColors(page, TOKEN_SIGN_IN_STATES);
    });
  });

  test('status chips, the pressed filter, focus rings, disabled and destructive buttons stay apart', async ({ page }) => {
    await page.emulateMedia({ forcedColors: 'active' });
    await servePersonalTokens(page, tokensWithEveryStatus());
    await signIn(page);
    const list = page.getByRole('list', { name: 'Your API tokens' });

    // Each status is a word and an icon inside an edge, whatever its colour was.
    for (const status of ['Active', 'Expires soon', 'Expired', 'Never expires']) {
      const chip = list.locator('.MuiChip-root').filter({ hasText: new RegExp(`^${status}$`) }).first();
      const look = await forcedLook(chip);
      expect(isDrawn(look.border), `${status} chip border: ${look.border}`).toBe(true);
      expect(look.icons, `${status} chip icon`).toBe(1);
    }

    // The pressed filter: aria-pressed, a check mark, and the system's highlight, unlike the others.
    const filters = page.getByRole('group', { name: 'Status' });
    const pressed = await forcedLook(filters.getByRole('button', { pressed: true }));
    const unpressed = await forcedLook(filters.getByRole('button', { name: /^Active/ }));
    expect(pressed.icons).toBe(1);
    expect(unpressed.icons).toBe(0);
    expect(pressed.background).not.toBe(unpressed.background);

    // Focus is an outline (forced colours drop box shadows), on buttons, chips, icon buttons and links.
    await page.getByRole('heading', { level: 1 }).click();
    for (const target of [
      page.getByRole('link', { name: 'Review them' }),
      page.getByRole('button', { name: 'Generate token', exact: true }),
      filters.getByRole('button', { name: /^Active/ }),
      page.getByRole('button', { name: /^Delete token / }).first(),
    ]) {
      await tabTo(page, target);
      const look = await forcedLook(target);
      expect(isDrawn(look.outline), `focus outline of ${look.text || 'an icon button'}: ${look.outline}`).toBe(true);
    }

    // The destructive action says so with an icon and a word, inside its own edge.
    await page.getByRole('button', { name: /^Delete token / }).first().click();
    const confirm = await forcedLook(page.getByRole('alertdialog', { name: 'Delete token?' }).getByRole('button', { name: 'Delete', exact: true }));
    expect(confirm).toMatchObject({ icons: 1, text: 'Delete' });
    expect(isDrawn(confirm.border)).toBe(true);
    await page.keyboard.press('Escape');

    // A disabled button is GrayText, unlike an enabled one: Cancel while a regenerate is on its way.
    await page.route('**/pat/v1', (route) => (route.request().method() === 'POST' ? new Promise(() => undefined) : route.fallback()));
    await page.getByRole('button', { name: /^Regenerate token / }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Regenerate token' });
    const cancel = dialog.getByRole('button', { name: 'Cancel' });
    const enabled = await forcedLook(cancel);
    await dialog.getByRole('button', { name: 'Regenerate token' }).click();
    await expect(cancel).toBeDisabled();
    const disabled = await forcedLook(cancel);
    expect(disabled.color).not.toBe(enabled.color);
    expect(disabled.color).toBe(await page.evaluate(() => {
      const probe = document.body.appendChild(document.createElement('span'));
      probe.style.color = 'GrayText';
      const color = getComputedStyle(probe).color;
      probe.remove();
      return color;
    }));
  });
});
