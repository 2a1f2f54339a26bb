import { defineConfig } from '@playwright/test';

// Debian's Chromium: browsers cannot be downloaded on these machines.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: 'e2e',
  globalSetup: './e2e/globalSetup.ts',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  outputDir: 'test-results',
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'flows', testIgnore: [/performance\.spec\.ts/, /[\\/]nginx[\\/]/] },
    // Timings are taken with the machine to themselves (after every other test, in one worker) and without a
    // trace recording screenshots as they run.
    { name: 'performance', testMatch: /performance\.spec\.ts/, dependencies: ['flows'], workers: 1, use: { trace: 'off' } },
  ],
});
