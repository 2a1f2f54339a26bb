import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations } from './fixtures';
import { tabTo, tokenRow } from './tokenFlows';

/** axe in the dark theme, then the light one, on the state the page is in. */
export async function expectNoAxeViolationsInBothThemes(page: Page): Promise<void> {
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page);
  }
}

/** The regenerate confirmation and the reveal step that follows it: one dialog. */
export const regenerateDialog = (page: Page): Locator => page.getByRole('dialog', { name: 'Regenerate token' });

/**
 * Regenerates a token with the keyboard alone: Tab to its row's button, Enter, Tab past Cancel to the confirm
 * button, Enter. Returns the new secret, the dialog left at its reveal step.
 */
export async function regenerateWithKeyboard(page: Page, description: string): Promise<{ dialog: Locator; secret: string }> {
  await page.getByRole('heading', { level: 1 }).click(); // start from the page, not from wherever focus was
  await tabTo(page, page.getByRole('button', { name: `Regenerate token ${description}` }));
  await page.keyboard.press('Enter');
  const dialog = regenerateDialog(page);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expect(dialog).toContainText('The current token stops working as soon as the new one is made');
  await expectNoAxeViolationsInBothThemes(page);
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Regenerate token' })).toBeFocused();
  await page.keyboard.press('Enter');
  const tokenField = dialog.getByLabel('Token', { exact: true });
  await expect(tokenField).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Copy', exact: true })).toBeFocused();
  return { dialog, secret: await tokenField.inputValue() };
}

/**
 * Deletes a list's expired tokens with the keyboard alone, checking the confirmation lists `expected` (and, with
 * a list that may hold other expired tokens, perhaps more).
 */
export async function deleteExpiredWithKeyboard(page: Page, expected: readonly string[]): Promise<void> {
  const button = page.getByRole('button', { name: /^Delete \d+ expired tokens?$/ });
  await page.getByRole('heading', { level: 1 }).click();
  await tabTo(page, button);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: /^Delete \d+ expired tokens?\?$/ });
  const listed = dialog.getByRole('list', { name: 'Expired tokens to delete' });
  for (const description of expected) await expect(listed).toContainText(description);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectNoAxeViolationsInBothThemes(page);
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: /^Delete \d+ tokens?$/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/^\d+ expired tokens? deleted$/)).toBeVisible();
  await expect(dialog).toBeHidden();
  for (const description of expected) await expect(tokenRow(page, description)).toHaveCount(0);
}

/** Waits until a token's row says it has expired (its list refreshes every 30 s; a reload shows it at once). */
export async function reloadUntilExpired(page: Page, description: string, until: number): Promise<void> {
  await page.waitForTimeout(Math.max(0, until - Date.now()));
  await page.reload();
  await expect(tokenRow(page, description)).toContainText('Expired');
}
