import { QueryClientProvider } from '@tanstack/react-query';
import { use, useMemo, useState, type ReactNode } from 'react';
import { createHttpClient, TokenApiProvider, tokenApiFactory } from '../api';
import { useAuth } from '../auth';
import { useConfig } from '../config';
import { createQueryClient } from './queryClient';

/**
 * The configured backend's TokenApi, speaking as the signed-in person, and the query cache. Suspends while an
 * adapter that loads on demand arrives (see `tokenApiFactory`).
 */
export function ApiProviders({ children }: { children: ReactNode }) {
  const config = useConfig();
  const { getAccessToken, signInAgain } = useAuth();
  const factoryOrPromise = tokenApiFactory(config);
  const factory = factoryOrPromise instanceof Promise ? use(factoryOrPromise) : factoryOrPromise;
  const api = useMemo(
    () => factory(createHttpClient({ getAccessToken, onUnauthorized: signInAgain })),
    [factory, getAccessToken, signInAgain],
  );
  const [queryClient] = useState(createQueryClient);
  return (
    <TokenApiProvider api={api}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </TokenApiProvider>
  );
}
