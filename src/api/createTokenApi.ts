import type { RuntimeConfig } from '../config';
import type { HttpClient } from './httpClient';
import { createTerrakubeTokenApi } from './terrakubeTokenApi';
import type { TokenApi } from './tokenApi';

/** The {@link TokenApi} implementation of the configured backend flavor. */
export function createTokenApi(config: RuntimeConfig, http: HttpClient): TokenApi {
  switch (config.tokenBackend) {
    case 'terrakube':
      return createTerrakubeTokenApi({ http, apiUrl: config.apiUrl });
  }
}
