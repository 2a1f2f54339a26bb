import { QueryObserver } from '@tanstack/react-query';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import { createQueryClient, shouldRetryQuery } from './queryClient';

describe('shouldRetryQuery', () => {
  it.each([0, 500, 502, 503])('retries status %i at most twice', (status) => {
    const error = new ApiError(status, 'failed');
    expect(shouldRetryQuery(0, error)).toBe(true);
    expect(shouldRetryQuery(1, error)).toBe(true);
    expect(shouldRetryQuery(2, error)).toBe(false);
  });

  it.each([400, 401, 403, 404, 409, 429])('never retries status %i', (status) => {
    expect(shouldRetryQuery(0, new ApiError(status, 'failed'))).toBe(false);
  });

  it('never retries an error that is not an API error', () => {
    expect(shouldRetryQuery(0, new TypeError('bug'))).toBe(false);
    expect(shouldRetryQuery(0, new DOMException('aborted', 'AbortError'))).toBe(false);
  });
});

async function settle(queryFn: () => Promise<unknown>) {
  const client = createQueryClient();
  client.setDefaultOptions({
    ...client.getDefaultOptions(),
    queries: { ...client.getDefaultOptions().queries, retryDelay: 0 },
  });
  const observer = new QueryObserver(client, { queryKey: ['probe'], queryFn });
  const result = await new Promise<{ status: string; failureCount: number }>((resolve) => {
    const unsubscribe = observer.subscribe((state) => {
      if (state.status !== 'pending') {
        unsubscribe();
        resolve({ status: state.status, failureCount: state.failureCount });
      }
    });
  });
  client.clear();
  return result;
}

describe('createQueryClient', () => {
  it('calls a query 3 times in all (2 retries) while the server cannot be reached', async () => {
    const queryFn = vi.fn(() => Promise.reject(new ApiError(0, 'Cannot reach the server.')));
    expect(await settle(queryFn)).toEqual({ status: 'error', failureCount: 3 });
    expect(queryFn).toHaveBeenCalledTimes(3);
  });

  it('succeeds on a retry after a 503', async () => {
    const queryFn = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new ApiError(503, 'unavailable'))
      .mockResolvedValueOnce('ok');
    expect((await settle(queryFn)).status).toBe('success');
    expect(queryFn).toHaveBeenCalledTimes(2);
  });

  it('gives up at once on a 404', async () => {
    const queryFn = vi.fn(() => Promise.reject(new ApiError(404, 'Not found.')));
    expect(await settle(queryFn)).toEqual({ status: 'error', failureCount: 1 });
    expect(queryFn).toHaveBeenCalledTimes(1);
  });

  it('never retries a mutation, whatever the error', async () => {
    const client = createQueryClient();
    const mutationFn = vi.fn(() => Promise.reject(new ApiError(503, 'unavailable')));
    const mutation = client.getMutationCache().build(client, { mutationFn });
    await expect(mutation.execute(undefined)).rejects.toBeInstanceOf(ApiError);
    expect(mutationFn).toHaveBeenCalledTimes(1);
  });

  it('keeps data fresh for a minute', () => {
    expect(createQueryClient().getDefaultOptions().queries?.staleTime).toBe(60_000);
  });
});
