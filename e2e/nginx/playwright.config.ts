import { defineConfig } from '@playwright/test';
import base from '../../playwright.config';

/**
 * The app as its image serves it: Debian's nginx with the image's configuration and entrypoint, the embedded
 * server as the API. Run after `npm run build`: `playwright test --config e2e/nginx/playwright.config.ts`.
 */
export default defineConfig({
  ...base,
  testDir: '.',
  globalSetup: './globalSetup.ts',
  outputDir: '../../test-results/nginx',
  projects: [{ name: 'nginx' }],
});
