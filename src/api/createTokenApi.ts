import type { RuntimeConfig } from '../config';
import type { HttpClient } from './httpClient';
import { createTerrakubeTokenApi } from './terrakube/terrakubeTokenApi';
import { createTfeTokenApi } from './tfe';
import type { TokenApi } from './tokenApi';

/** The {@link TokenApi} adapter of the configured backend: the one place that asks which backend it is. */
export function createTokenApi(config: RuntimeConfig, http: HttpClient): TokenApi {
  switch (config.tokenBackend) {
    case 'terrakube':
      return createTerrakubeTokenApi({ http, apiUrl: config.apiUrl, cliHost: config.apiHost });
    case 'tfe':
      return createTfeTokenApi({
        http,
        apiUrl: config.apiUrl,
        cliHost: config.apiHost,
        teamTokens: config.teamTokens ?? undefined,
        organization: config.organization ?? undefined,
      });
  }
}
