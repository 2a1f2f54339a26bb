import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { tokenKeys, useTokenApi, type CreatedToken, type TokenDuration } from '../../api';

/** The signed-in user's tokens and what can be done with them, in the shape `TokensPanel` takes. */
export function usePersonalTokens() {
  const api = useTokenApi();
  const tokenListKey = tokenKeys.personal();
  const query = useQuery({ queryKey: tokenListKey, queryFn: ({ signal }) => api.listPersonalTokens(signal) });
  const actions = useMemo(
    () => ({
      // Personal tokens last whole days (the PAT API knows no hours or minutes); 0 days = never expires.
      generate: ({ description, duration }: { description: string; duration: TokenDuration }): Promise<CreatedToken> =>
        api.createPersonalToken({ description, days: duration.days }),
      deleteToken: (id: string) => api.deletePersonalToken(id),
    }),
    [api],
  );
  return { query, tokenListKey, ...actions };
}
