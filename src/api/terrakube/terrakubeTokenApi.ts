import { ApiError, isApiError } from '../ApiError';
import type { HttpClient } from '../httpClient';
import type { CollectionCapabilities, CreatedToken, Team, TokenApi, TokenApiCapabilities } from '../tokenApi';
import { expiryClaimOf } from './jwtExpiry';
import { PERSONAL_MAX_MS, personalDaysUntil, TEAM_MAX_MS, teamDurationUntil } from './terrakubeExpiry';
import {
  attributesOf,
  jsonApiList,
  jsonApiResource,
  listOf,
  organizationOf,
  isRecord,
  permissionsOf,
  secretOf,
  text,
  tokenOf,
  unexpectedAnswer,
  UNUSABLE_ANSWER_STATUS,
  type Json,
} from './terrakubeWire';

/**
 * The token API of a Terrakube server: `/pat/v1` and `/access-token/v1/teams` at the API origin, organizations and
 * teams from the JSON:API under the API URL. Its quirks stay here: success codes are 201/202, a generate for a team
 * the caller is not in answers `{"token": ""}`, an unknown token id answers 400, and an id that is not a UUID may
 * answer 500, so such ids are not sent at all. Team tokens name their team by its identity-provider group (the
 * team's name), and one list holds the tokens of all the caller's teams; the caller's groups say which teams are
 * theirs.
 */
export interface TerrakubeTokenApiOptions {
  http: HttpClient;
  /** The JSON:API base, ending in `/`, e.g. `https://api.example.com/api/v1/`. */
  apiUrl: string;
  /** The host Terraform CLI credentials name; the API URL's host by default. */
  cliHost?: string;
}

const shared: Omit<CollectionCapabilities, 'expiry'> = {
  takesDescription: true,
  uniqueDescriptions: false,
  tokensPerCollection: 'many',
  bulkDelete: false,
};

export const terrakubeCapabilities = (cliHost: string): TokenApiCapabilities => ({
  personal: { ...shared, expiry: { granularity: 'day', maxMs: PERSONAL_MAX_MS, allowsNever: true } },
  team: { ...shared, expiry: { granularity: 'minute', maxMs: TEAM_MAX_MS, allowsNever: true } },
  cliHost,
});

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const notFound = (what: string, cause?: unknown) => new ApiError(404, `${what} does not exist, or it was deleted.`, { cause });

/** Terrakube's 400 for a token id it does not know is the port's "not found". */
const unknownIdIsNotFound = (what: string) => (error: unknown) => {
  throw isApiError(error) && error.status === 400 ? notFound(what, error) : error;
};

const notAMemberOf = (team: string, cause?: unknown) => new ApiError(403, `You are not a member of ${team}.`, { cause });

// A success without a token: nothing to show, and a token may have been made all the same.
const noPersonalToken = () =>
  new ApiError(
    UNUSABLE_ANSWER_STATUS,
    'The server answered without the new token, so it cannot be shown. If it appears in your list, delete it, then generate another.',
  );

/** The expiry the server put in the token's `exp` claim, counted from its `iat`: Terrakube's tokens are JWTs. */
function createdToken(secret: string): CreatedToken {
  const claim = expiryClaimOf(secret);
  if (claim.kind === 'never') return { secret, expiresAt: null };
  if (claim.kind === 'unreadable') return { secret };
  return { secret, expiresAt: claim.at.toISOString(), ...(claim.issuedAt ? { createdAt: claim.issuedAt.toISOString() } : {}) };
}

const segment = (id: string) => encodeURIComponent(id);

export function createTerrakubeTokenApi({ http, apiUrl, cliHost = new URL(apiUrl).host }: TerrakubeTokenApiOptions): TokenApi {
  const origin = new URL(apiUrl).origin;
  const atOrigin = (path: string) => new URL(path, origin).toString();
  const atApi = (path: string) => new URL(path, apiUrl).toString();

  /** Shares one request among concurrent callers; a settled answer is not kept. */
  function sharedWhileInFlight<T>(load: () => Promise<T>): () => Promise<T> {
    let inFlight: Promise<T> | undefined;
    return () => (inFlight ??= load().finally(() => (inFlight = undefined)));
  }

  const currentGroups = sharedWhileInFlight(async () => {
    const body = await http.request(atOrigin('/access-token/v1/teams/current-teams'));
    if (!(body && typeof body === 'object' && Array.isArray((body as Json).groups))) throw unexpectedAnswer('your teams');
    return new Set(((body as Json).groups as unknown[]).filter((group): group is string => typeof group === 'string'));
  });

  // The organization's team resources, by organization; requests in flight are shared.
  const teamLoads = new Map<string, () => Promise<Json[]>>();
  function teamResources(organizationId: string): Promise<Json[]> {
    if (!UUID_PATTERN.test(organizationId)) return Promise.reject(notFound('This organization'));
    let load = teamLoads.get(organizationId);
    if (!load) {
      load = sharedWhileInFlight(async () =>
        jsonApiList(await http.request(atApi(`organization/${segment(organizationId)}/team`)), 'the teams'),
      );
      teamLoads.set(organizationId, load);
    }
    return load();
  }

  function teamOf(resource: Json, organizationId: string, groups: ReadonlySet<string>): Team {
    const attributes = attributesOf(resource);
    const name = text(attributes.name);
    const isMember = groups.has(name);
    return { id: text(resource.id), organizationId, name, canManageTokens: isMember, isMember, permissions: permissionsOf(attributes) };
  }

  /** The team's name (its identity-provider group), which the team-token calls use. */
  async function groupOf(organizationId: string, teamId: string): Promise<string> {
    const team = (await teamResources(organizationId)).find((resource) => text(resource.id) === teamId);
    if (!team) throw notFound('This team');
    return text(attributesOf(team).name);
  }

  return {
    platformName: 'Terrakube',
    capabilities: terrakubeCapabilities(cliHost),

    async listPersonalTokens(signal) {
      return listOf(await http.request(atOrigin('/pat/v1'), { signal }), 'the personal tokens').map(tokenOf);
    },
    async createPersonalToken({ description, expiresAt }) {
      const days = personalDaysUntil(expiresAt, new Date());
      const body = await http.request(atOrigin('/pat/v1'), { method: 'POST', body: { days, description } });
      return createdToken(secretOf(body, 'the new token', noPersonalToken));
    },
    async deletePersonalToken(id) {
      if (!UUID_PATTERN.test(id)) throw notFound('This token');
      await http.request(atOrigin(`/pat/v1/${segment(id)}`), { method: 'DELETE' }).catch(unknownIdIsNotFound('This token'));
    },

    async listOrganizations(signal) {
      return jsonApiList(await http.request(atApi('organization'), { signal }), 'the organizations').map(organizationOf);
    },
    async listTeams(organizationId) {
      const [resources, groups] = await Promise.all([teamResources(organizationId), currentGroups()]);
      return resources.map((resource) => teamOf(resource, organizationId, groups));
    },
    async getTeam({ organizationId, teamId }, signal) {
      if (!UUID_PATTERN.test(organizationId) || !UUID_PATTERN.test(teamId)) throw notFound('This team');
      const [body, groups] = await Promise.all([
        http
          .request(atApi(`organization/${segment(organizationId)}/team/${segment(teamId)}`), { signal })
          .catch(unknownIdIsNotFound('This team')),
        currentGroups(),
      ]);
      const resource = jsonApiResource(body, 'the team');
      if (!resource) throw notFound('This team');
      return teamOf(resource, organizationId, groups);
    },

    async getOrganizationAccess(organizationId, signal) {
      if (!UUID_PATTERN.test(organizationId)) throw notFound('This organization');
      const path = `/access-token/v1/teams/permissions/organization/${segment(organizationId)}`;
      const body = await http.request(atOrigin(path), { signal });
      if (!isRecord(body)) throw unexpectedAnswer('your permissions');
      return permissionsOf(body);
    },

    async listTeamTokens(organizationId, signal) {
      const [body, teams] = await Promise.all([
        http.request(atOrigin('/access-token/v1/teams'), { signal }),
        teamResources(organizationId),
      ]);
      const teamIdOfGroup = new Map(teams.map((team) => [text(attributesOf(team).name), text(team.id)]));
      return listOf(body, 'the team tokens').flatMap((json) => {
        const teamId = teamIdOfGroup.get(text(json.group));
        return teamId === undefined ? [] : [{ ...tokenOf(json), teamId }];
      });
    },
    async createTeamToken({ organizationId, teamId }, { description, expiresAt }) {
      const group = await groupOf(organizationId, teamId);
      const duration = teamDurationUntil(expiresAt, new Date());
      const body = await http
        .request(atOrigin('/access-token/v1/teams'), { method: 'POST', body: { group, description, ...duration } })
        .catch((error: unknown) => {
          // Terrakube refuses a non-member with 403 (or 201 and an empty token, below); the embedded server says so in words.
          throw isApiError(error) && error.status === 403 ? notAMemberOf(group, error) : error;
        });
      return createdToken(secretOf(body, 'the new team token', () => notAMemberOf(group)));
    },
    async deleteTeamToken(_team, id) {
      if (!UUID_PATTERN.test(id)) throw notFound('This token');
      await http
        .request(atOrigin(`/access-token/v1/teams/${segment(id)}`), { method: 'DELETE' })
        .catch(unknownIdIsNotFound('This token'));
    },
  };
}
