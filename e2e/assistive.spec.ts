import { expect, signIn, test } from './fixtures';
import { expectAnnouncedInNotedRegion, noteLiveRegions } from './liveRegions';
import { EMPTY_TOKENS_STATE, OTHER_STATES, servePersonalTokens, tokensWithEveryStatus } from './screenStates';
import { deleteThroughUi, generateThroughUi, tokenRow, uniqueDescription } from './tokenFlows';
import { regenerateDialog } from './lifecycleFlows';

test.describe('reduced motion', () => {
  test('opening a dialog runs no transition or animation', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await servePersonalTokens(page, tokensWithEveryStatus());
    await signIn(page);
    await page.getByRole('button', { name: 'Generate token', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Generate API token' });
    await expect(dialog).toBeVisible();
    // Read at once, while a fade would still be running.
    const motion = await dialog.evaluate((node) => ({
      running: document.getAnimations().map((animation) => (animation as CSSTransition).transitionProperty ?? (animation as CSSAnimation).animationName),
      paper: getComputedStyle(node.closest('.MuiDialog-paper') ?? node).transitionDuration,
      backdrop: getComputedStyle(document.querySelector('.MuiBackdrop-root')!).transitionDuration,
      button: getComputedStyle(node.querySelector('button')!).transitionDuration,
      opacity: getComputedStyle(node.closest('.MuiDialog-container')!).opacity,
    }));
    expect(motion).toEqual({ running: [], paper: '0s', backdrop: '0s', button: '0s', opacity: '1' });
  });
});

test.describe('page titles', () => {
  test('every page has its own title', async ({ page }) => {
    await page.goto('/settings/tokens');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page).toHaveTitle('Sign in');
    await servePersonalTokens(page, []);
    await signIn(page);
    const titles: Record<string, string> = {
      'tokens-empty': 'API tokens · Terrakube',
      teams: 'Teams of simple · Terrakube',
      team: 'Team: TERRAKUBE_DEVELOPERS · Terrakube',
      'not-found': 'Page not found · Terrakube',
    };
    for (const state of [EMPTY_TOKENS_STATE, ...OTHER_STATES]) {
      await state.open(page);
      await expect(page, state.name).toHaveTitle(titles[state.name]!);
    }
  });

  test.describe('HCP Terraform flavor with token sign-in', () => {
    test.use({ server: 'tfe-token-sign-in' });

    test('the token sign-in page has its own title', async ({ page }) => {
      await page.goto('/settings/tokens');
      await expect(page.getByLabel('API token')).toBeVisible();
      await expect(page).toHaveTitle(/^Sign in to .+ · .+$/);
    });
  });
});

test.describe('announcements reach screen readers through live regions that were already there', () => {
  test('Copy and delete', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await signIn(page);
    const description = uniqueDescription('Announced delete');
    const { dialog } = await generateThroughUi(page, { description });
    await noteLiveRegions(page);
    await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
    await expectAnnouncedInNotedRegion(page, 'Copied');
    await dialog.getByRole('button', { name: 'Done' }).click();

    await noteLiveRegions(page);
    await deleteThroughUi(page, description);
    await expectAnnouncedInNotedRegion(page, `Token ${description} deleted`);
  });

  test('regenerate', async ({ page }) => {
    await signIn(page);
    const description = uniqueDescription('Announced regenerate');
    const made = await generateThroughUi(page, { description });
    await made.dialog.getByRole('button', { name: 'Done' }).click();
    // The old token's delete waits until the reveal step's live regions are noted, so its outcome arrives after.
    let releaseDelete!: () => void;
    const regionsNoted = new Promise<void>((resolve) => (releaseDelete = resolve));
    await page.route('**/pat/v1/*', async (route) => {
      if (route.request().method() === 'DELETE') await regionsNoted;
      await route.fallback();
    });
    await tokenRow(page, description).getByRole('button', { name: `Regenerate token ${description}` }).click();
    await regenerateDialog(page).getByRole('button', { name: 'Regenerate token' }).click();
    await expect(regenerateDialog(page).getByLabel('Token', { exact: true })).toBeVisible();
    await noteLiveRegions(page);
    releaseDelete();
    // Told inside the dialog: the page behind it, toasts included, is hidden from screen readers while it is open.
    await expectAnnouncedInNotedRegion(page, `Token ${description} regenerated: the old token no longer works`);
    await expect(regenerateDialog(page).getByRole('status', { name: 'Old token' })).toHaveText(`Token ${description} regenerated: the old token no longer works`);
  });
});
