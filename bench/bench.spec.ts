/**
 * `npm run bench`: what the app costs, measured. Starts the production build the way `npm start` does (fresh
 * database), seeds tokens through the API, and measures in Chromium and over HTTP. Prints every figure beside its
 * target and writes bench/results.json (see ./report.ts).
 */
import { DEMO_USERS, test } from '../e2e/fixtures';
import e2eConfig from '../playwright.config';
import { authorized } from './apiCalls';
import { measureApiLoad } from './apiLoad';
import { lighthouseScores } from './lighthouse';
import { measureFirstRow, measureInitialLoad, measureLargeList, seedTokens } from './listRender';
import { atLeast, Report, RESULTS_FILE } from './report';
import { signedInToken } from './signedIn';

const report = new Report();
/** Lighthouse mobile Performance on every screen. */
const LIGHTHOUSE_PERFORMANCE = 95;

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

test('API latency with 10,000 rows in the table', async ({ browser, baseURL }) => {
  await measureApiLoad(browser, baseURL!, report);
});

test('Lighthouse on /settings/tokens and a team page', async ({ page, baseURL }) => {
  test.setTimeout(15 * 60_000);
  const token = await signedInToken(page, DEMO_USERS.admin);
  const organizations = (await authorized(baseURL!, token, 'GET', '/api/v1/organization')).json() as { data: { id: string }[] };
  const orgId = organizations.data[0]!.id;
  const teams = (await authorized(baseURL!, token, 'GET', `/api/v1/organization/${orgId}/team`)).json() as {
    data: { id: string; attributes: { name: string } }[];
  };
  const team = teams.data.find((t) => t.attributes.name === 'TERRAKUBE_DEVELOPERS')!;
  const launch = e2eConfig.use?.launchOptions;
  const scores = await lighthouseScores({
    baseUrl: baseURL!,
    user: DEMO_USERS.admin,
    paths: [
      { name: '/settings/tokens', path: '/settings/tokens' },
      { name: 'team edit page', path: `/organizations/${orgId}/settings/teams/${team.id}` },
    ],
    executablePath: launch?.executablePath ?? '/usr/bin/chromium',
    chromiumArgs: launch?.args ?? [],
  });
  report.sections.lighthouse = scores;
  const section = 'Lighthouse';
  for (const row of scores) {
    const mobile = row.formFactor === 'mobile';
    report.add(section, `${row.page}, ${row.formFactor}: performance`, row.performance, '', mobile ? atLeast(LIGHTHOUSE_PERFORMANCE) : undefined);
    report.add(section, `${row.page}, ${row.formFactor}: accessibility`, row.accessibility, '');
    report.add(section, `${row.page}, ${row.formFactor}: best practices`, row.bestPractices, '');
    for (const audit of row.failing) report.note(section, `${row.page}, ${row.formFactor}, not passed: ${audit}`);
  }
});

test.afterAll(() => {
  report.write();
  console.log([...report.lines(), '', `Written to ${RESULTS_FILE}`].join('\n'));
});
