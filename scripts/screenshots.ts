/**
 * `npm run screenshots`: signs in to the app through its OIDC provider, seeds team tokens (the personal list is
 * served with every status) and writes a PNG of every screen and dialog, on a desktop (1280×800) and a phone (390×844), in the light and the dark scheme, to
 * docs/screenshots/<state>-<desktop|phone>-<light|dark>.png. It starts the built app on a fresh database as the
 * end-to-end tests do, or, with `--url http://…`, uses a running one (adding the seeded tokens to admin's).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { startServer, stop, type Started } from '../e2e/globalSetup';
import { DEMO_USERS, signIn } from '../e2e/fixtures';
import { EMPTY_TOKENS_STATE, OTHER_STATES, SIGN_IN_STATES, TOKEN_STATES, servePersonalTokens, tokensWithEveryStatus, type ScreenState } from '../e2e/screenStates';
import { accessTokenOf } from '../e2e/tokenFlows';
import { removeRevealedTokens, seedScreenshotTokens } from './screenshotSeed';

const OUT_DIR = join('docs', 'screenshots');
const DEVICES = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
const SCHEMES = ['light', 'dark'] as const;

function urlArgument(): string | undefined {
  const at = process.argv.indexOf('--url');
  return at === -1 ? undefined : process.argv[at + 1];
}

async function shoot(browser: Browser, baseURL: string, device: keyof typeof DEVICES, scheme: (typeof SCHEMES)[number], seed: boolean) {
  // Reduced motion: every shot shows a dialog fully open, not halfway through its fade.
  const context = await browser.newContext({ baseURL, viewport: DEVICES[device], colorScheme: scheme, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const save = (state: ScreenState) => page.screenshot({ path: join(OUT_DIR, `${state.name}-${device}-${scheme}.png`) });
  for (const state of SIGN_IN_STATES.slice(0, 1)) {
    await state.open(page);
    await save(state);
  }
  await servePersonalTokens(page, tokensWithEveryStatus());
  await signIn(page, DEMO_USERS.admin);
  if (seed) await seedScreenshotTokens(context.request, await accessTokenOf(page));
  for (const state of [...TOKEN_STATES, ...OTHER_STATES]) {
    await state.open(page);
    await page.mouse.move(0, 0); // no hover highlight
    await save(state);
  }
  await removeRevealedTokens(context.request, await accessTokenOf(page));
  await page.unroute('**/pat/v1');
  await servePersonalTokens(page, []);
  await EMPTY_TOKENS_STATE.open(page);
  await save(EMPTY_TOKENS_STATE);
  await context.close();
}

const given = urlArgument();
mkdirSync(OUT_DIR, { recursive: true });
let server: Started | undefined;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  if (!given) server = await startServer({});
  const baseURL = given ?? server!.url;
  let seed = true;
  for (const device of Object.keys(DEVICES) as (keyof typeof DEVICES)[]) {
    for (const scheme of SCHEMES) {
      await shoot(browser, baseURL, device, scheme, seed);
      seed = false;
      console.log(`${device} ${scheme}: done`);
    }
  }
  console.log(`Screenshots written to ${OUT_DIR}/`);
} finally {
  await browser.close();
  if (server) await stop(server);
}
