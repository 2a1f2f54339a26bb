import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** A description no other test uses, so parallel tests never see each other's tokens. */
export function uniqueDescription(label: string): string {
  return `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** The signed-in user's OIDC access token, as the app keeps it (sessionStorage, per oidc-client-ts). */
export async function accessTokenOf(page: Page): Promise<string> {
  const token = await page.evaluate(() => {
    for (let i = 0; i < sessionStorage.length; i++) {
      const key = sessionStorage.key(i)!;
      if (key.startsWith('oidc.user:')) return (JSON.parse(sessionStorage.getItem(key)!) as { access_token: string }).access_token;
    }
    return undefined;
  });
  if (!token) throw new Error('No OIDC user in sessionStorage');
  return token;
}

export async function apiGet(request: APIRequestContext, path: string, token: string) {
  return request.get(path, { headers: { authorization: `Bearer ${token}` }, failOnStatusCode: false });
}

/** Opens the Teams screen of the seeded organization, as a person would. */
export async function openTeams(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Teams' })).toBeVisible();
}

/** Opens a team's edit page from the Teams screen, as a person would. */
export async function openTeam(page: Page, name: string) {
  await openTeams(page);
  await page.getByRole('link', { name: `Edit ${name}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Team: ${name}` })).toBeVisible();
}

/** Presses Tab until `target` has focus (bounded), as a keyboard user would. */
export async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** Picks a duration preset whether "Expires in" is a radio group or a select. */
export async function chooseExpiry(dialog: Locator, preset: string): Promise<void> {
  const radios = dialog.getByRole('radiogroup', { name: 'Expires in' });
  if (await radios.count()) {
    await radios.getByRole('radio', { name: preset, exact: true }).check();
    return;
  }
  await dialog.getByRole('combobox', { name: 'Expires in' }).click();
  await dialog.page().getByRole('option', { name: preset, exact: true }).click();
}

export function generateDialog(page: Page, title = 'Generate API token'): Locator {
  return page.getByRole('dialog', { name: title });
}

/** A token's row; `behindDialog` also finds it while a modal dialog hides the page from assistive technology. */
export function tokenRow(page: Page, description: string, { behindDialog = false } = {}): Locator {
  return page.getByRole('listitem', { includeHidden: behindDialog }).filter({ hasText: description });
}

/**
 * Generates a token through the UI and returns its secret, leaving the dialog at the reveal step.
 * `custom` fills the custom duration fields after choosing Custom.
 */
export async function generateThroughUi(
  page: Page,
  options: { description: string; preset?: string; custom?: Record<string, string>; openLabel?: string; dialogTitle?: string },
): Promise<{ dialog: Locator; secret: string }> {
  await page.getByRole('button', { name: options.openLabel ?? 'Generate token', exact: true }).first().click();
  const dialog = generateDialog(page, options.dialogTitle);
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Description').fill(options.description);
  if (options.preset) await chooseExpiry(dialog, options.preset);
  for (const [label, value] of Object.entries(options.custom ?? {})) {
    await dialog.getByRole('spinbutton', { name: label }).or(dialog.getByRole('textbox', { name: label })).fill(value);
  }
  await dialog.getByRole('button', { name: 'Generate', exact: true }).click();
  const tokenField = dialog.getByLabel('Token', { exact: true });
  await expect(tokenField).toBeVisible();
  const secret = await tokenField.inputValue();
  expect(secret).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  return { dialog, secret };
}

/** Deletes a token through its row's button and the confirmation. */
export async function deleteThroughUi(page: Page, description: string): Promise<void> {
  await page.getByRole('button', { name: `Delete token ${description}` }).click();
  const confirmation = page.getByRole('alertdialog', { name: 'Delete token?' }).or(page.getByRole('dialog', { name: 'Delete token?' }));
  await expect(confirmation).toContainText(description);
  await confirmation.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(confirmation).toBeHidden();
  await expect(tokenRow(page, description)).toHaveCount(0);
}

/** Everything the browser keeps that a secret could leak into, as one string to search. */
export async function browserTraces(page: Page): Promise<string> {
  const cookies = JSON.stringify(await page.context().cookies());
  const inPage = await page.evaluate(async () => {
    const dump = (storage: Storage) => JSON.stringify(Object.fromEntries(Object.entries(storage)));
    const databases = await indexedDB.databases();
    const idb: string[] = [];
    for (const { name } of databases) {
      if (!name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const values = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        idb.push(JSON.stringify(values));
      }
      db.close();
    }
    return [location.href, JSON.stringify(history.state), document.title, dump(localStorage), dump(sessionStorage), ...idb].join('\n');
  });
  return `${cookies}\n${inPage}`;
}
