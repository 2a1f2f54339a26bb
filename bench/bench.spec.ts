/**
 * `npm run bench`: what the app costs, measured. Starts the production build the way `npm start` does (fresh
 * database), seeds tokens through the API, and measures in Chromium and over HTTP. Prints a table and writes
 * bench/results.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { DEMO_USERS, expect, signIn, test, type DemoUser } from '../e2e/fixtures';
import {
  filesLoadedBy,
  firstRowPaintedAt,
  longTasksSince,
  median,
  pageNow,
  percentile,
  renderedRowCount,
  TOKEN_LIST_NAME,
  watchFirstRowPaint,
  watchLongTasks,
  type LoadedFile,
} from '../e2e/measurements';
import { accessTokenOf } from '../e2e/tokenFlows';
import { ApiCaller, timedCalls, type Answer } from './apiCalls';
import { apiLoadLines, measureApiLoad, type ApiLoad } from './apiLoad';
import { lighthouseScores, type LighthouseScores } from './lighthouse';
import e2eConfig from '../playwright.config';

const RESULTS_FILE = join(dirname(fileURLToPath(import.meta.url)), 'results.json');
const LIST_SIZES = [
  { count: 10, user: DEMO_USERS.aws },
  { count: 1_000, user: DEMO_USERS.azure },
  { count: 10_000, user: DEMO_USERS.gcp },
] as const;
const RENDER_RUNS = 5;
const SEED_CONCURRENCY = 50;

const results: {
  date: string;
  initialLoad?: { files: LoadedFile[]; totalBytes: number };
  firstRow?: { tokens: number; medianMs: number; runsMs: number[]; ratioTo10: number; renderedRows: number }[];
  largeList?: {
    scroll: ScrollRun[];
    filter: { longTasks: number; longestTaskMs: number; matchesShownAfterMs: number };
  };
  api?: ApiLoad;
  lighthouse?: LighthouseScores[];
} = { date: new Date().toISOString() };

test.describe.configure({ mode: 'serial' });

/** One API call, read to the end (see `ApiCaller`). */
function authorized(baseURL: string, token: string, method: string, path: string, body?: unknown): Promise<Answer> {
  return new ApiCaller(baseURL).call(token, method, path, body);
}

const timed = timedCalls;

interface ScrollRun {
  pace: string;
  pixelsPerFrame: number;
  frames: number;
  frameP50Ms: number;
  frameP95Ms: number;
  frameMaxMs: number;
  longTasks: number;
  longestTaskMs: number;
}

/**
 * Two paces of scrolling down the list, one step a frame: a fast flick (100 px a frame, 6,000 px/s at 60 Hz), and a
 * whole viewport a frame, the worst case, where every rendered row is replaced on every frame.
 */
const SCROLL_PACES = [
  { pace: 'fast flick', pixelsPerFrame: () => 100 },
  { pace: 'a viewport a frame', pixelsPerFrame: (viewport: number) => viewport },
];
const SCROLL_FRAMES = 600;

/** Scrolls `SCROLL_FRAMES` steps from the top at `pace`, recording each frame's duration and the long tasks. */
async function scrollRun(page: Page, { pace, pixelsPerFrame }: (typeof SCROLL_PACES)[number]): Promise<ScrollRun> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(500);
  const step = pixelsPerFrame(page.viewportSize()!.height);
  const started = await pageNow(page);
  const frames = await page.evaluate(
    async ({ step, count }) => {
      const deltas: number[] = [];
      let last = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
      while (deltas.length < count && window.scrollY + window.innerHeight < document.documentElement.scrollHeight - 1) {
        window.scrollBy(0, step);
        const now = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
        deltas.push(now - last);
        last = now;
      }
      return deltas;
    },
    { step, count: SCROLL_FRAMES },
  );
  const tasks = await longTasksSince(page, started);
  return {
    pace,
    pixelsPerFrame: step,
    frames: frames.length,
    frameP50Ms: percentile(frames, 50),
    frameP95Ms: percentile(frames, 95),
    frameMaxMs: Math.max(...frames),
    longTasks: tasks.length,
    longestTaskMs: Math.max(0, ...tasks),
  };
}

async function signedInPage(page: Page, user: DemoUser) {
  await signIn(page, user);
  return accessTokenOf(page);
}

test('initial load of /settings/tokens', async ({ page }) => {
  await signIn(page);
  const files = await filesLoadedBy(page, '/settings/tokens');
  results.initialLoad = { files, totalBytes: files.reduce((sum, file) => sum + file.transferred, 0) };
});

test('seed 10, 1,000 and 10,000 tokens through the API', async ({ browser, baseURL }) => {
  for (const { count, user } of LIST_SIZES) {
    const page = await browser.newPage();
    const token = await signedInPage(page, user);
    await timed(count, SEED_CONCURRENCY, (i) => authorized(baseURL!, token, 'POST', '/pat/v1', { description: `Bench token ${i + 1}`, days: [30, 7, 90, 0][i % 4] }), 201);
    await page.close();
  }
});

test('time to the first token row for 10, 1,000 and 10,000 tokens', async ({ browser }) => {
  results.firstRow = [];
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
    results.firstRow.push({ tokens: count, medianMs: median(runs), runsMs: runs, ratioTo10: 0, renderedRows: await renderedRowCount(page) });
    await page.close();
  }
  const base = results.firstRow[0]!.medianMs;
  for (const row of results.firstRow) row.ratioTo10 = row.medianMs / base;
});

test('scrolling and filtering 10,000 tokens', async ({ page }) => {
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

  results.largeList = {
    scroll,
    filter: { longTasks: filterTasks.length, longestTaskMs: Math.max(0, ...filterTasks), matchesShownAfterMs: shown - typed },
  };
});

test('API latency with 10,000 rows in the table', async ({ baseURL }) => {
  results.api = await measureApiLoad(baseURL!);
});

test('Lighthouse on /settings/tokens and a team page', async ({ page, baseURL }) => {
  test.setTimeout(15 * 60_000);
  const token = await signedInPage(page, DEMO_USERS.admin);
  const organizations = (await authorized(baseURL!, token, 'GET', '/api/v1/organization')).json() as { data: { id: string }[] };
  const orgId = organizations.data[0]!.id;
  const teams = (await authorized(baseURL!, token, 'GET', `/api/v1/organization/${orgId}/team`)).json() as {
    data: { id: string; attributes: { name: string } }[];
  };
  const team = teams.data.find((t) => t.attributes.name === 'TERRAKUBE_DEVELOPERS')!;
  const launch = e2eConfig.use?.launchOptions;
  results.lighthouse = await lighthouseScores({
    baseUrl: baseURL!,
    user: DEMO_USERS.admin,
    paths: [
      { name: '/settings/tokens', path: '/settings/tokens' },
      { name: 'team edit page', path: `/organizations/${orgId}/settings/teams/${team.id}` },
    ],
    executablePath: launch?.executablePath ?? '/usr/bin/chromium',
    chromiumArgs: launch?.args ?? [],
  });
});

test.afterAll(() => {
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  const lines: string[] = ['', '=== benchmark'];
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
  if (results.initialLoad) {
    lines.push('', 'Initial load of /settings/tokens (JS + CSS transferred, gzip):');
    for (const file of [...results.initialLoad.files].sort((a, b) => b.transferred - a.transferred)) {
      lines.push(`  ${kb(file.transferred).padStart(9)}  ${file.path}`);
    }
    lines.push(`  ${kb(results.initialLoad.totalBytes).padStart(9)}  total (budget 190 KB)`);
  }
  if (results.firstRow) {
    lines.push('', 'First token row painted (median of reloads):', '  tokens   median   ratio to 10   rows in DOM');
    for (const row of results.firstRow) {
      lines.push(
        `  ${String(row.tokens).padStart(6)}  ${`${row.medianMs.toFixed(0)} ms`.padStart(7)}  ${`×${row.ratioTo10.toFixed(2)}`.padStart(12)}  ${String(row.renderedRows).padStart(12)}`,
      );
    }
  }
  if (results.largeList) {
    const { scroll, filter } = results.largeList;
    lines.push(
      '',
      'Scrolling 10,000 tokens (one step a frame, from the top):',
      ...scroll.map(
        (run) =>
          `  ${run.pace} (${run.pixelsPerFrame} px): ${run.frames} frames, frame time p50 ${run.frameP50Ms.toFixed(1)} ms, p95 ${run.frameP95Ms.toFixed(1)} ms, max ${run.frameMaxMs.toFixed(1)} ms; ${run.longTasks} long tasks (longest ${run.longestTaskMs.toFixed(0)} ms)`,
      ),
      'Typing in the filter over 10,000 tokens:',
      `  ${filter.longTasks} long tasks (longest ${filter.longestTaskMs.toFixed(0)} ms); matches shown ${filter.matchesShownAfterMs.toFixed(0)} ms after the last key`,
    );
  }
  if (results.api) lines.push('', ...apiLoadLines(results.api));
  if (results.lighthouse) {
    lines.push('', 'Lighthouse:', '  page                form factor  performance  accessibility  best practices');
    for (const row of results.lighthouse) {
      lines.push(
        `  ${row.page.padEnd(19)} ${row.formFactor.padEnd(12)} ${String(row.performance).padStart(11)} ${String(row.accessibility).padStart(14)} ${String(row.bestPractices).padStart(15)}`,
      );
      for (const audit of row.failing) lines.push(`      not passed: ${audit}`);
    }
  }
  lines.push('', `Written to ${RESULTS_FILE}`);
  console.log(lines.join('\n'));
});
