import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api';

const MAX_QUERY_RETRIES = 2;

/**
 * Queries retry at most twice, and only when retrying can help: the server could not be reached (status 0) or
 * had a problem (5xx). A 4xx answer will not change on its own.
 */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_QUERY_RETRIES) return false;
  return isApiError(error) && (error.status === 0 || error.status >= 500);
}

/** Mutations never retry: a retried generate could make a second token. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetryQuery,
        // Coming back to a screen within a minute shows what was fetched, without fetching it again.
        staleTime: 60_000,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}
