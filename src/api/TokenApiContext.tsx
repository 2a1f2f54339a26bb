import { createContext, useContext, type ReactNode } from 'react';
import type { TokenApi } from './tokenApi';

const TokenApiContext = createContext<TokenApi | null>(null);

export function TokenApiProvider({ api, children }: { api: TokenApi; children: ReactNode }) {
  return <TokenApiContext.Provider value={api}>{children}</TokenApiContext.Provider>;
}

/** The token API of the configured backend. Components call it through TanStack Query, never `fetch`. */
export function useTokenApi(): TokenApi {
  const api = useContext(TokenApiContext);
  if (!api) throw new Error('useTokenApi must be used inside <TokenApiProvider>.');
  return api;
}

/** The configured platform's name for page copy; a neutral name where no API is set up (a configuration error page). */
export function usePlatformName(): string {
  return useContext(TokenApiContext)?.platformName ?? 'API tokens';
}
