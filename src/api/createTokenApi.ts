import type { RuntimeConfig } from '../config';
import type { HttpClient } from './httpClient';
import { createTerrakubeTokenApi } from './terrakube/terrakubeTokenApi';
import type { TokenApi } from './tokenApi';

/** Makes the configured backend's {@link TokenApi} over an HTTP client. */
export type TokenApiFactory = (http: HttpClient) => TokenApi;

function factoryFor(config: RuntimeConfig): TokenApiFactory | Promise<TokenApiFactory> {
  switch (config.tokenBackend) {
    case 'terrakube':
      return (http) => createTerrakubeTokenApi({ http, apiUrl: config.apiUrl, cliHost: config.apiHost });
    case 'tfe':
      // HCP Terraform's adapter loads only where it is configured: a Terrakube deployment never downloads it.
      return import('./tfe').then(({ createTfeTokenApi }) => (http: HttpClient) =>
        createTfeTokenApi({
          http,
          apiUrl: config.apiUrl,
          cliHost: config.apiHost,
          teamTokens: config.teamTokens ?? undefined,
          organization: config.organization ?? undefined,
        }),
      );
  }
}

const factories = new WeakMap<RuntimeConfig, TokenApiFactory | Promise<TokenApiFactory>>();

/**
 * The adapter of the configured backend: the one place that asks which backend it is. Terrakube's comes with the
 * app; HCP Terraform's is a promise while its code loads, and the adapter itself once it has (so a render after
 * that need not wait for it). The same answer serves every call with one config, a failed download too (so the
 * error reaches the error boundary) until {@link forgetTokenApiFactory}.
 */
export function tokenApiFactory(config: RuntimeConfig): TokenApiFactory | Promise<TokenApiFactory> {
  let factory = factories.get(config);
  if (!factory) {
    const loading = factoryFor(config);
    factory = loading;
    factories.set(config, loading);
    if (loading instanceof Promise) {
      loading.then(
        (loaded) => factories.get(config) === loading && factories.set(config, loaded),
        () => undefined,
      );
    }
  }
  return factory;
}

/** Lets the next {@link tokenApiFactory} call load the adapter anew: Retry after a failed download. */
export function forgetTokenApiFactory(config: RuntimeConfig): void {
  factories.delete(config);
}
