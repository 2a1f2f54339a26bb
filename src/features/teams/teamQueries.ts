import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { isApiError, teamKeys, tokenKeys, useTokenApi, type CreatedToken, type TeamToken, type TokenDuration } from '../../api';

/** The data the teams screens share; each resource has one query, so both screens reuse the cache. */
export function useOrganizations() {
  const api = useTokenApi();
  return useQuery({ queryKey: teamKeys.organizations(), queryFn: ({ signal }) => api.listOrganizations(signal) });
}

/**
 * One of the user's organizations, from the list the picker shows (so usually cached already). `isUnknown`: the
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
  return useQuery({
    queryKey: teamKeys.list(organizationId),
    queryFn: ({ signal }) => api.listTeams(organizationId, signal),
  });
}

export function useTeam(organizationId: string, teamId: string) {
  const api = useTokenApi();
  return useQuery({
    queryKey: teamKeys.detail(organizationId, teamId),
    queryFn: ({ signal }) => api.getTeam(organizationId, teamId, signal),
  });
}

/** Terrakube answers 404 for an unknown organization or team, or 400 for an id it cannot read. */
export function isNotFoundError(error: unknown): boolean {
  return isApiError(error) && (error.status === 404 || error.status === 400);
}

/** The caller's group names: a team's members are the people in the group of the team's name. */
export function useCurrentTeams() {
  const api = useTokenApi();
  return useQuery({ queryKey: tokenKeys.currentTeams(), queryFn: ({ signal }) => api.currentTeams(signal) });
}

/**
 * Team tokens. Terrakube lists the tokens of all the caller's teams together (and only to members): one query
 * holds them all, and `group`, once known, selects one team's.
 */
export function useTeamTokens(group?: string) {
  const api = useTokenApi();
  const select = useCallback((tokens: TeamToken[]) => tokens.filter((token) => token.group === group), [group]);
  return useQuery({
    queryKey: tokenKeys.team(),
    queryFn: ({ signal }) => api.listTeamTokens(signal),
    select: group === undefined ? undefined : select,
  });
}

/** Generate and delete for one team's tokens, in the shape `TokensPanel` takes. */
export function useTeamTokenActions(group: string) {
  const api = useTokenApi();
  const queryClient = useQueryClient();
  return useMemo(
    () => ({
      generate: async ({ description, duration }: { description: string; duration: TokenDuration }): Promise<CreatedToken> => {
        try {
          return await api.createTeamToken({ group, description, ...duration });
        } catch (error) {
          // Refused as not a member: the membership the page shows is out of date.
          if (isApiError(error) && error.status === 403) {
            void queryClient.invalidateQueries({ queryKey: tokenKeys.currentTeams() });
          }
          throw error;
        }
      },
      deleteToken: (id: string) => api.deleteTeamToken(id),
    }),
    [api, queryClient, group],
  );
}
