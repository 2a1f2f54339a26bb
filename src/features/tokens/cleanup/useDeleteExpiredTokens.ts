import { useMutation, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { mapWithConcurrency } from '../../../api';
import { fetchWholeList } from '../tokenListData';
import type { ListedToken } from '../tokenRows';
import {
  deleteTokenMutationKey,
  mayBeAlreadyDeleted,
  putBackInList,
  refetchAfterLastDelete,
  removeFromList,
} from '../useDeleteToken';

/** One at a time would take long on a long list; many at once would run into an API's rate limit (30 a second). */
export const DELETE_CONCURRENCY = 4;
/** As many as one bulk delete may name (HCP Terraform's page size). */
export const BULK_DELETE_SIZE = 100;

export interface CleanupProgress {
  /** Tokens settled so far (deleted or failed). */
  done: number;
  total: number;
}

export interface CleanupResult {
  deleted: number;
  failed: { token: ListedToken; error: Error }[];
}

export interface UseDeleteExpiredTokensOptions {
  tokenListKey: QueryKey;
  deleteToken: (id: string) => Promise<void>;
  /** Deletes several at once, all or none; absent where the backend cannot. */
  deleteTokens?: (ids: readonly string[]) => Promise<void>;
}

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/** Whether a token refused as unknown is really gone: it is not in a fresh list. */
async function isGone(queryClient: QueryClient, tokenListKey: QueryKey, token: ListedToken): Promise<boolean> {
  const listed = await fetchWholeList(queryClient, tokenListKey);
  return !listed.some((t) => t.id === token.id);
}

/**
 * Deletes a list's expired tokens: in bulk requests where the backend has them (falling back to one by one for a
 * batch it refuses), else one by one, a few at a time. Every token leaves the list at once and stays hidden while
 * the deletes run (the list cannot flicker back); those that could not be deleted come back at the end, and are
 * reported by name. A token already deleted elsewhere counts as deleted.
 */
export function useDeleteExpiredTokens({ tokenListKey, deleteToken, deleteTokens }: UseDeleteExpiredTokensOptions) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<CleanupProgress | null>(null);
  const inFlight = useRef(false);

  const mutation = useMutation<CleanupResult, Error, readonly ListedToken[], { previous: readonly ListedToken[] | undefined }>({
    mutationKey: deleteTokenMutationKey(tokenListKey),
    mutationFn: async (tokens) => {
      let done = 0;
      const failed: CleanupResult['failed'] = [];
      const settle = (count: number) => {
        done += count;
        setProgress({ done, total: tokens.length });
      };
      const deleteOne = async (token: ListedToken) => {
        try {
          await deleteToken(token.id);
        } catch (error) {
          if (!mayBeAlreadyDeleted(error) || !(await isGone(queryClient, tokenListKey, token).catch(() => false))) {
            failed.push({ token, error: asError(error) });
          }
        }
        settle(1);
      };
      const batches = deleteTokens
        ? Array.from({ length: Math.ceil(tokens.length / BULK_DELETE_SIZE) }, (_, i) => tokens.slice(i * BULK_DELETE_SIZE, (i + 1) * BULK_DELETE_SIZE))
        : [];
      let oneByOne: readonly ListedToken[] = deleteTokens ? [] : tokens;
      for (const batch of batches) {
        try {
          await deleteTokens!(batch.map((token) => token.id));
          settle(batch.length);
        } catch {
          // All or none: the batch is left as it was, and one by one tells which tokens cannot go, and why.
          oneByOne = [...oneByOne, ...batch];
        }
      }
      await mapWithConcurrency(oneByOne, DELETE_CONCURRENCY, deleteOne);
      return { deleted: tokens.length - failed.length, failed };
    },
    onMutate: async (tokens) => {
      setProgress({ done: 0, total: tokens.length });
      return { previous: await removeFromList(queryClient, tokenListKey, tokens) };
    },
    onSuccess: (result, _tokens, context) => {
      putBackInList(queryClient, tokenListKey, result.failed.map((failure) => failure.token), context?.previous);
    },
    onSettled: () => refetchAfterLastDelete(queryClient, tokenListKey),
    gcTime: 0,
    retry: false,
  });

  const { mutateAsync, reset: resetMutation } = mutation;
  /** Runs the deletes and resolves with how they ended; a second call while they run does nothing. */
  const run = useCallback(
    async (tokens: readonly ListedToken[]): Promise<CleanupResult | undefined> => {
      if (inFlight.current || tokens.length === 0) return undefined;
      inFlight.current = true;
      try {
        return await mutateAsync(tokens);
      } finally {
        inFlight.current = false;
      }
    },
    [mutateAsync],
  );
  const reset = useCallback(() => {
    resetMutation();
    setProgress(null);
  }, [resetMutation]);

  return { run, reset, progress, result: mutation.data, isPending: mutation.isPending };
}
