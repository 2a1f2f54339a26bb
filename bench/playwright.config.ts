import { defineConfig } from '@playwright/test';
import e2e from '../playwright.config';

// The bench seeds 10,000 tokens for one person through the API, far past what one person may generate in 10
// minutes; the servers it starts (with ../e2e/globalSetup.ts, which passes the environment on) allow it.
process.env.GENERATE_LIMIT ??= '100000';

/** `npm run bench`: the benchmark, against the production build served the way `npm start` serves it. */
export default defineConfig({
  ...e2e,
  testDir: '.',
  projects: [{ name: 'bench' }],
  // No trace recording screenshots while timings are taken.
  use: { ...e2e.use, trace: 'off' },
  globalSetup: '../e2e/globalSetup.ts',
  workers: 1,
  retries: 0,
  timeout: 30 * 60_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  outputDir: '../test-results/bench',
});
