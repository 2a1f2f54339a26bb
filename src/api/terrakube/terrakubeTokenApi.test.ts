import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { shouldRetryQuery } from '../../app/queryClient';
import { ApiError, isNotFound } from '../ApiError';
import { createHttpClient } from '../httpClient';
import type { TokenApi } from '../tokenApi';
import { createTerrakubeTokenApi } from './terrakubeTokenApi';
import { fakeJwt } from './testing/fakeJwt';

const API_URL = 'https://api.example.com/api/v1/';
const ORIGIN = 'https://api.example.com';
const NOW = new Date('2026-11-23T10:00:00.000Z');
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

type Route = { status: number; body?: unknown };
type Routes = Record<string, Route | (() => Promise<Route>)>;

/** A fake Terrakube answering by method and URL, recording each call; an unknown route answers 404. */
function fakeTerrakube(routes: Routes, options: { cliHost?: string } = {}) {
  const calls: { method: string; url: string; body: unknown; authorization: string | null }[] = [];
  const fetch = vi.fn<typeof globalThis.fetch>(async (input, init) => {
    const method = init?.method ?? 'GET';
    const url = String(input);
    calls.push({
      method,
      url,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      authorization: new Headers(init?.headers).get('Authorization'),
    });
    const found = routes[`${method} ${url}`];
    const route = typeof found === 'function' ? await found() : found;
    if (!route) return new Response(null, { status: 404 });
    return new Response(route.body === undefined ? null : JSON.stringify(route.body), { status: route.status });
  });
  const api = createTerrakubeTokenApi({
    http: createHttpClient({ getAccessToken: () => 'oidc-access-token', fetch }),
    apiUrl: API_URL,
    ...options,
  });
  const requested = () => calls.map((call) => `${call.method} ${call.url}`);
  return { api, calls, requested };
}

const ORG_ID = 'd9b58bd3-f3fc-4056-a026-1163297e80a8';
const ADMIN_ID = '58529721-425e-44d7-8b0d-1d515043c2f7';
const AWS_ID = 'c3d4e5f6-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
const TOKEN_ID = '6f2b3e55-1c1c-4a5e-9f3c-7d7a0f1b2c3d';

const PAT_URL = `${ORIGIN}/pat/v1`;
const TEAM_TOKENS_URL = `${ORIGIN}/access-token/v1/teams`;
const CURRENT_TEAMS_URL = `${ORIGIN}/access-token/v1/teams/current-teams`;
const TEAMS_URL = `${API_URL}organization/${ORG_ID}/team`;

const pat = {
  id: TOKEN_ID,
  days: 30,
  description: 'Laptop',
  deleted: false,
  createdDate: '2023-09-18T23:10:02.482+00:00',
  createdBy: 'admin@example.com',
  updatedDate: '2023-09-18T23:10:02.482+00:00',
  updatedBy: 'admin@example.com',
};

const teamToken = (group: string, overrides: Record<string, unknown> = {}) => ({
  id: '0d8e5b7a-3f0e-4a8c-9a53-2f1e0c6b9d11',
  days: 1,
  hours: 2,
  minutes: 30,
  group,
  description: 'Pipeline',
  deleted: false,
  createdDate: '2023-09-18T23:10:02.482+00:00',
  createdBy: 'admin@example.com',
  ...overrides,
});

const teamResource = (id: string, name: string, attributes: Record<string, unknown> = {}) => ({
  type: 'team',
  id,
  attributes: { name, ...attributes },
});

const ORG_TEAMS: Route = {
  status: 200,
  body: { data: [teamResource(ADMIN_ID, 'TERRAKUBE_ADMIN', { manageState: true, manageWorkspace: true }), teamResource(AWS_ID, 'AWS_DEVELOPERS')] },
};
const CURRENT_TEAMS: Route = { status: 202, body: { groups: ['TERRAKUBE_ADMIN', 'TERRAKUBE_DEVELOPERS'] } };

const PERMISSION_LABELS = [
  'Manage state',
  'Manage workspaces',
  'Manage modules',
  'Manage providers',
  'Manage VCS connections',
  'Manage templates',
  'Manage collections',
  'Manage jobs',
];
const permissions = (...granted: string[]) => PERMISSION_LABELS.map((label) => ({ label, granted: granted.includes(label) }));

async function errorOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the call to fail');
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
});

afterEach(() => {
  vi.useRealTimers();
});

describe('Terrakube TokenApi: what it declares', () => {
  it('is named Terrakube: personal tokens in whole days, team tokens to the minute, both up to 3650 days or never', () => {
    const { api } = fakeTerrakube({});
    expect(api.platformName).toBe('Terrakube');
    const common = { takesDescription: true, uniqueDescriptions: false, tokensPerCollection: 'many', bulkDelete: false };
    expect(api.capabilities).toEqual({
      personal: { ...common, expiry: { granularity: 'day', maxMs: 3650 * DAY, allowsNever: true } },
      team: { ...common, expiry: { granularity: 'minute', maxMs: 3650 * DAY + (23 * 60 + 59) * MINUTE, allowsNever: true } },
      cliHost: 'api.example.com',
    });
  });

  it('names the CLI host it is given, else the API URL host with its port', () => {
    expect(fakeTerrakube({}, { cliHost: 'terrakube.example.com' }).api.capabilities.cliHost).toBe('terrakube.example.com');
    const local = createTerrakubeTokenApi({ http: createHttpClient({ getAccessToken: () => null }), apiUrl: 'http://localhost:8080/api/v1/' });
    expect(local.capabilities.cliHost).toBe('localhost:8080');
  });
});

describe('Terrakube TokenApi: personal tokens', () => {
  it('lists them from GET /pat/v1 at the API origin (202) with the bearer token, the expiry from creation + days', async () => {
    const { api, calls } = fakeTerrakube({ [`GET ${PAT_URL}`]: { status: 202, body: [pat] } });
    await expect(api.listPersonalTokens()).resolves.toEqual([
      {
        id: TOKEN_ID,
        description: 'Laptop',
        createdAt: '2023-09-18T23:10:02.482Z',
        createdBy: 'admin@example.com',
        expiresAt: '2023-10-18T23:10:02.482Z',
      },
    ]);
    expect(calls).toEqual([{ method: 'GET', url: PAT_URL, body: undefined, authorization: 'Bearer oidc-access-token' }]);
  });

  it("reads the embedded server's lastUsedDate, null as never used, and says nothing of use where it is absent or unreadable", async () => {
    const listed = [
      { ...pat, lastUsedDate: '2023-09-19T08:00:00.000+00:00' },
      { ...pat, lastUsedDate: null },
      { ...pat },
      { ...pat, lastUsedDate: 'yesterday' },
      { ...pat, lastUsedDate: 42 },
    ];
    const { api } = fakeTerrakube({ [`GET ${PAT_URL}`]: { status: 202, body: listed } });
    const tokens = await api.listPersonalTokens();
    expect(tokens.map((token) => token.lastUsedAt)).toEqual(['2023-09-19T08:00:00.000Z', null, undefined, undefined, undefined]);
    expect(tokens.slice(2).every((token) => !('lastUsedAt' in token))).toBe(true);
  });

  it('reads days: 0 as never expiring, an empty creator as unknown, and an empty body as no tokens', async () => {
    const { api } = fakeTerrakube({ [`GET ${PAT_URL}`]: { status: 202, body: [{ ...pat, days: 0, createdBy: '' }] } });
    expect(await api.listPersonalTokens()).toEqual([expect.objectContaining({ expiresAt: null, createdBy: null })]);
    await expect(fakeTerrakube({ [`GET ${PAT_URL}`]: { status: 202 } }).api.listPersonalTokens()).resolves.toEqual([]);
  });

  it.each([
    ['in 7 days', 7, 7 * DAY],
    ['in 7 days, chosen a few seconds earlier', 7, 7 * DAY - 5_000],
    ['in 3650 days', 3650, 3650 * DAY],
    ['never', 0, null],
  ])('creates one expiring %s with POST /pat/v1 {days: %i}', async (_name, days, lifetime) => {
    const { api, calls } = fakeTerrakube({ [`POST ${PAT_URL}`]: { status: 201, body: { token: 'opaque' } } });
    const expiresAt = lifetime === null ? null : new Date(NOW.getTime() + lifetime);
    await api.createPersonalToken({ description: 'CI', expiresAt });
    expect(calls).toEqual([expect.objectContaining({ method: 'POST', url: PAT_URL, body: { days, description: 'CI' } })]);
  });

  it("answers the secret with the expiry of the JWT's exp claim, null without one, and none when it is not a JWT", async () => {
    const exp = Math.floor(NOW.getTime() / 1000) + 30 * 86_400;
    const answers = [fakeJwt({ iss: 'Terrakube', exp }), fakeJwt({ iss: 'Terrakube' }), 'opaque-secret'];
    const { api } = fakeTerrakube({ [`POST ${PAT_URL}`]: async () => ({ status: 201, body: { token: answers.shift() } }) });
    const input = { description: 'CI', expiresAt: new Date(NOW.getTime() + 30 * DAY) };
    expect(await api.createPersonalToken(input)).toEqual({ secret: expect.stringMatching(/^ey/), expiresAt: new Date(exp * 1000).toISOString() });
    expect(await api.createPersonalToken(input)).toEqual({ secret: expect.stringMatching(/^ey/), expiresAt: null });
    expect(await api.createPersonalToken(input)).toStrictEqual({ secret: 'opaque-secret' });
  });

  it('treats an empty token answer as an error that says what to do, and is not retried', async () => {
    const { api } = fakeTerrakube({ [`POST ${PAT_URL}`]: { status: 201, body: { token: '' } } });
    const error = await errorOf(api.createPersonalToken({ description: 'CI', expiresAt: null }));
    expect(error.message).toBe(
      'The server answered without the new token, so it cannot be shown. If it appears in your list, delete it, then generate another.',
    );
    expect(shouldRetryQuery(0, error)).toBe(false);
  });

  it('deletes one with DELETE /pat/v1/{id}: 202 with an empty body', async () => {
    const { api, requested } = fakeTerrakube({ [`DELETE ${PAT_URL}/${TOKEN_ID}`]: { status: 202 } });
    await expect(api.deletePersonalToken(TOKEN_ID)).resolves.toBeUndefined();
    expect(requested()).toEqual([`DELETE ${PAT_URL}/${TOKEN_ID}`]);
  });

  it("reports Terrakube's 400 for an id it does not know as the port's not-found (404)", async () => {
    const { api } = fakeTerrakube({ [`DELETE ${PAT_URL}/${TOKEN_ID}`]: { status: 400 } });
    const error = await errorOf(api.deletePersonalToken(TOKEN_ID));
    expect(isNotFound(error)).toBe(true);
    expect(error.message).toBe('This token does not exist, or it was deleted.');
  });

  it('reports an id that is not a UUID as not found without sending it (Terrakube may answer 500)', async () => {
    const { api, calls } = fakeTerrakube({});
    expect(isNotFound(await errorOf(api.deletePersonalToken('not/a-uuid')))).toBe(true);
    expect(calls).toEqual([]);
  });

  it('leaves the other failures of a delete as they are', async () => {
    const { api } = fakeTerrakube({ [`DELETE ${PAT_URL}/${TOKEN_ID}`]: { status: 403, body: { message: 'Not yours.' } } });
    expect(await errorOf(api.deletePersonalToken(TOKEN_ID))).toMatchObject({ status: 403, message: 'Not yours.' });
  });
});

describe('Terrakube TokenApi: organizations and teams', () => {
  it('reads the organizations from the JSON:API under the API URL', async () => {
    const { api, requested } = fakeTerrakube({
      [`GET ${API_URL}organization`]: {
        status: 200,
        body: { data: [{ type: 'organization', id: ORG_ID, attributes: { name: 'simple', description: 'Demo' } }] },
      },
    });
    await expect(api.listOrganizations()).resolves.toEqual([{ id: ORG_ID, name: 'simple', description: 'Demo' }]);
    expect(requested()).toEqual([`GET ${API_URL}organization`]);
  });

  it("lists an organization's teams with their permissions in words, members where the caller's groups name them", async () => {
    const { api, requested } = fakeTerrakube({ [`GET ${TEAMS_URL}`]: ORG_TEAMS, [`GET ${CURRENT_TEAMS_URL}`]: CURRENT_TEAMS });
    await expect(api.listTeams(ORG_ID)).resolves.toEqual([
      {
        id: ADMIN_ID,
        organizationId: ORG_ID,
        name: 'TERRAKUBE_ADMIN',
        canManageTokens: true,
        isMember: true,
        permissions: permissions('Manage state', 'Manage workspaces'),
      },
      { id: AWS_ID, organizationId: ORG_ID, name: 'AWS_DEVELOPERS', canManageTokens: false, isMember: false, permissions: permissions() },
    ]);
    expect(requested().sort()).toEqual([`GET ${CURRENT_TEAMS_URL}`, `GET ${TEAMS_URL}`]);
  });

  it("reads the caller's permissions in an organization from the token API (202), Terrakube's fields in words", async () => {
    const url = `${ORIGIN}/access-token/v1/teams/permissions/organization/${ORG_ID}`;
    const { api, requested } = fakeTerrakube({
      [`GET ${url}`]: { status: 202, body: { manageState: true, manageWorkspace: true, manageModule: false, manageVcs: 'yes' } },
    });
    await expect(api.getOrganizationAccess!(ORG_ID)).resolves.toEqual(permissions('Manage state', 'Manage workspaces'));
    expect(requested()).toEqual([`GET ${url}`]);
    await expect(api.getOrganizationAccess!('simple')).rejects.toSatisfy(isNotFound);
    expect(requested()).toHaveLength(1);
    const wrong = fakeTerrakube({ [`GET ${url}`]: { status: 202, body: [] } });
    await expect(wrong.api.getOrganizationAccess!(ORG_ID)).rejects.toThrow('your permissions');
  });

  it('gets one team by organization and team id, with the membership', async () => {
    const { api, requested } = fakeTerrakube({
      [`GET ${TEAMS_URL}/${AWS_ID}`]: { status: 200, body: { data: teamResource(AWS_ID, 'AWS_DEVELOPERS', { manageModule: true }) } },
      [`GET ${CURRENT_TEAMS_URL}`]: { status: 202, body: { groups: ['AWS_DEVELOPERS'] } },
    });
    await expect(api.getTeam({ organizationId: ORG_ID, teamId: AWS_ID })).resolves.toEqual({
      id: AWS_ID,
      organizationId: ORG_ID,
      name: 'AWS_DEVELOPERS',
      canManageTokens: true,
      isMember: true,
      permissions: permissions('Manage modules'),
    });
    expect(requested().sort()).toEqual([`GET ${CURRENT_TEAMS_URL}`, `GET ${TEAMS_URL}/${AWS_ID}`]);
  });

  it.each<[string, Route]>([
    ['data: null', { status: 200, body: { data: null } }],
    ['400', { status: 400 }],
    ['404', { status: 404 }],
  ])('reports a team Terrakube answers %s for as not found', async (_answer, route) => {
    const { api } = fakeTerrakube({ [`GET ${TEAMS_URL}/${AWS_ID}`]: route, [`GET ${CURRENT_TEAMS_URL}`]: CURRENT_TEAMS });
    expect(isNotFound(await errorOf(api.getTeam({ organizationId: ORG_ID, teamId: AWS_ID })))).toBe(true);
  });

  it('reports organization and team ids that are not UUIDs as not found, without asking for them', async () => {
    const { api, calls } = fakeTerrakube({ [`GET ${CURRENT_TEAMS_URL}`]: CURRENT_TEAMS });
    const calledWithBadIds = [
      api.getTeam({ organizationId: ORG_ID, teamId: 'admins' }),
      api.getTeam({ organizationId: 'simple', teamId: ADMIN_ID }),
      api.listTeams('simple'),
    ];
    for (const call of calledWithBadIds) expect(isNotFound(await errorOf(call))).toBe(true);
    expect(calls.filter((call) => call.url.startsWith(API_URL))).toEqual([]);
  });

  it('shares the membership and the teams between concurrent calls, and asks again afterwards', async () => {
    const { api, requested } = fakeTerrakube({ [`GET ${TEAMS_URL}`]: ORG_TEAMS, [`GET ${CURRENT_TEAMS_URL}`]: CURRENT_TEAMS });
    await Promise.all([api.listTeams(ORG_ID), api.listTeams(ORG_ID)]);
    expect(requested().sort()).toEqual([`GET ${CURRENT_TEAMS_URL}`, `GET ${TEAMS_URL}`]);
    await api.listTeams(ORG_ID);
    expect(requested()).toHaveLength(4);
  });
});

describe('Terrakube TokenApi: team tokens', () => {
  it("lists an organization's team tokens from GET /access-token/v1/teams, each with the id of the team its group names", async () => {
    const { api, requested } = fakeTerrakube({
      [`GET ${TEAM_TOKENS_URL}`]: {
        status: 202,
        body: [
          teamToken('TERRAKUBE_ADMIN'),
          teamToken('AWS_DEVELOPERS', { id: '1d8e5b7a-3f0e-4a8c-9a53-2f1e0c6b9d11', days: 0, hours: 0, minutes: 0 }),
          // The caller's group in another organization: not a team of this one.
          teamToken('GCP_DEVELOPERS', { id: '2d8e5b7a-3f0e-4a8c-9a53-2f1e0c6b9d11' }),
        ],
      },
      [`GET ${TEAMS_URL}`]: ORG_TEAMS,
    });
    await expect(api.listTeamTokens(ORG_ID)).resolves.toEqual([
      {
        id: '0d8e5b7a-3f0e-4a8c-9a53-2f1e0c6b9d11',
        teamId: ADMIN_ID,
        description: 'Pipeline',
        createdAt: '2023-09-18T23:10:02.482Z',
        createdBy: 'admin@example.com',
        expiresAt: '2023-09-20T01:40:02.482Z',
      },
      expect.objectContaining({ id: '1d8e5b7a-3f0e-4a8c-9a53-2f1e0c6b9d11', teamId: AWS_ID, expiresAt: null }),
    ]);
    expect(requested().sort()).toEqual([`GET ${TEAM_TOKENS_URL}`, `GET ${TEAMS_URL}`]);
  });

  it('reports an organization id that is not a UUID as not found', async () => {
    const { api } = fakeTerrakube({ [`GET ${TEAM_TOKENS_URL}`]: { status: 202, body: [] } });
    expect(isNotFound(await errorOf(api.listTeamTokens('simple')))).toBe(true);
  });

  it.each([
    ['in 1 day, 2 hours and 30 minutes', DAY + 150 * MINUTE, { days: 1, hours: 2, minutes: 30 }],
    ['in 15 minutes, chosen a few seconds earlier', 15 * MINUTE - 4_000, { days: 0, hours: 0, minutes: 15 }],
    ['never', null, { days: 0, hours: 0, minutes: 0 }],
  ])("creates one expiring %s with POST /access-token/v1/teams, the team's name as group", async (_name, lifetime, duration) => {
    const exp = Math.floor(NOW.getTime() / 1000) + 900;
    const { api, calls } = fakeTerrakube({
      [`GET ${TEAMS_URL}`]: ORG_TEAMS,
      [`POST ${TEAM_TOKENS_URL}`]: { status: 201, body: { token: fakeJwt({ iss: 'Terrakube', exp }) } },
    });
    const expiresAt = lifetime === null ? null : new Date(NOW.getTime() + lifetime);
    const created = await api.createTeamToken({ organizationId: ORG_ID, teamId: ADMIN_ID }, { description: 'Deploy', expiresAt });
    expect(created.expiresAt).toBe(new Date(exp * 1000).toISOString());
    expect(calls.map(({ method, url, body }) => ({ method, url, body }))).toEqual([
      { method: 'GET', url: TEAMS_URL, body: undefined },
      { method: 'POST', url: TEAM_TOKENS_URL, body: { group: 'TERRAKUBE_ADMIN', description: 'Deploy', ...duration } },
    ]);
  });

  it('reports a team that is not among the organization’s teams as not found, sending nothing', async () => {
    const { api, requested } = fakeTerrakube({ [`GET ${TEAMS_URL}`]: ORG_TEAMS });
    const ref = { organizationId: ORG_ID, teamId: '99999999-7a8b-4c9d-8e0f-1a2b3c4d5e6f' };
    expect(isNotFound(await errorOf(api.createTeamToken(ref, { description: 'x', expiresAt: null })))).toBe(true);
    expect(requested()).toEqual([`GET ${TEAMS_URL}`]);
  });

  it.each<[string, Route]>([
    ["Terrakube's 201 with an empty token", { status: 201, body: { token: '' } }],
    ['a 403 with an empty body', { status: 403 }],
    [
      "a 403 with Spring's default body",
      { status: 403, body: { timestamp: '2023-09-18T23:10:02.482+00:00', status: 403, error: 'Forbidden', path: '/access-token/v1/teams' } },
    ],
    [
      "the embedded server's 403",
      { status: 403, body: { error: 'Forbidden', message: 'You are not a member of AWS_DEVELOPERS, so you cannot generate its tokens.' } },
    ],
  ])('ends %s as "You are not a member of TEAM." (403)', async (_answer, route) => {
    const { api } = fakeTerrakube({ [`GET ${TEAMS_URL}`]: ORG_TEAMS, [`POST ${TEAM_TOKENS_URL}`]: route });
    const error = await errorOf(api.createTeamToken({ organizationId: ORG_ID, teamId: AWS_ID }, { description: 'x', expiresAt: null }));
    expect(error).toMatchObject({ status: 403, message: 'You are not a member of AWS_DEVELOPERS.' });
  });

  it('leaves the other failures of a create as they are', async () => {
    const { api } = fakeTerrakube({
      [`GET ${TEAMS_URL}`]: ORG_TEAMS,
      [`POST ${TEAM_TOKENS_URL}`]: { status: 400, body: { error: 'Bad Request', message: 'Description is required.' } },
    });
    const error = await errorOf(api.createTeamToken({ organizationId: ORG_ID, teamId: AWS_ID }, { description: '', expiresAt: null }));
    expect(error).toMatchObject({ status: 400, message: 'Description is required.' });
  });

  it('deletes one with DELETE /access-token/v1/teams/{id}: 202 empty; an unknown (400) or non-UUID id is not found', async () => {
    const ref = { organizationId: ORG_ID, teamId: ADMIN_ID };
    const unknown = '3d8e5b7a-3f0e-4a8c-9a53-2f1e0c6b9d11';
    const { api, requested } = fakeTerrakube({
      [`DELETE ${TEAM_TOKENS_URL}/${TOKEN_ID}`]: { status: 202 },
      [`DELETE ${TEAM_TOKENS_URL}/${unknown}`]: { status: 400 },
    });
    await expect(api.deleteTeamToken(ref, TOKEN_ID)).resolves.toBeUndefined();
    expect(isNotFound(await errorOf(api.deleteTeamToken(ref, unknown)))).toBe(true);
    expect(isNotFound(await errorOf(api.deleteTeamToken(ref, 'not-a-uuid')))).toBe(true);
    expect(requested()).toEqual([`DELETE ${TEAM_TOKENS_URL}/${TOKEN_ID}`, `DELETE ${TEAM_TOKENS_URL}/${unknown}`]);
  });
});

describe('Terrakube TokenApi: answers of the wrong shape', () => {
  it.each<[string, (api: TokenApi) => Promise<unknown>, Routes]>([
    ['the personal tokens', (api) => api.listPersonalTokens(), { [`GET ${PAT_URL}`]: { status: 202, body: { unexpected: true } } }],
    ['the organizations', (api) => api.listOrganizations(), { [`GET ${API_URL}organization`]: { status: 200, body: [] } }],
    [
      'your teams',
      (api) => api.listTeams(ORG_ID),
      { [`GET ${TEAMS_URL}`]: ORG_TEAMS, [`GET ${CURRENT_TEAMS_URL}`]: { status: 202, body: ['TERRAKUBE_ADMIN'] } },
    ],
    ['the teams', (api) => api.listTeams(ORG_ID), { [`GET ${TEAMS_URL}`]: { status: 200, body: { data: {} } }, [`GET ${CURRENT_TEAMS_URL}`]: CURRENT_TEAMS }],
    [
      'the team',
      (api) => api.getTeam({ organizationId: ORG_ID, teamId: ADMIN_ID }),
      { [`GET ${TEAMS_URL}/${ADMIN_ID}`]: { status: 200, body: { team: {} } }, [`GET ${CURRENT_TEAMS_URL}`]: CURRENT_TEAMS },
    ],
    ['the team tokens', (api) => api.listTeamTokens(ORG_ID), { [`GET ${TEAM_TOKENS_URL}`]: { status: 202, body: {} }, [`GET ${TEAMS_URL}`]: ORG_TEAMS }],
    [
      'the new team token',
      (api) => api.createTeamToken({ organizationId: ORG_ID, teamId: ADMIN_ID }, { description: 'x', expiresAt: null }),
      { [`GET ${TEAMS_URL}`]: ORG_TEAMS, [`POST ${TEAM_TOKENS_URL}`]: { status: 201, body: {} } },
    ],
  ])('reports it for %s instead of showing nonsense, and it is not retried', async (what, call, routes) => {
    const error = await errorOf(call(fakeTerrakube(routes).api));
    expect(error.message).toBe(`The server sent an unexpected answer for ${what}.`);
    expect(shouldRetryQuery(0, error)).toBe(false);
  });
});
