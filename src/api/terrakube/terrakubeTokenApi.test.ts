import { describe, expect, it, vi } from 'vitest';
import { shouldRetryQuery } from '../app/queryClient';
import { ApiError } from './ApiError';
import { createHttpClient } from './httpClient';
import { createTerrakubeTokenApi } from './terrakubeTokenApi';
import type { TokenApi } from './tokenApi';

const API_URL = 'https://api.example.com/api/v1/';

type Route = { status: number; body?: unknown };

/** A fake Terrakube answering by method and URL, recording each call. */
function fakeTerrakube(routes: Record<string, Route>) {
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
    const route = routes[`${method} ${url}`];
    if (!route) return new Response(null, { status: 404 });
    return new Response(route.body === undefined ? null : JSON.stringify(route.body), { status: route.status });
  });
  const api = createTerrakubeTokenApi({
    http: createHttpClient({ getAccessToken: () => 'oidc-access-token', fetch }),
    apiUrl: API_URL,
  });
  return { api, calls };
}

const pat = {
  id: '6f2b3e55-1c1c-4a5e-9f3c-7d7a0f1b2c3d',
  days: 30,
  description: 'Laptop',
  deleted: false,
  createdDate: '2023-09-18T23:10:02.482+00:00',
  createdBy: 'admin@example.com',
  updatedDate: '2023-09-18T23:10:02.482+00:00',
  updatedBy: 'admin@example.com',
};

const teamToken = {
  id: '0d8e5b7a-3f0e-4a8c-9a53-2f1e0c6b9d11',
  days: 1,
  hours: 2,
  minutes: 30,
  group: 'TERRAKUBE_ADMIN',
  description: 'Pipeline',
  deleted: false,
  createdDate: '2023-09-18T23:10:02.482+00:00',
  createdBy: 'admin@example.com',
  updatedDate: '2023-09-18T23:10:02.482+00:00',
  updatedBy: 'admin@example.com',
};

async function errorOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the call to fail');
}

describe('Terrakube TokenApi', () => {
  it('lists personal tokens from GET /pat/v1 at the API origin (202) with the bearer token', async () => {
    const { api, calls } = fakeTerrakube({ 'GET https://api.example.com/pat/v1': { status: 202, body: [pat] } });
    await expect(api.listPersonalTokens()).resolves.toEqual([
      {
        id: pat.id,
        description: 'Laptop',
        createdAt: '2023-09-18T23:10:02.482Z',
        createdBy: 'admin@example.com',
        duration: { days: 30, hours: 0, minutes: 0 },
        expiresAt: '2023-10-18T23:10:02.482Z',
      },
    ]);
    expect(calls).toEqual([
      { method: 'GET', url: 'https://api.example.com/pat/v1', body: undefined, authorization: 'Bearer oidc-access-token' },
    ]);
  });

  it('maps days: 0 to a token that never expires', async () => {
    const { api } = fakeTerrakube({ 'GET https://api.example.com/pat/v1': { status: 202, body: [{ ...pat, days: 0 }] } });
    const [token] = await api.listPersonalTokens();
    expect(token?.expiresAt).toBeNull();
    expect(token?.duration).toEqual({ days: 0, hours: 0, minutes: 0 });
  });

  it('treats an empty list body as no tokens', async () => {
    const { api } = fakeTerrakube({ 'GET https://api.example.com/pat/v1': { status: 202 } });
    await expect(api.listPersonalTokens()).resolves.toEqual([]);
  });

  it('creates a personal token with POST /pat/v1 {days, description} (201)', async () => {
    const { api, calls } = fakeTerrakube({
      'POST https://api.example.com/pat/v1': { status: 201, body: { token: 'eyJ.secret.sig' } },
    });
    await expect(api.createPersonalToken({ description: 'CI', days: 7 })).resolves.toEqual({ token: 'eyJ.secret.sig' });
    expect(calls[0]).toMatchObject({ method: 'POST', body: { days: 7, description: 'CI' } });
  });

  it('treats an empty personal token answer as an error that says what to do, and is not retried', async () => {
    const { api } = fakeTerrakube({ 'POST https://api.example.com/pat/v1': { status: 201, body: { token: '' } } });
    const error = await errorOf(api.createPersonalToken({ description: 'CI', days: 7 }));
    expect(error.message).toBe(
      'The server answered without the new token, so it cannot be shown. If it appears in your list, delete it, then generate another.',
    );
    expect(shouldRetryQuery(0, error)).toBe(false);
  });

  it('deletes a personal token with DELETE /pat/v1/{id}: 202 with an empty body', async () => {
    const { api, calls } = fakeTerrakube({ [`DELETE https://api.example.com/pat/v1/${pat.id}`]: { status: 202 } });
    await expect(api.deletePersonalToken(pat.id)).resolves.toBeUndefined();
    expect(calls[0]?.url).toBe(`https://api.example.com/pat/v1/${pat.id}`);
  });

  it('reports an unknown id (400, empty body) as an error', async () => {
    const { api } = fakeTerrakube({ [`DELETE https://api.example.com/pat/v1/${pat.id}`]: { status: 400 } });
    expect((await errorOf(api.deletePersonalToken(pat.id))).status).toBe(400);
  });

  it('reports the 500 of a non-UUID id as an error and encodes the id in the path', async () => {
    const { api, calls } = fakeTerrakube({
      'DELETE https://api.example.com/pat/v1/not%2Fa-uuid': {
        status: 500,
        body: { timestamp: 't', status: 500, error: 'Internal Server Error', path: '/pat/v1/not/a-uuid' },
      },
    });
    const error = await errorOf(api.deletePersonalToken('not/a-uuid'));
    expect(error.status).toBe(500);
    expect(error.message).toMatch(/server had a problem/);
    expect(calls[0]?.url).toBe('https://api.example.com/pat/v1/not%2Fa-uuid');
  });

  it('lists team tokens from GET /access-token/v1/teams (202), with expiry from days + hours + minutes', async () => {
    const { api } = fakeTerrakube({
      'GET https://api.example.com/access-token/v1/teams': { status: 202, body: [teamToken] },
    });
    await expect(api.listTeamTokens()).resolves.toEqual([
      {
        id: teamToken.id,
        group: 'TERRAKUBE_ADMIN',
        description: 'Pipeline',
        createdAt: '2023-09-18T23:10:02.482Z',
        createdBy: 'admin@example.com',
        duration: { days: 1, hours: 2, minutes: 30 },
        expiresAt: '2023-09-20T01:40:02.482Z',
      },
    ]);
  });

  it('creates a team token with POST /access-token/v1/teams and every duration field', async () => {
    const { api, calls } = fakeTerrakube({
      'POST https://api.example.com/access-token/v1/teams': { status: 201, body: { token: 'eyJ.team.sig' } },
    });
    const input = { group: 'TERRAKUBE_ADMIN', description: 'Deploy', days: 0, hours: 0, minutes: 15 };
    await expect(api.createTeamToken(input)).resolves.toEqual({ token: 'eyJ.team.sig' });
    expect(calls[0]?.body).toEqual(input);
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
  ])('ends %s for a team as "You are not a member of TEAM."', async (_answer, route) => {
    const { api } = fakeTerrakube({ 'POST https://api.example.com/access-token/v1/teams': route });
    const error = await errorOf(
      api.createTeamToken({ group: 'AWS_DEVELOPERS', description: 'x', days: 1, hours: 0, minutes: 0 }),
    );
    expect(error.status).toBe(403);
    expect(error.message).toBe('You are not a member of AWS_DEVELOPERS.');
  });

  it('leaves the other failures of a team token create as they are', async () => {
    const { api } = fakeTerrakube({
      'POST https://api.example.com/access-token/v1/teams': { status: 400, body: { error: 'Bad Request', message: 'Description is required.' } },
    });
    const error = await errorOf(api.createTeamToken({ group: 'AWS_DEVELOPERS', description: '', days: 1, hours: 0, minutes: 0 }));
    expect(error).toMatchObject({ status: 400, message: 'Description is required.' });
  });

  it('deletes a team token with DELETE /access-token/v1/teams/{id}: 202 empty', async () => {
    const { api } = fakeTerrakube({
      [`DELETE https://api.example.com/access-token/v1/teams/${teamToken.id}`]: { status: 202 },
    });
    await expect(api.deleteTeamToken(teamToken.id)).resolves.toBeUndefined();
  });

  it('reads current-teams (202 {groups})', async () => {
    const { api } = fakeTerrakube({
      'GET https://api.example.com/access-token/v1/teams/current-teams': {
        status: 202,
        body: { groups: ['TERRAKUBE_ADMIN', 'TERRAKUBE_DEVELOPERS'] },
      },
    });
    await expect(api.currentTeams()).resolves.toEqual(['TERRAKUBE_ADMIN', 'TERRAKUBE_DEVELOPERS']);
  });

  it('reads organizations and teams from the JSON:API under the API URL', async () => {
    const { api, calls } = fakeTerrakube({
      'GET https://api.example.com/api/v1/organization': {
        status: 200,
        body: { data: [{ type: 'organization', id: 'org-1', attributes: { name: 'simple', description: 'Demo' } }] },
      },
      'GET https://api.example.com/api/v1/organization/org-1/team': {
        status: 200,
        body: { data: [{ type: 'team', id: 'team-1', attributes: { name: 'TERRAKUBE_ADMIN', manageState: true } }] },
      },
      'GET https://api.example.com/api/v1/organization/org-1/team/team-1': {
        status: 200,
        body: { data: { type: 'team', id: 'team-1', attributes: { name: 'TERRAKUBE_ADMIN' } } },
      },
    });
    await expect(api.listOrganizations()).resolves.toEqual([{ id: 'org-1', name: 'simple', description: 'Demo' }]);
    const noPermissions = {
      manageState: false,
      manageWorkspace: false,
      manageModule: false,
      manageProvider: false,
      manageVcs: false,
      manageTemplate: false,
      manageCollection: false,
      manageJob: false,
    };
    await expect(api.listTeams('org-1')).resolves.toEqual([
      { id: 'team-1', organizationId: 'org-1', name: 'TERRAKUBE_ADMIN', permissions: { ...noPermissions, manageState: true } },
    ]);
    await expect(api.getTeam('org-1', 'team-1')).resolves.toEqual({
      id: 'team-1',
      organizationId: 'org-1',
      name: 'TERRAKUBE_ADMIN',
      permissions: noPermissions,
    });
    expect(calls.map((call) => call.url)).toEqual([
      'https://api.example.com/api/v1/organization',
      'https://api.example.com/api/v1/organization/org-1/team',
      'https://api.example.com/api/v1/organization/org-1/team/team-1',
    ]);
  });

  it.each<[string, (api: TokenApi) => Promise<unknown>, Record<string, Route>]>([
    ['the personal tokens', (api) => api.listPersonalTokens(), { 'GET https://api.example.com/pat/v1': { status: 202, body: { unexpected: true } } }],
    ['your teams', (api) => api.currentTeams(), { 'GET https://api.example.com/access-token/v1/teams/current-teams': { status: 202, body: ['x'] } }],
    ['the teams', (api) => api.listTeams('org-1'), { 'GET https://api.example.com/api/v1/organization/org-1/team': { status: 200, body: { data: {} } } }],
    ['the new team token', (api) => api.createTeamToken({ group: 'G', description: 'x', days: 1, hours: 0, minutes: 0 }), { 'POST https://api.example.com/access-token/v1/teams': { status: 201, body: {} } }],
  ])('reports an answer of the wrong shape for %s instead of showing nonsense, and is not retried', async (what, call, routes) => {
    const { api } = fakeTerrakube(routes);
    const error = await errorOf(call(api));
    expect(error.message).toBe(`The server sent an unexpected answer for ${what}.`);
    expect(shouldRetryQuery(0, error)).toBe(false);
  });
});
