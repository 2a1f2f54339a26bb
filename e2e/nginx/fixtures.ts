import { test as appTest } from '../fixtures';
import { nginxE2eUrls, type NginxFlavor } from './servers';

/** The app's test fixtures, with the page served by the image's nginx: `test.use({ flavor: 'tfe' })`. */
export const test = appTest.extend<{ flavor: NginxFlavor; apiUrl: string }>({
  flavor: ['terrakube', { option: true }],
  baseURL: async ({ flavor }, use) => {
    await use(nginxE2eUrls(flavor).nginx);
  },
  /** The embedded server behind it: the API and identity provider. */
  apiUrl: async ({ flavor }, use) => {
    await use(nginxE2eUrls(flavor).api);
  },
});

export { expect } from '../fixtures';
