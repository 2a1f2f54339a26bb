import { createHttpClient } from '../../httpClient';
import { createTfeTokenApi, type TfeTokenApiOptions } from '../tfeTokenApi';
import { createFakeTfeBackend, type FakeTfeBackendOptions } from './fakeTfeBackend';

/**
 * The HCP Terraform adapter over the fake backend's `fetch`, signed in with the seeded user's token as it is now
 * (change `backend.me.accessToken` afterwards to revoke it). `signInRequests` counts the client's 401 callbacks.
 */
export function tfeApiOnFakeBackend(
  backendOptions: FakeTfeBackendOptions = {},
  apiOptions: Partial<Omit<TfeTokenApiOptions, 'http'>> = {},
) {
  const backend = createFakeTfeBackend(backendOptions);
  const accessToken = backend.me.accessToken;
  let signInRequests = 0;
  const http = createHttpClient({
    getAccessToken: () => accessToken,
    fetch: backend.fetch,
    onUnauthorized: () => {
      signInRequests += 1;
    },
  });
  const apiUrl = apiOptions.apiUrl ?? backendOptions.baseUrl ?? 'https://app.terraform.io/api/v2/';
  const api = createTfeTokenApi({ http, apiUrl, cliHost: new URL(apiUrl).host, ...apiOptions });
  return {
    api,
    backend,
    get signInRequests() {
      return signInRequests;
    },
  };
}
