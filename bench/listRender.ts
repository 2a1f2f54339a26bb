import type { Browser, Page } from '@playwright/test';
import { DEMO_USERS, expect, signIn } from '../e2e/fixtures';
import {
  filesLoadedBy,
  firstRowPaintedAt,
  longTasksSince,
  median,
  pageNow,
  renderedRowCount,
  TOKEN_LIST_NAME,
  watchFirstRowPaint,
  watchLongTasks,
} from '../e2e/measurements';
import { authorized, timed } from './apiCalls';
import { atMost, type Report } from './report';
import { scrollRun, SCROLL_PACES, type ScrollRun } from './scrolling';
import { signedInToken } from './signedIn';

/** What the token list costs in the browser: the first load, the first row per list size, scrolling and filtering. */

export const LIST_SIZES = [
  { count: 10, user: DEMO_USERS.aws },
  { count: 1_000, user: DEMO_USERS.azure },
  { count: 10_000, user: DEMO_USERS.gcp },
] as const;
const SEED_CONCURRENCY = 50;
/** Reloads per list size; the median is the figure. */
const RENDER_RUNS = 5;

const TARGETS = {
  /** JS + CSS transferred (gzip) for the first load of /settings/tokens, signed in. */
  initialLoadKb: 160,
  /** Time to the first row with this many tokens, as a multiple of the time with 10, in the same run. */
  firstRowRatio: { 1_000: 1.5, 10_000: 3 } as Record<number, number>,
  /** Rows in the DOM however long the list (it is virtualized). */
  renderedRows: 100,
  /** A main-thread task this long is a visible stall. */
  longestTaskMs: 100,
  /** Frames while scrolling: no more than one frame dropped at 60 Hz for 95 % of them. */
  frameP95Ms: 33.4,
  /** Typing in the filter: the matches show this soon after the last key. */
  matchesShownMs: 300,
};

export async function measureInitialLoad(page: Page, report: Report): Promise<void> {
  await signIn(page);
  const files = await filesLoadedBy(page, '/settings/tokens');
  const totalBytes = files.reduce((sum, file) => sum + file.transferred, 0);
  report.sections.initialLoad = { files, totalBytes };
  const section = 'Initial load of /settings/tokens (JS + CSS transferred, gzip)';
  report.add(section, 'total', Math.round(totalBytes / 100) / 10, 'KB', atMost(TARGETS.initialLoadKb));
  for (const file of [...files].sort((a, b) => b.transferred - a.transferred)) {
    report.note(section, `${`${(file.transferred / 1000).toFixed(1)} KB`.padStart(9)}  ${file.path}`);
  }
}

export async function seedTokens(browser: Browser, baseURL: string): Promise<void> {
  for (const { count, user } of LIST_SIZES) {
    const page = await browser.newPage();
    const token = await signedInToken(page, user);
    const body = (i: number) => ({ description: `Bench token ${i + 1}`, days: [30, 7, 90, 0][i % 4] });
    await timed(count, SEED_CONCURRENCY, (i) => authorized(baseURL, token, 'POST', '/pat/v1', body(i)), 201);
    await page.close();
  }
}

/**
 * Time to the first painted token row, per list size: the median of reloads, one size after the other in the same
 * run, and each size's ratio to the time with 10 tokens.
 */
export async function measureFirstRow(browser: Browser, report: Report): Promise<void> {
  const rows: { tokens: number; medianMs: number; runsMs: number[]; ratioTo10: number; renderedRows: number }[] = [];
  for (const { count, user } of LIST_SIZES) {
    const page = await browser.newPage();
    await signIn(page, user);
    await watchFirstRowPaint(page);
    const runs: number[] = [];
    for (let run = 0; run < RENDER_RUNS; run++) {
      await page.reload();
      runs.push(await firstRowPaintedAt(page));
    }
    await expect(page.getByRole('list', { name: TOKEN_LIST_NAME })).toBeVisible();
    rows.push({ tokens: count, medianMs: median(runs), runsMs: runs, ratioTo10: 0, renderedRows: await renderedRowCount(page) });
    await page.close();
  }
  const base = rows[0]!.medianMs;
  for (const row of rows) row.ratioTo10 = row.medianMs / base;
  report.sections.firstRow = rows;

  const section = `First token row painted (median of ${RENDER_RUNS} reloads, same run)`;
  for (const row of rows) {
    const tokens = row.tokens.toLocaleString('en');
    report.add(section, `${tokens} tokens`, Math.round(row.medianMs), 'ms');
    const ratio = TARGETS.firstRowRatio[row.tokens];
    if (ratio !== undefined) report.add(section, `${tokens} tokens ÷ 10 tokens`, Math.round(row.ratioTo10 * 100) / 100, '×', atMost(ratio));
    if (row.tokens > 50) report.add(section, `${tokens} tokens: rows in the DOM`, row.renderedRows, '', atMost(TARGETS.renderedRows));
  }
}

export async function measureLargeList(page: Page, report: Report): Promise<void> {
  await signIn(page, DEMO_USERS.gcp);
  const list = page.getByRole('list', { name: TOKEN_LIST_NAME });
  // The virtualized list (its rows say where they stand) has replaced the first rows shown while it loaded.
  await expect(list.getByRole('listitem').first()).toHaveAttribute('aria-setsize', '10000');
  await watchLongTasks(page);

  const scroll: ScrollRun[] = [];
  for (const pace of SCROLL_PACES) scroll.push(await scrollRun(page, pace));

  await page.evaluate(() => window.scrollTo(0, 0));
  const filterBox = page.getByRole('searchbox', { name: 'Filter by description' });
  const typingStarted = await pageNow(page);
  await filterBox.pressSequentially('bench token 99', { delay: 30 });
  const typed = await pageNow(page);
  await expect(page.getByRole('status').filter({ hasText: /of 10,?000 tokens/ })).toBeVisible();
  await expect(list.getByRole('listitem').first()).toContainText('Bench token 99');
  const shown = await pageNow(page);
  const filterTasks = await longTasksSince(page, typingStarted);
  const filter = { longTasks: filterTasks.length, longestTaskMs: Math.max(0, ...filterTasks), matchesShownAfterMs: shown - typed };
  report.sections.largeList = { scroll, filter };

  const section = 'Scrolling and filtering 10,000 tokens';
  for (const run of scroll) {
    const name = `scroll, ${run.pace} (${run.pixelsPerFrame} px, ${run.frames} frames)`;
    report.add(section, `${name}: frame p95`, Math.round(run.frameP95Ms * 10) / 10, 'ms', atMost(TARGETS.frameP95Ms));
    report.add(section, `${name}: longest task`, Math.round(run.longestTaskMs), 'ms', atMost(TARGETS.longestTaskMs));
  }
  report.add(section, 'typing in the filter: longest task', Math.round(filter.longestTaskMs), 'ms', atMost(TARGETS.longestTaskMs));
  report.add(section, 'typing in the filter: matches shown after the last key', Math.round(filter.matchesShownAfterMs), 'ms', atMost(TARGETS.matchesShownMs));
}
