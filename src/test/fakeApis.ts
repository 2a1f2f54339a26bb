/**
 * Fake TokenApis for screen and component tests: every call fails unless given, and the in-memory ones keep their
 * tokens in a `store` that listing copies and generating and deleting change, as a server would. Each call is a
 * spy. Import them through `./testKit`.
 */
import { vi } from 'vitest';
import {
  ApiError,
  type ApiToken,
  type CreatedToken,
  type GenerateTokenInput,
  type Organization,
  type Team,
  type TeamRef,
  type TeamToken,
  type TokenApi,
} from '../api';
import { ADMIN_TEAM, aTeamToken, aToken, AWS_TEAM, DEVELOPERS_TEAM, ORGANIZATION, OTHER_ORGANIZATION, TERRAKUBE_CAPABILITIES } from './factories';

/** A TokenApi whose every call fails unless overridden; Terrakube's name and capabilities by default. */
export function fakeTokenApi(overrides: Partial<TokenApi> = {}): TokenApi {
  const unused = () => Promise.reject(new Error('not used in this test'));
  return {
    platformName: 'Terrakube',
    capabilities: TERRAKUBE_CAPABILITIES,
    listPersonalTokens: unused,
    createPersonalToken: unused,
    deletePersonalToken: unused,
    listOrganizations: unused,
    listTeams: unused,
    getTeam: unused,
    listTeamTokens: unused,
    createTeamToken: unused,
    deleteTeamToken: unused,
    ...overrides,
  };
}

/** The port's not-found, as an adapter answers it. */
export const notFoundError = (what = 'It') => new ApiError(404, `${what} does not exist, or it was deleted.`);

let secrets = 0;

/** What a generate answers by default: a fresh secret and the expiry asked for. */
function created({ expiresAt }: GenerateTokenInput): CreatedToken {
  secrets += 1;
  return { secret: `test-secret-${secrets}`, expiresAt: expiresAt?.toISOString() ?? null };
}

const listedAs = ({ description, expiresAt }: GenerateTokenInput) => ({
  description,
  createdAgo: 0,
  expiresIn: expiresAt === null ? null : expiresAt.getTime() - Date.now(),
});

function removeFrom<T extends ApiToken>(store: T[], id: string): void {
  const index = store.findIndex((token) => token.id === id);
  if (index >= 0) store.splice(index, 1);
}

/** A TokenApi whose personal tokens live in `store`. */
export function personalTokensApi(tokens: ApiToken[], overrides: Partial<TokenApi> = {}) {
  const store = [...tokens];
  const api = fakeTokenApi({
    listPersonalTokens: vi.fn(async () => store.map((token) => ({ ...token }))),
    createPersonalToken: vi.fn(async (input: GenerateTokenInput) => {
      store.push(aToken(listedAs(input)));
      return created(input);
    }),
    deletePersonalToken: vi.fn(async (id: string) => removeFrom(store, id)),
    ...overrides,
  });
  return { api, store };
}

export interface TeamsWorld {
  /** The signed-in person's organizations. Default: ORGANIZATION and OTHER_ORGANIZATION. */
  organizations?: Organization[];
  /** Default: TERRAKUBE_ADMIN, AWS_DEVELOPERS and TERRAKUBE_DEVELOPERS of ORGANIZATION. */
  teams?: Team[];
  tokens?: TeamToken[];
}

/**
 * A TokenApi of organizations, teams and team tokens (in `store`). An unknown organization or team is the port's
 * 404; listing an organization's team tokens answers those of its teams.
 */
export function teamsApi({ organizations = [ORGANIZATION, OTHER_ORGANIZATION], teams = [ADMIN_TEAM, AWS_TEAM, DEVELOPERS_TEAM], tokens = [] }: TeamsWorld = {}, overrides: Partial<TokenApi> = {}) {
  const store = [...tokens];
  const knownOrganization = (organizationId: string) => {
    if (!organizations.some((organization) => organization.id === organizationId)) throw notFoundError('This organization');
  };
  const teamsOf = (organizationId: string) => teams.filter((team) => team.organizationId === organizationId);
  const api = fakeTokenApi({
    listOrganizations: vi.fn(async () => organizations.map((organization) => ({ ...organization }))),
    listTeams: vi.fn(async (organizationId: string) => {
      knownOrganization(organizationId);
      return teamsOf(organizationId);
    }),
    getTeam: vi.fn(async ({ organizationId, teamId }: TeamRef) => {
      const team = teamsOf(organizationId).find((candidate) => candidate.id === teamId);
      if (!team) throw notFoundError('This team');
      return team;
    }),
    listTeamTokens: vi.fn(async (organizationId: string) => {
      knownOrganization(organizationId);
      const teamIds = new Set(teamsOf(organizationId).map((team) => team.id));
      return store.filter((token) => teamIds.has(token.teamId)).map((token) => ({ ...token }));
    }),
    createTeamToken: vi.fn(async ({ teamId }: TeamRef, input: GenerateTokenInput) => {
      store.push(aTeamToken(teamId, listedAs(input)));
      return created(input);
    }),
    deleteTeamToken: vi.fn(async (_team: TeamRef, id: string) => removeFrom(store, id)),
    ...overrides,
  });
  return { api, store };
}
