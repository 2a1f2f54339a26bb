import { startFlow } from 'lighthouse';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { E2E_SERVERS, type E2eServer } from '../e2e/servers';
import { lighthouseFigure, type LighthouseFigure, type LighthouseRun } from './lighthouseReport';

export type { LighthouseFigure } from './lighthouseReport';
export { lighthouseLines, LIGHTHOUSE_TARGET } from './lighthouseReport';

/** One served flavor of the app, and how people sign in to it. */
export interface LighthouseSite {
  flavor: string;
  baseUrl: string;
  /** `oidc`: through the identity provider, then the signed-in screens. `token`: the token sign-in page itself. */
  signIn: 'oidc' | 'token';
}

export interface LighthouseOptions {
  sites: LighthouseSite[];
  user: { email: string; password: string };
  executablePath: string;
  chromiumArgs: string[];
  /** Runs per screen and cache state; the figure is their median. */
  runs?: number;
}

const TEAM = 'TERRAKUBE_DEVELOPERS';

/**
 * The sites the end-to-end servers serve (e2e/globalSetup.ts starts them): both flavors signed in through the
 * identity provider, and the HCP Terraform flavor's token sign-in page.
 */
export function lighthouseSites(env: NodeJS.ProcessEnv = process.env): LighthouseSite[] {
  const url = (name: E2eServer) => {
    const value = env[E2E_SERVERS[name].urlVariable];
    if (!value) throw new Error(`${E2E_SERVERS[name].urlVariable} is not set: start the servers with e2e/globalSetup.ts`);
    return value;
  };
  return [
    { flavor: 'terrakube', baseUrl: url('terrakube'), signIn: 'oidc' },
    { flavor: 'tfe', baseUrl: url('tfe'), signIn: 'oidc' },
    { flavor: 'tfe', baseUrl: url('tfe-token-sign-in'), signIn: 'token' },
  ];
}

async function signIn(page: Page, baseUrl: string, user: { email: string; password: string }) {
  await page.goto(`${baseUrl}/settings/tokens`);
  await page.waitForSelector('#email');
  await page.type('#email', user.email);
  await page.type('#password', user.password);
  await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'API tokens', { timeout: 30_000 });
}

/** The token list, the Teams list and a team page, found as a person finds them: by following the links. */
async function signedInScreens(page: Page): Promise<{ screen: string; path: string }[]> {
  await page.click('nav[aria-label="Main"] a[href="/organizations"]');
  // With one organization, /organizations goes on to its Teams list.
  const link = await page.waitForSelector(`a[aria-label="Edit ${TEAM}"]`, { timeout: 30_000 });
  const teams = new URL(page.url()).pathname;
  const team = await link!.evaluate((anchor) => new URL((anchor as HTMLAnchorElement).href).pathname);
  return [
    { screen: 'token list', path: '/settings/tokens' },
    { screen: 'Teams list', path: teams },
    { screen: 'team page', path: team },
  ];
}

/**
 * One Lighthouse navigation (mobile, Lighthouse's default simulated slow 4G and CPU) in the signed-in tab, keeping
 * its storage: the OIDC session lives in sessionStorage. `cold` empties the HTTP cache first, as on a first visit;
 * otherwise the files come from the cache the visits before filled.
 */
async function lighthouseRun(page: Page, url: string, cold: boolean): Promise<LighthouseRun> {
  if (cold) {
    const cdp = await page.createCDPSession();
    await cdp.send('Network.clearBrowserCache');
    await cdp.detach();
  }
  const flow = await startFlow(page, {
    flags: { disableStorageReset: true, onlyCategories: ['performance', 'accessibility', 'best-practices'] },
  });
  await flow.navigate(url, { disableStorageReset: true });
  const { steps } = await flow.createFlowResult();
  const lhr = steps[0]!.lhr;
  if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname) {
    throw new Error(`Lighthouse ended on ${lhr.finalDisplayedUrl}, not ${url}`);
  }
  return lhr as unknown as LighthouseRun;
}

async function measureSite(browser: Browser, site: LighthouseSite, options: LighthouseOptions): Promise<LighthouseFigure[]> {
  const page = await browser.newPage();
  const figures: LighthouseFigure[] = [];
  try {
    let screens = [{ screen: 'token sign-in page', path: '/settings/tokens' }];
    if (site.signIn === 'oidc') {
      await signIn(page, site.baseUrl, options.user);
      screens = await signedInScreens(page);
    }
    for (const { screen, path } of screens) {
      const url = `${site.baseUrl}${path}`;
      for (const cache of ['cold', 'warm'] as const) {
        // A warm run follows a visit that filled the cache.
        if (cache === 'warm') await page.goto(url, { waitUntil: 'networkidle0' });
        const runs: LighthouseRun[] = [];
        for (let i = 0; i < (options.runs ?? 3); i++) runs.push(await lighthouseRun(page, url, cache === 'cold'));
        figures.push(lighthouseFigure({ flavor: site.flavor, screen, path, cache }, runs));
      }
    }
  } finally {
    await page.close();
  }
  return figures;
}

/**
 * Lighthouse mobile Performance of every screen of every site, on a first visit with an empty HTTP cache (signed
 * in) and on a visit with a warm one, each the median of `runs` runs, with the audits that cost points. In Debian's
 * Chromium.
 */
export async function lighthouseMobile(options: LighthouseOptions): Promise<LighthouseFigure[]> {
  const browser = await puppeteer.launch({ executablePath: options.executablePath, args: options.chromiumArgs, headless: true });
  try {
    const figures: LighthouseFigure[] = [];
    for (const site of options.sites) figures.push(...(await measureSite(browser, site, options)));
    return figures;
  } finally {
    await browser.close();
  }
}
