import { ApiError, isApiError } from '../ApiError';
import type { CreatedToken, GenerateTokenInput, ListPart, Team, TeamRef, TeamToken } from '../tokenApi';
import { mapWithConcurrency } from '../boundedConcurrency';
import type { TeamTokenMode } from './capabilities';
import { includedOf, resourceDocument, resourceOf, type Resource } from './jsonApi';
import { streamPages } from './pageStream';
import { PAGE_CONCURRENCY } from './pagination';
import { segment, type TfeClient } from './tfeClient';
import { creatorNamesOf, expiredAtAttribute, toCreatedToken, toTeamToken, type Me } from './tfeResources';

/** The team-token calls of each {@link TeamTokenMode}: the screens see one port, whichever the server has. */
export interface TeamTokenCalls {
  /**
   * The organization's team tokens as they arrive (see `ListPart`). `firstPage`: the first page of team tokens,
   * when detecting the mode already read it.
   */
  stream(organizationId: string, signal?: AbortSignal, firstPage?: unknown): AsyncIterable<ListPart<TeamToken>>;
  create(team: TeamRef, input: GenerateTokenInput): Promise<CreatedToken>;
  delete(team: TeamRef, id: string): Promise<void>;
}

export interface TeamTokenCallsContext {
  client: TfeClient;
  listTeams(organizationId: string, signal?: AbortSignal): Promise<Team[]>;
  /** Who is signed in, to name the tokens they made; `undefined` when that cannot be learnt. Never rejects. */
  me(): Promise<Me | undefined>;
  /** What a 404 to a create means; detection may have guessed the mode, which a 404 can then reveal. */
  teamNotFound(): string;
}

export const TOKEN_ALREADY_DELETED = 'This token was already deleted.';

/** Current HCP Terraform: many tokens per team, listed for the whole organization, deleted by their own id. */
export function multipleTeamTokenCalls({ client, me, teamNotFound }: TeamTokenCallsContext): TeamTokenCalls {
  return {
    async *stream(organizationId, signal, firstPage) {
      const signedIn = me();
      const path = `organizations/${segment(organizationId)}/team-tokens`;
      const pages = streamPages(client, path, {
        what: 'the team tokens',
        signal,
        firstPage,
        notFound: 'This organization does not exist, or you may not see its team tokens.',
      });
      for await (const { resources, included, ...state } of pages) {
        const creators = creatorNamesOf(included, await signedIn);
        yield { ...state, items: resources.map((token) => toTeamToken(token, creators)).filter((token) => token !== undefined) };
      }
    },
    async create({ teamId }, { description, expiresAt }) {
      const attributes = { description, 'expired-at': expiredAtAttribute(expiresAt) };
      const body = await client.post(
        `teams/${segment(teamId)}/authentication-tokens`,
        resourceDocument('authentication-tokens', attributes),
        { notFound: teamNotFound() },
      );
      return toCreatedToken(body, 'the new team token');
    },
    async delete(_team, id) {
      await client.delete(`authentication-tokens/${segment(id)}`, { notFound: TOKEN_ALREADY_DELETED });
    },
  };
}

const TOKEN_REPLACED = 'This token was already deleted or replaced by a newer one.';

/**
 * Older Terraform Enterprise: one token per team, at `teams/:id/authentication-token`. There is no list, so each
 * team the person may manage is asked for its token (a 404 means it has none), a few teams at a time.
 */
export function singleTeamTokenCalls({ client, listTeams, me, teamNotFound }: TeamTokenCallsContext): TeamTokenCalls {
  const tokenPath = (teamId: string) => `teams/${segment(teamId)}/authentication-token`;

  type CurrentToken = { body: unknown; resource: Resource } | undefined;

  async function currentToken(teamId: string, signal?: AbortSignal): Promise<CurrentToken> {
    try {
      const body = await client.get(tokenPath(teamId), { signal });
      return { body, resource: resourceOf(body, 'the team token') };
    } catch (error) {
      if (isApiError(error) && error.status === 404) return undefined;
      throw error;
    }
  }

  return {
    async *stream(organizationId, signal) {
      const signedIn = me();
      const teams = (await listTeams(organizationId, signal)).filter((team) => team.canManageTokens);
      const tokens = await mapWithConcurrency(teams, PAGE_CONCURRENCY, async (team) => ({
        team,
        token: await currentToken(team.id, signal),
      }));
      const included = tokens.flatMap(({ token }) => (token ? includedOf(token.body) : []));
      const creators = creatorNamesOf(included, await signedIn);
      const items = tokens
        .map(({ team, token }) => token && toTeamToken(token.resource, creators, team.id))
        .filter((token) => token !== undefined)
        .map((token) => ({ ...token, description: '' }));
      yield { items, complete: true };
    },
    async create({ teamId }, { expiresAt }) {
      const attributes = { 'expired-at': expiredAtAttribute(expiresAt) };
      const body = await client.post(tokenPath(teamId), resourceDocument('authentication-token', attributes), {
        notFound: teamNotFound(),
      });
      return toCreatedToken(body, 'the new team token');
    },
    async delete({ teamId }, id) {
      // The delete names the team, not the token: make sure the token is still the one the person chose to
      // delete, not a replacement someone generated since, which pipelines may already use.
      const current = await currentToken(teamId);
      if (current?.resource.id !== id) throw new ApiError(404, current ? TOKEN_REPLACED : TOKEN_ALREADY_DELETED);
      await client.delete(tokenPath(teamId), { notFound: TOKEN_ALREADY_DELETED });
    },
  };
}

export function teamTokenCallsFor(mode: TeamTokenMode, context: TeamTokenCallsContext): TeamTokenCalls {
  return mode === 'multiple' ? multipleTeamTokenCalls(context) : singleTeamTokenCalls(context);
}
