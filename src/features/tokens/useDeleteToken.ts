import { useMutation, useMutationState, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useMemo } from 'react';
import { ApiError, isApiError } from '../../api';
import { cachedTokens, fetchWholeList, updateCachedTokens, type TokenListData } from './tokenListData';
import type { ListedToken } from './tokenRows';

/** How a delete ended, for the toast. */
export type DeleteOutcome =
  | { kind: 'deleted'; token: ListedToken }
  | { kind: 'alreadyDeleted'; token: ListedToken }
  | { kind: 'failed'; token: ListedToken; error: Error };

/** The mutation key of the deletes from one token list (so concurrent deletes can see each other). */
export function deleteTokenMutationKey(tokenListKey: QueryKey): QueryKey {
  return ['deleteToken', ...tokenListKey];
}

/**
 * Takes tokens out of the cached list at once, after stopping a refetch that would answer with them still in it. A
 * first load still reading later pages goes on: the tokens it brings back stay hidden while their delete is pending,
 * and the list is read again once it settles.
 */
export async function removeFromList(queryClient: QueryClient, tokenListKey: QueryKey, tokens: readonly ListedToken[]) {
  if (queryClient.getQueryData<TokenListData>(tokenListKey)?.complete !== false) {
    await queryClient.cancelQueries({ queryKey: tokenListKey });
  }
  const previous = cachedTokens(queryClient, tokenListKey);
  const ids = new Set(tokens.map((token) => token.id));
  updateCachedTokens(queryClient, tokenListKey, (listed) => listed.filter((t) => !ids.has(t.id)));
  return previous;
}

/** Puts tokens whose delete failed back where they were, leaving any other change made since (another delete). */
export function putBackInList(
  queryClient: QueryClient,
  tokenListKey: QueryKey,
  tokens: readonly ListedToken[],
  previous: readonly ListedToken[] | undefined,
) {
  updateCachedTokens(queryClient, tokenListKey, (listed) => {
    let result = listed;
    for (const token of tokens) {
      if (result.some((t) => t.id === token.id)) continue;
      const index = previous?.findIndex((t) => t.id === token.id) ?? -1;
      result = index < 0 ? [...result, token] : [...result.slice(0, index), token, ...result.slice(index)];
    }
    return result;
  });
}

/** Refetches the list when the last of its concurrent deletes settles; see `useDeleteToken`. */
export function refetchAfterLastDelete(queryClient: QueryClient, tokenListKey: QueryKey): Promise<void> | undefined {
  if (queryClient.isMutating({ mutationKey: deleteTokenMutationKey(tokenListKey) }) !== 1) return undefined;
  return queryClient.invalidateQueries({ queryKey: tokenListKey });
}

/**
 * The answer the API gives for a token it does not know: Terrakube 400, the embedded server 404. It may mean the
 * token is gone already (deleted in another tab), but a 400 can also be a refusal: only the list can tell.
 */
export function mayBeAlreadyDeleted(error: unknown): error is ApiError {
  return isApiError(error) && (error.status === 404 || error.status === 400);
}

type DeleteResult = 'deleted' | 'alreadyDeleted';

interface DeleteContext {
  /** The cached list before the optimistic removal. */
  previous: readonly ListedToken[] | undefined;
}

/**
 * Deletes a token with an optimistic update: the row leaves the cached list at once, comes back if the API
 * refuses, and the list is refetched when the last concurrent delete of this list settles. A 400 or 404 is checked
 * against a fresh list: a token no longer listed was already deleted (another tab); one still listed was not
 * deleted, and that is a failure. While a delete is pending, a refetch that still contains the token cannot bring
 * it back: see `usePendingDeletes`.
 */
export function useDeleteToken({
  tokenListKey,
  deleteToken,
  onOutcome,
}: {
  tokenListKey: QueryKey;
  deleteToken: (id: string) => Promise<void>;
  onOutcome: (outcome: DeleteOutcome) => void;
}) {
  const queryClient = useQueryClient();
  const mutationKey = deleteTokenMutationKey(tokenListKey);
  return useMutation<DeleteResult, Error, ListedToken, DeleteContext>({
    mutationKey,
    mutationFn: async (token) => {
      try {
        await deleteToken(token.id);
        return 'deleted';
      } catch (error) {
        if (!mayBeAlreadyDeleted(error)) throw error;
        // Throws when the list cannot be fetched either: unconfirmed, the delete counts as failed.
        const listed = await fetchWholeList(queryClient, tokenListKey);
        if (listed.some((t) => t.id === token.id)) {
          throw new ApiError(error.status, `${error.message} It is still in the list, so it was not deleted.`, { cause: error });
        }
        return 'alreadyDeleted';
      }
    },
    onMutate: async (token) => ({ previous: await removeFromList(queryClient, tokenListKey, [token]) }),
    onSuccess: (result, token) => onOutcome({ kind: result, token }),
    onError: (error, token, context) => {
      putBackInList(queryClient, tokenListKey, [token], context?.previous);
      onOutcome({ kind: 'failed', token, error });
    },
    onSettled: (_data, error) => {
      // Only the last of several concurrent deletes refetches, so an earlier refetch cannot show a token whose
      // delete is still on its way.
      const refetched = refetchAfterLastDelete(queryClient, tokenListKey);
      // After a success, stay pending until the list is fresh: the row cannot flicker back from a stale answer.
      return error ? undefined : refetched;
    },
  });
}

/**
 * The ids of this list's tokens whose delete is on its way, one at a time or several at once; the list hides them
 * whatever the cache says.
 */
export function usePendingDeletes(tokenListKey: QueryKey): ReadonlySet<string> {
  const ids = useMutationState<string[]>({
    filters: { mutationKey: deleteTokenMutationKey(tokenListKey), status: 'pending' },
    select: (mutation) => {
      const variables = mutation.state.variables as ListedToken | readonly ListedToken[] | undefined;
      if (variables === undefined) return [];
      return Array.isArray(variables) ? variables.map((token: ListedToken) => token.id) : [(variables as ListedToken).id];
    },
  }).flat();
  const key = ids.join('\u0000');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` captures `ids`' contents
  return useMemo(() => new Set(ids), [key]);
}
