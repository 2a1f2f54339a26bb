/**
 * Measurements taken in Chromium, shared by the budget tests (e2e/performance.spec.ts, part of `npm test`) and the
 * benchmark (bench/, `npm run bench`), so both report the same numbers the same way.
 */
import type { Locator, Page } from '@playwright/test';
import { formatTerrakubeDate } from '../server/tokens/terrakubeDate';
import type { TerrakubePat } from '../server/tokens/tokenRepository';
import { expect } from './fixtures';

export const TOKEN_LIST_NAME = 'Your API tokens';

export interface LoadedFile {
  /** The path without the origin, e.g. `/assets/index-abc123.js`. */
  path: string;
  kind: 'js' | 'css' | 'font' | 'image';
  /** Bytes on the wire for the body, as sent (gzip-encoded when the server compressed it). */
  transferred: number;
  encoding: string;
}

function kindOf(contentType: string): LoadedFile['kind'] | undefined {
  if (contentType.includes('javascript')) return 'js';
  if (contentType.includes('text/css')) return 'css';
  if (contentType.startsWith('font/') || contentType.includes('font')) return 'font';
  if (contentType.startsWith('image/')) return 'image';
  return undefined;
}

/** What the first load of /settings/tokens waits for: the token list, or its empty state. */
export const tokenListShown = (page: Page): Locator =>
  page.getByRole('list', { name: TOKEN_LIST_NAME }).or(page.getByText(/no API tokens yet/i)).first();

/**
 * Every JS, CSS, font and image file a reload of `path` downloads until `ready` is shown (by default the token
 * list or its empty state) and the network is quiet, with the HTTP cache off so every file is really transferred,
 * and gzip as the only accepted encoding (the budget is set in gzip; browsers that accept brotli get less).
 */
export async function filesLoadedBy(page: Page, path: string, ready: (page: Page) => Locator = tokenListShown): Promise<LoadedFile[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': 'gzip' } });
  const pending: Promise<LoadedFile | undefined>[] = [];
  const onResponse = (response: import('@playwright/test').Response) => {
    const url = new URL(response.url());
    // The app's own files, read once the page has its address (a first visit starts from about:blank).
    const origin = new URL(page.url()).origin;
    const kind = kindOf(response.headers()['content-type'] ?? '');
    if (url.origin !== origin || !kind) return;
    pending.push(
      response.request().sizes().then((sizes) => ({
        path: url.pathname,
        kind,
        transferred: sizes.responseBodySize,
        encoding: response.headers()['content-encoding'] ?? 'identity',
      })),
    );
  };
  page.on('response', onResponse);
  try {
    await page.goto(path);
    await expect(ready(page)).toBeVisible();
    await page.waitForLoadState('networkidle');
  } finally {
    page.off('response', onResponse);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    await cdp.send('Network.setExtraHTTPHeaders', { headers: {} });
    await cdp.detach();
  }
  return (await Promise.all(pending)).filter((file): file is LoadedFile => file !== undefined);
}

const LONG_SUFFIX = ' for the release pipeline of the platform team, rotated every quarter by the on-call engineer and kept in the vault';
const PURPOSES = ['CI pipeline', 'Laptop CLI', 'Nightly drift check', 'Deploy bot', 'Cost report', 'Module registry'];

/**
 * `count` personal tokens as Terrakube lists them, with every status represented (expired, expiring soon, active,
 * never expiring) and descriptions a filter can narrow down.
 */
export function personalTokensFixture(count: number, now = Date.now(), createdBy = 'admin@example.com'): TerrakubePat[] {
  const DAY = 86_400_000;
  return Array.from({ length: count }, (_, i) => {
    const days = [30, 7, 90, 0, 365, 60][i % 6]!;
    // Spread creation over the last 400 days so some tokens have expired and some expire within a week.
    const created = now - ((i * 7919) % 400) * DAY - (i % 1440) * 60_000;
    return {
      id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
      days,
      // Every seventh description is long enough to wrap, so rows differ in height.
      description: `${PURPOSES[i % PURPOSES.length]} ${i + 1}${i % 7 === 3 ? LONG_SUFFIX : ''}`,
      deleted: false,
      createdDate: formatTerrakubeDate(new Date(created)),
      createdBy,
      updatedDate: formatTerrakubeDate(new Date(created)),
      updatedBy: createdBy,
    };
  });
}

/**
 * Records, from the start of every document in `page`, when the first token row was painted (ms after the
 * navigation started): `firstRowPaintedAt()` reads it once it is there.
 */
export async function watchFirstRowPaint(page: Page, listName = TOKEN_LIST_NAME): Promise<void> {
  await page.addInitScript((name) => {
    const selector = `[aria-label="${name}"] li, [aria-label="${name}"] [role="listitem"]`;
    const record = () => {
      // The frame after the row was added: by then it has been painted.
      requestAnimationFrame(() => setTimeout(() => ((window as unknown as { __firstRowPaintedAt: number }).__firstRowPaintedAt = performance.now())));
    };
    const observer = new MutationObserver(() => {
      if (document.querySelector(selector)) {
        observer.disconnect();
        record();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  }, listName);
}

export async function firstRowPaintedAt(page: Page): Promise<number> {
  const handle = await page.waitForFunction(() => (window as unknown as { __firstRowPaintedAt?: number }).__firstRowPaintedAt, undefined, {
    timeout: 30_000,
  });
  return (await handle.jsonValue()) as number;
}

/** Starts collecting long tasks (main-thread work over 50 ms) in the page; `longTasksSince` reads them. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const tasks: { start: number; duration: number }[] = [];
    (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** Durations (ms) of the long tasks that started at or after `since` (a `performance.now()` of the page). */
export async function longTasksSince(page: Page, since: number): Promise<number[]> {
  return page.evaluate(
    (from) =>
      (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks
        .filter((task) => task.start >= from)
        .map((task) => task.duration),
    since,
  );
}

export async function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** The token rows present in the DOM (a virtualized list keeps this bounded however long the list is). */
export async function renderedRowCount(page: Page, listName = TOKEN_LIST_NAME): Promise<number> {
  return page.getByRole('list', { name: listName }).getByRole('listitem').count();
}

/** Pairs of rendered token rows that overlap on screen (a virtualized list that misplaced a row), as text. */
export async function overlappingRows(page: Page, listName = TOKEN_LIST_NAME): Promise<string[]> {
  return page.evaluate((name) => {
    const rows = Array.from(document.querySelectorAll(`[aria-label="${name}"] > li`)).map((row) => ({
      at: row.getAttribute('aria-posinset') ?? '?',
      box: row.getBoundingClientRect(),
    }));
    rows.sort((a, b) => a.box.top - b.box.top);
    return rows.slice(1).flatMap((row, i) => (rows[i]!.box.bottom > row.box.top + 0.5 ? [`row ${rows[i]!.at} overlaps row ${row.at}`] : []));
  }, listName);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
