import { desktopConfig, startFlow } from 'lighthouse';
import puppeteer, { type Page } from 'puppeteer-core';

export interface LighthouseScores {
  page: string;
  formFactor: 'mobile' | 'desktop';
  /** The page Lighthouse ended on: the app's, not the sign-in page's. */
  finalUrl: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  /** The audits that did not pass, for the categories above, with their titles. */
  failing: string[];
}

async function signIn(page: Page, baseUrl: string, user: { email: string; password: string }) {
  await page.goto(`${baseUrl}/settings/tokens`);
  await page.waitForSelector('#email');
  await page.type('#email', user.email);
  await page.type('#password', user.password);
  await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'API tokens', { timeout: 30_000 });
}

const scoreOf = (category: { score: number | null } | undefined) => Math.round((category?.score ?? 0) * 100);

/**
 * Lighthouse (performance, accessibility, best practices) on signed-in pages, in Debian's Chromium. The session
 * lives in the tab's sessionStorage, so Lighthouse navigates in the signed-in tab and keeps its storage.
 */
export async function lighthouseScores(options: {
  baseUrl: string;
  paths: { name: string; path: string }[];
  user: { email: string; password: string };
  executablePath: string;
  chromiumArgs: string[];
}): Promise<LighthouseScores[]> {
  const browser = await puppeteer.launch({ executablePath: options.executablePath, args: options.chromiumArgs, headless: true });
  const results: LighthouseScores[] = [];
  try {
    const page = await browser.newPage();
    await signIn(page, options.baseUrl, options.user);
    for (const formFactor of ['mobile', 'desktop'] as const) {
      for (const { name, path } of options.paths) {
        const flow = await startFlow(page, {
          config: formFactor === 'desktop' ? desktopConfig : undefined,
          flags: { disableStorageReset: true, onlyCategories: ['performance', 'accessibility', 'best-practices'] },
        });
        await flow.navigate(`${options.baseUrl}${path}`, { disableStorageReset: true });
        const { steps } = await flow.createFlowResult();
        const lhr = steps[0]!.lhr;
        if (new URL(lhr.finalDisplayedUrl).pathname !== path) throw new Error(`Lighthouse ended on ${lhr.finalDisplayedUrl}, not ${path}`);
        const failing = Object.values(lhr.categories).flatMap((category) =>
          category.auditRefs
            .map((ref) => lhr.audits[ref.id])
            .filter((audit) => audit && audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative')
            .map((audit) => `${category.id}: ${audit!.title}`),
        );
        results.push({
          page: name,
          formFactor,
          finalUrl: lhr.finalDisplayedUrl,
          performance: scoreOf(lhr.categories.performance),
          accessibility: scoreOf(lhr.categories.accessibility),
          bestPractices: scoreOf(lhr.categories['best-practices']),
          failing,
        });
      }
    }
  } finally {
    await browser.close();
  }
  return results;
}
