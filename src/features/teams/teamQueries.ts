import { skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { isApiError, listInParts, teamKeys, tokenKeys, useTokenApi, type Team, type TeamToken } from '../../api';
import type { TokenCollection } from '../tokens/tokenCollection';
import { streamedTokenList, tokenListQueryOf, type TokenListData } from '../tokens/tokenListData';

/** The data the teams screens share; each resource has one query, so both screens reuse the cache. */
export function useOrganizations() {
  const api = useTokenApi();
  return useQuery({ queryKey: teamKeys.organizations(), queryFn: ({ signal }) => api.listOrganizations(signal) });
}

/**
 * One of the person's organizations, from the list the picker shows (so usually cached already). `isUnknown`: the
 * list has loaded and the organization is not in it.
 */
export function useOrganization(organizationId: string) {
  const organizations = useOrganizations();
  const organization = organizations.data?.find((candidate) => candidate.id.toLowerCase() === organizationId.toLowerCase());
  return {
    organization,
    isPending: organizations.isPending,
    isUnknown: organizations.isSuccess && organization === undefined,
  };
}

export function useTeams(organizationId: string) {
  const api = useTokenApi();
  return useQuery({ queryKey: teamKeys.list(organizationId), queryFn: ({ signal }) => api.listTeams(organizationId, signal) });
}

export function useTeam(organizationId: string, teamId: string) {
  const api = useTokenApi();
  return useQuery({
    queryKey: teamKeys.detail(organizationId, teamId),
    queryFn: ({ signal }) => api.getTeam({ organizationId, teamId }, signal),
  });
}

/** What the person may do in the organization through their teams there; idle where the backend does not say. */
export function useOrganizationAccess(organizationId: string) {
  const api = useTokenApi();
  const { getOrganizationAccess } = api;
  return useQuery({
    queryKey: teamKeys.access(organizationId),
    queryFn: getOrganizationAccess
      ? ({ signal }) => getOrganizationAccess.call(api, organizationId, signal)
      : skipToken,
  });
}

/**
 * The team tokens of an organization that the person may see, as they arrive: one query holds them all, and
 * `teamId`, when given, selects one team's.
 */
export function useTeamTokens(organizationId: string, teamId?: string) {
  const api = useTokenApi();
  const select = useCallback(
    (list: TokenListData<TeamToken>) => ({ ...list, items: list.items.filter((token) => token.teamId === teamId) }),
    [teamId],
  );
  return useQuery({
    queryKey: tokenKeys.team(organizationId),
    queryFn: streamedTokenList((signal) =>
      listInParts(api.streamTeamTokens?.bind(api, organizationId, signal), () => api.listTeamTokens(organizationId, signal)),
    ),
    select: teamId === undefined ? undefined : select,
  });
}

/** One team's tokens, as the token panel takes them. */
export function useTeamTokenCollection(team: Team): TokenCollection {
  const api = useTokenApi();
  const queryClient = useQueryClient();
  const query = useTeamTokens(team.organizationId, team.id);
  const rest = useMemo(() => {
    const ref = { organizationId: team.organizationId, teamId: team.id };
    return {
      tokenListKey: tokenKeys.team(team.organizationId),
      cliHost: api.capabilities.cliHost,
      generate: async (input: Parameters<TokenCollection['generate']>[0]) => {
        try {
          return await api.createTeamToken(ref, input);
        } catch (error) {
          // Refused as not a member, or the team is gone: what the page shows of the team is out of date.
          if (isApiError(error) && (error.status === 403 || error.status === 404)) {
            void queryClient.invalidateQueries({ queryKey: teamKeys.detail(team.organizationId, team.id) });
          }
          throw error;
        }
      },
      deleteToken: (id: string) => api.deleteTeamToken(ref, id),
      deleteTokens: api.deleteTeamTokens && ((ids: readonly string[]) => api.deleteTeamTokens!(team.organizationId, ids)),
      wording: {
        listLabel: `${team.name} tokens`,
        listNameInText: `the tokens of ${team.name}`,
        generateLabel: 'Generate team token',
        dialogTitle: 'Generate team token',
        tokensInText: "this team's tokens",
        emptyMessage: `${team.name} has no API tokens yet.`,
        showCreator: true,
      },
      generateDisabledReason: team.canManageTokens ? undefined : `Only members of ${team.name} can create its tokens.`,
      unavailableMessage: team.canManageTokens ? undefined : cannotManageSentence(team, api.platformName),
    };
  }, [api, queryClient, team]);
  // Read at each render: a backend may learn how it keeps team tokens with the first list, which re-renders.
  return { query: tokenListQueryOf(query), capabilities: api.capabilities.team, ...rest };
}

function cannotManageSentence(team: Team, platformName: string): string {
  return team.isMember === false
    ? `You are not a member of ${team.name}, so you cannot see its tokens: ${platformName} shows a team's tokens to its members only.`
    : `You may not manage the tokens of ${team.name}, so you cannot see them: ${platformName} shows a team's tokens only to those who may manage them.`;
}
