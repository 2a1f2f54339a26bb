/**
 * `npm run bench:lighthouse`: the bench's Lighthouse figures alone, on the current build (`npm run build` first),
 * against fresh servers of every flavor. `-- --runs 1` for a quicker look, `-- --flavor tfe` for one flavor.
 * Prints the table and writes test-results/lighthouse.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import globalSetup from '../e2e/globalSetup';
import { DEMO_USERS } from '../e2e/fixtures';
import e2eConfig from '../playwright.config';
import { lighthouseLines, lighthouseMobile, lighthouseSites } from './lighthouse';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, flavor: { type: 'string' } } });
const stop = await globalSetup();
try {
  const launch = e2eConfig.use?.launchOptions;
  const figures = await lighthouseMobile({
    sites: lighthouseSites().filter((site) => !values.flavor || site.flavor === values.flavor),
    user: DEMO_USERS.admin,
    executablePath: launch?.executablePath ?? '/usr/bin/chromium',
    chromiumArgs: launch?.args ?? [],
    runs: Number(values.runs),
  });
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/lighthouse.json', `${JSON.stringify(figures, null, 2)}\n`);
  console.log(['', ...lighthouseLines(figures), '', 'Written to test-results/lighthouse.json'].join('\n'));
} finally {
  await stop();
}
