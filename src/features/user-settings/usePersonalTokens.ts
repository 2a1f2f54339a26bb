import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { listInParts, tokenKeys, useTokenApi } from '../../api';
import type { TokenCollection } from '../tokens/tokenCollection';
import { streamedTokenList, tokenListQueryOf } from '../tokens/tokenListData';

/** The signed-in person's tokens, as the token panel takes them. */
export function usePersonalTokens(): TokenCollection {
  const api = useTokenApi();
  const query = useQuery({
    queryKey: tokenKeys.personal(),
    queryFn: streamedTokenList((signal) =>
      listInParts(api.streamPersonalTokens?.bind(api, signal), () => api.listPersonalTokens(signal)),
    ),
  });
  const rest = useMemo(
    () => ({
      tokenListKey: tokenKeys.personal(),
      capabilities: api.capabilities.personal,
      cliHost: api.capabilities.cliHost,
      generate: api.createPersonalToken.bind(api),
      deleteToken: api.deletePersonalToken.bind(api),
      wording: {
        listLabel: 'Your API tokens',
        listNameInText: 'your API tokens',
        generateLabel: 'Generate token',
        dialogTitle: 'Generate API token',
        tokensInText: 'your tokens',
        emptyMessage: `You have no API tokens yet. Generate one for each script or tool that calls ${api.platformName} as you.`,
        showCreator: true,
      },
    }),
    [api],
  );
  return { query: tokenListQueryOf(query), ...rest };
}
