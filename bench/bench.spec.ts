/**
 * `npm run bench`: what the app costs, measured. Starts the production build the way `npm start` does (fresh
 * database), seeds tokens through the API, and measures in Chromium and over HTTP. Prints every figure beside its
 * target and writes bench/results.json (see ./report.ts).
 */
import { DEMO_USERS, test } from '../e2e/fixtures';
import e2eConfig from '../playwright.config';
import { measureApiLoad } from './apiLoad';
import { LIGHTHOUSE_TARGET, lighthouseLines, lighthouseMobile, lighthouseSites } from './lighthouse';
import { measureFirstRow, measureInitialLoad, measureLargeList, seedTokens } from './listRender';
import { atLeast, Report, RESULTS_FILE } from './report';

const report = new Report();

test.describe.configure({ mode: 'serial' });

test('initial load of /settings/tokens', async ({ page }) => {
  await measureInitialLoad(page, report);
});

test('seed 10, 1,000 and 10,000 tokens through the API', async ({ browser, baseURL }) => {
  await seedTokens(browser, baseURL!);
});

test('time to the first token row for 10, 1,000 and 10,000 tokens', async ({ browser }) => {
  await measureFirstRow(browser, report);
});

test('scrolling and filtering 10,000 tokens', async ({ page }) => {
  await measureLargeList(page, report);
});

test('API latency with 10,000 rows in the table', async ({ baseURL }) => {
  await measureApiLoad(baseURL!, report);
});

test('Lighthouse: every screen of both flavors, first visit and warm cache', async () => {
  test.setTimeout(30 * 60_000);
  const launch = e2eConfig.use?.launchOptions;
  const figures = await lighthouseMobile({
    sites: lighthouseSites(),
    user: DEMO_USERS.admin,
    executablePath: launch?.executablePath ?? '/usr/bin/chromium',
    chromiumArgs: launch?.args ?? [],
  });
  report.sections.lighthouse = figures;
  const section = 'Lighthouse mobile Performance (median of three)';
  for (const figure of figures) {
    const cold = figure.cache === 'cold';
    report.add(section, `${figure.flavor} ${figure.screen}, ${cold ? 'first visit' : 'warm cache'}`, figure.performance, '', cold ? atLeast(LIGHTHOUSE_TARGET) : undefined);
  }
  for (const line of lighthouseLines(figures)) report.note(section, line);
});

test.afterAll(() => {
  report.write();
  console.log([...report.lines(), '', `Written to ${RESULTS_FILE}`].join('\n'));
});
