import { experimental_streamedQuery as streamedQuery, type QueryClient, type QueryKey, type UseQueryResult } from '@tanstack/react-query';
import type { ListPart } from '../../api';
import type { TokenListQuery } from './tokenCollection';
import type { ListedToken } from './tokenRows';

/**
 * A token list as the query cache keeps it: the tokens so far and whether they are all of them. Backends that page
 * their lists hand over the first page before the rest; the list shows it at once and says it is still loading.
 */
export type TokenListData<T extends ListedToken = ListedToken> = ListPart<T>;

/**
 * The query function of a token list read as it arrives. The first load shows each part as it comes; a refetch
 * keeps the list shown until the new one is whole (a shorter part must not replace a complete list).
 */
export function streamedTokenList<T extends ListedToken>(parts: (signal: AbortSignal) => AsyncIterable<ListPart<T>>) {
  return streamedQuery<ListPart<T>, TokenListData<T>>({
    streamFn: ({ signal }) => parts(signal),
    reducer: (_, part) => part,
    initialValue: { items: [], complete: false },
    refetchMode: 'replace',
  });
}

/** What the token panel reads of a token list's query. */
export function tokenListQueryOf<T extends ListedToken>(query: UseQueryResult<TokenListData<T>>): TokenListQuery {
  const { data, error, isFetching, dataUpdatedAt, refetch } = query;
  return {
    data: data?.items,
    isComplete: data?.complete ?? false,
    totalCount: data?.totalCount,
    shortBecause: data?.shortBecause,
    error,
    isFetching,
    dataUpdatedAt,
    refetch,
  };
}

/** The cached list's tokens, or `undefined` when none is cached. */
export const cachedTokens = (queryClient: QueryClient, key: QueryKey) =>
  queryClient.getQueryData<TokenListData>(key)?.items;

/** Changes the cached list's tokens, keeping what it says of its completeness. */
export function updateCachedTokens(
  queryClient: QueryClient,
  key: QueryKey,
  update: (tokens: readonly ListedToken[]) => readonly ListedToken[],
) {
  queryClient.setQueryData<TokenListData>(key, (list) => list && { ...list, items: [...update(list.items)] });
}

/** The list read afresh, whole: for checking whether a token is still in it. */
export async function fetchWholeList(queryClient: QueryClient, key: QueryKey): Promise<readonly ListedToken[]> {
  const list = await queryClient.fetchQuery<TokenListData>({ queryKey: key, staleTime: 0 });
  if (!list.complete) throw new Error(list.shortBecause ?? 'The list could not be read whole.');
  return list.items;
}
