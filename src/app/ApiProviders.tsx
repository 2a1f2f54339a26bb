import { QueryClientProvider } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import { createHttpClient, createTokenApi, TokenApiProvider } from '../api';
import { useAuth } from '../auth';
import { useConfig } from '../config';
import { createQueryClient } from './queryClient';

/** The configured backend's TokenApi, speaking as the signed-in user, and the query cache. */
export function ApiProviders({ children }: { children: ReactNode }) {
  const config = useConfig();
  const { getAccessToken, signInAgain } = useAuth();
  const api = useMemo(
    () => createTokenApi(config, createHttpClient({ getAccessToken, onUnauthorized: signInAgain })),
    [config, getAccessToken, signInAgain],
  );
  const [queryClient] = useState(createQueryClient);
  return (
    <TokenApiProvider api={api}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </TokenApiProvider>
  );
}
