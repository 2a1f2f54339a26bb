import { ApiError } from '../ApiError';
import type { HttpClient } from '../httpClient';
import type { ApiToken, ListPart, TeamToken, TokenApi } from '../tokenApi';
import { capabilitiesFor, isHcpTerraform, platformNameOf, type TeamTokenMode } from './capabilities';
import { resourceDocument, resourceOf } from './jsonApi';
import { readAllPages, streamPages, wholeList } from './pageStream';
import { sharedLookup } from './sharedLookup';
import { createTeamTokenModeDetector } from './teamTokenModeDetection';
import { teamTokenCallsFor, TOKEN_ALREADY_DELETED, type TeamTokenCallsContext } from './teamTokenModes';
import { createTfeClient, segment } from './tfeClient';
import {
  creatorNamesOf,
  expiredAtAttribute,
  toApiToken,
  toCreatedToken,
  toMe,
  toOrganization,
  toTeam,
} from './tfeResources';

export interface TfeTokenApiOptions {
  http: HttpClient;
  /** The API base, absolute and ending in `/`: `https://app.terraform.io/api/v2/`. */
  apiUrl: string;
  /** How the server keeps team tokens; `undefined`: detected once (see {@link createTeamTokenModeDetector}). */
  teamTokens?: TeamTokenMode;
  /** The host the Terraform CLI keys credentials by: `app.terraform.io` or the Terraform Enterprise host. */
  cliHost: string;
  /** The one organization this deployment is for; unset, the person picks among theirs. */
  organization?: string;
}

/** The port, plus what only HCP Terraform / Terraform Enterprise has. */
export interface TfeTokenApi extends TokenApi {
  /**
   * The team-token mode once known. `capabilities.team` follows it: until it is detected it describes the
   * `single` mode, the cautious guess (it warns that generating replaces the current token), and it is accurate
   * once any team-token call of the organization has resolved.
   */
  readonly teamTokenMode: TeamTokenMode | undefined;
  detectTeamTokenMode(organizationId: string): Promise<TeamTokenMode>;
  deleteTeamTokens(organizationId: string, ids: readonly string[]): Promise<void>;
  streamPersonalTokens(signal?: AbortSignal): AsyncIterable<ListPart<ApiToken>>;
  streamTeamTokens(organizationId: string, signal?: AbortSignal): AsyncIterable<ListPart<TeamToken>>;
}

const TEAM_NOT_FOUND = 'This team does not exist, or you may not manage its tokens.';
const TEAM_NOT_FOUND_OR_SINGLE =
  `${TEAM_NOT_FOUND} If this Terraform Enterprise release keeps one token per team, ` +
  'set REACT_APP_TFE_TEAM_TOKENS=single.';

/** The token API of HCP Terraform and Terraform Enterprise (JSON:API under `/api/v2`). */
export function createTfeTokenApi({ http, apiUrl, teamTokens, cliHost, organization }: TfeTokenApiOptions): TfeTokenApi {
  const client = createTfeClient(http, apiUrl);
  const capabilities = capabilitiesFor(cliHost);
  const detector = createTeamTokenModeDetector(
    client,
    teamTokens ?? (isHcpTerraform(apiUrl, cliHost) ? 'multiple' : undefined),
  );

  const whoAmI = sharedLookup(async (_: void) => toMe(await client.get('account/details')));

  async function listTeams(organizationId: string, signal?: AbortSignal) {
    const { resources } = await readAllPages(client, `organizations/${segment(organizationId)}/teams`, {
      what: 'the teams',
      signal,
      notFound: 'This organization does not exist, or you may not see it.',
    });
    return resources.map((team) => toTeam(team, organizationId));
  }

  const context: TeamTokenCallsContext = {
    client,
    listTeams,
    // Names are a nicety: a failure to learn who is signed in leaves them out rather than failing the list.
    me: () => whoAmI().catch(() => undefined),
    teamNotFound: () => (detector.guessed && detector.mode === 'multiple' ? TEAM_NOT_FOUND_OR_SINGLE : TEAM_NOT_FOUND),
  };
  const teamTokenCalls = {
    multiple: teamTokenCallsFor('multiple', context),
    single: teamTokenCallsFor('single', context),
  };
  async function* streamPersonalTokens(signal?: AbortSignal): AsyncGenerator<ListPart<ApiToken>> {
    const me = await whoAmI();
    const pages = streamPages(client, `users/${segment(me.id)}/authentication-tokens`, { what: 'your tokens', signal });
    for await (const { resources, included, ...state } of pages) {
      const creators = creatorNamesOf(included, me);
      yield { ...state, items: resources.map((token) => toApiToken(token, creators)) };
    }
  }

  async function* streamTeamTokens(organizationId: string, signal?: AbortSignal): AsyncGenerator<ListPart<TeamToken>> {
    const detection = await detector.detect(organizationId);
    const firstPage = detection.organizationId === organizationId ? detection.firstPage : undefined;
    yield* teamTokenCalls[detection.mode].stream(organizationId, signal, firstPage);
  }

  const callsFor = async (organizationId: string) => teamTokenCalls[(await detector.detect(organizationId)).mode];

  return {
    platformName: platformNameOf(apiUrl, cliHost),
    get capabilities() {
      return capabilities[detector.mode ?? 'single'];
    },
    get teamTokenMode() {
      return detector.mode;
    },
    async detectTeamTokenMode(organizationId) {
      return (await detector.detect(organizationId)).mode;
    },

    listPersonalTokens: (signal) => wholeList(streamPersonalTokens(signal)),
    streamPersonalTokens,
    async createPersonalToken({ description, expiresAt }) {
      const me = await whoAmI();
      const attributes = { description, 'expired-at': expiredAtAttribute(expiresAt) };
      const body = await client.post(
        `users/${segment(me.id)}/authentication-tokens`,
        resourceDocument('authentication-tokens', attributes),
      );
      return toCreatedToken(body, 'the new token');
    },
    async deletePersonalToken(id) {
      await client.delete(`authentication-tokens/${segment(id)}`, { notFound: TOKEN_ALREADY_DELETED });
    },

    async listOrganizations(signal) {
      if (organization !== undefined) {
        const body = await client.get(`organizations/${segment(organization)}`, {
          signal,
          notFound: `The organization ${organization} does not exist, or you are not in it.`,
        });
        return [toOrganization(resourceOf(body, 'the organization'))];
      }
      const { resources } = await readAllPages(client, 'organizations', { what: 'the organizations', signal });
      return resources.map(toOrganization);
    },
    listTeams,
    async getTeam({ organizationId, teamId }, signal) {
      const notFound = 'This team does not exist, or you may not see it.';
      const body = await client.get(`teams/${segment(teamId)}`, { signal, notFound });
      const team = toTeam(resourceOf(body, 'the team'), organizationId);
      // HCP Terraform finds a team by its id alone; a link that puts it in another organization is a wrong link.
      if (team.organizationId !== organizationId) throw new ApiError(404, notFound);
      return team;
    },

    listTeamTokens: (organizationId, signal) => wholeList(streamTeamTokens(organizationId, signal)),
    streamTeamTokens,
    async createTeamToken(team, input) {
      return (await callsFor(team.organizationId)).create(team, input);
    },
    async deleteTeamToken(team, id) {
      return (await callsFor(team.organizationId)).delete(team, id);
    },
    async deleteTeamTokens(organizationId, ids) {
      if ((await detector.detect(organizationId)).mode !== 'multiple') {
        throw new ApiError(400, 'This server deletes team tokens one at a time.');
      }
      const document = { data: ids.map((id) => ({ type: 'authentication-tokens', id })) };
      await client.delete(`organizations/${segment(organizationId)}/team-tokens`, {
        document,
        notFound: 'This organization does not exist, or you may not manage its team tokens.',
      });
    },
  };
}
