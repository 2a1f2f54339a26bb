import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../app';
import { generatePat, generateTeamToken } from '../test/api';
import { signIn } from '../test/signIn';
import { callV2, JSON_API, TEAM_IDS, type Json } from '../test/tfeApi';
import { createTestStorage, startTestServer, type TestStorage } from '../test/testServer';

const adminUserId = `user-${Buffer.from('admin@example.com').toString('base64url')}`;

describe('/api/v2 account, organizations and teams', () => {
  let storage: TestStorage;
  let server: RunningServer;
  let url: string;
  let admin: string;
  let aws: string;

  beforeAll(async () => {
    storage = await createTestStorage();
    server = await startTestServer(storage);
    url = server.url;
    [admin, aws] = (await Promise.all([signIn(url, 'admin@example.com'), signIn(url, 'aws@example.com')])).map(
      (tokens) => tokens.accessToken,
    ) as [string, string];
  });
  afterAll(async () => {
    await server?.close();
    await storage?.cleanup();
  });

  it('answers 400, not 500, for a path whose percent-encoding is malformed, on both surfaces', async () => {
    for (const path of ['/api/v2/authentication-tokens/%E0%A4%A', '/api/v2/teams/%E0', '/pat/v1/%E0%A4%A']) {
      const response = await fetch(`${url}${path}`, { method: 'DELETE', headers: { authorization: `Bearer ${admin}`, 'content-type': JSON_API } });
      expect(response.status, path).toBe(400);
      expect(await response.text(), path).toMatch(/malformed percent-encoding/);
    }
  });

  describe('GET /account/details', () => {
    it('answers the signed-in user as JSON:API, uncached', async () => {
      const response = await callV2(url, 'GET', '/account/details', { token: admin });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(`${JSON_API}; charset=utf-8`);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.body).toEqual({
        data: {
          id: adminUserId,
          type: 'users',
          attributes: { username: 'admin', email: 'admin@example.com', 'is-service-account': false },
        },
      });
    });

    it('answers the same user for their personal token, and the team’s service user for a team token', async () => {
      const pat = await generatePat(url, admin, 'Who am I');
      expect((await callV2(url, 'GET', '/account/details', { token: pat })).body?.data.id).toBe(adminUserId);
      const teamToken = await generateTeamToken(url, admin, { group: 'TERRAKUBE_ADMIN', description: 'Who are we' });
      const team = (await callV2(url, 'GET', '/account/details', { token: teamToken })).body?.data;
      expect(team).toEqual({
        id: `user-${Buffer.from('team:TERRAKUBE_ADMIN').toString('base64url')}`,
        type: 'users',
        attributes: { username: 'api-team_TERRAKUBE_ADMIN', email: null, 'is-service-account': true },
      });
    });
  });

  describe('organizations', () => {
    it('lists the organizations, paged', async () => {
      const response = await callV2(url, 'GET', '/organizations', { token: aws });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        data: [
          {
            id: 'simple',
            type: 'organizations',
            attributes: { name: 'simple', 'external-id': 'org-d9b58bd3-f3fc-4056-a026-1163297e80a8' },
            links: { self: '/api/v2/organizations/simple' },
          },
        ],
        links: {
          self: `${url}/api/v2/organizations?page%5Bnumber%5D=1&page%5Bsize%5D=20`,
          first: `${url}/api/v2/organizations?page%5Bnumber%5D=1&page%5Bsize%5D=20`,
          prev: null,
          next: null,
          last: `${url}/api/v2/organizations?page%5Bnumber%5D=1&page%5Bsize%5D=20`,
        },
        meta: {
          pagination: { 'current-page': 1, 'page-size': 20, 'prev-page': null, 'next-page': null, 'total-pages': 1, 'total-count': 1 },
        },
      });
    });

    it('answers one organization by name, and 404 for an unknown one', async () => {
      expect((await callV2(url, 'GET', '/organizations/simple', { token: admin })).body?.data.id).toBe('simple');
      const missing = await callV2(url, 'GET', '/organizations/nope', { token: admin });
      expect(missing.status).toBe(404);
      expect(missing.body).toEqual({ errors: [{ status: '404', title: 'not found', detail: 'There is no organization named "nope".' }] });
      const nul = await callV2(url, 'GET', '/organizations/a%00b', { token: admin });
      expect(nul.status).toBe(404);
    });
  });

  describe('teams', () => {
    it('lists the organization’s teams with the caller’s permissions and the team’s organization access', async () => {
      const response = await callV2(url, 'GET', '/organizations/simple/teams', { token: aws });
      expect(response.status).toBe(200);
      const teams = response.body?.data as Json[];
      expect(teams.map((team) => team.attributes.name)).toEqual([
        'AWS_DEVELOPERS',
        'AZURE_DEVELOPERS',
        'GCP_DEVELOPERS',
        'TERRAKUBE_ADMIN',
        'TERRAKUBE_DEVELOPERS',
      ]);
      const canUpdate = Object.fromEntries(teams.map((team) => [team.attributes.name, team.attributes.permissions['can-update-api-token']]));
      expect(canUpdate).toEqual({
        AWS_DEVELOPERS: true,
        AZURE_DEVELOPERS: false,
        GCP_DEVELOPERS: false,
        TERRAKUBE_ADMIN: false,
        TERRAKUBE_DEVELOPERS: false,
      });
      expect(response.body?.meta.pagination['total-count']).toBe(5);
    });

    it('answers one team, mapping Terrakube’s permissions to HCP Terraform’s names', async () => {
      const response = await callV2(url, 'GET', `/teams/${TEAM_IDS.TERRAKUBE_DEVELOPERS}`, { token: admin });
      expect(response.status).toBe(200);
      const team = response.body?.data;
      expect(team).toMatchObject({
        id: TEAM_IDS.TERRAKUBE_DEVELOPERS,
        type: 'teams',
        attributes: {
          name: 'TERRAKUBE_DEVELOPERS',
          permissions: { 'can-update-api-token': true, 'can-view-api-token': true, 'can-update-membership': false, 'can-destroy': false },
        },
        relationships: { organization: { data: { type: 'organizations', id: 'simple' } } },
      });
      // TERRAKUBE_DEVELOPERS manages workspaces, modules and providers, but not VCS settings.
      expect(team.attributes['organization-access']).toMatchObject({
        'manage-workspaces': true,
        'manage-modules': true,
        'manage-providers': true,
        'manage-vcs-settings': false,
        'manage-teams': false,
      });
    });

    it.each(['team-00000000-0000-4000-8000-000000000000', 'team-nope', '58529721-425e-44d7-8b0d-1d515043c2f7'])(
      'answers 404 for team id %s',
      async (id) => {
        const response = await callV2(url, 'GET', `/teams/${id}`, { token: admin });
        expect(response.status).toBe(404);
        expect(response.body?.errors[0]).toMatchObject({ status: '404', title: 'not found' });
      },
    );

    it('pages teams: page[size]=2 makes three pages with links between them', async () => {
      const page2 = await callV2(url, 'GET', '/organizations/simple/teams?page[number]=2&page[size]=2', { token: admin });
      expect(page2.status).toBe(200);
      expect((page2.body?.data as Json[]).map((team) => team.attributes.name)).toEqual(['GCP_DEVELOPERS', 'TERRAKUBE_ADMIN']);
      const link = (number: number) => `${url}/api/v2/organizations/simple/teams?page%5Bnumber%5D=${number}&page%5Bsize%5D=2`;
      expect(page2.body?.links).toEqual({ self: link(2), first: link(1), prev: link(1), next: link(3), last: link(3) });
      expect(page2.body?.meta.pagination).toEqual({
        'current-page': 2,
        'page-size': 2,
        'prev-page': 1,
        'next-page': 3,
        'total-pages': 3,
        'total-count': 5,
      });
      const past = await callV2(url, 'GET', '/organizations/simple/teams?page[number]=9&page[size]=2', { token: admin });
      expect(past.body?.data).toEqual([]);
      expect(past.body?.meta.pagination).toMatchObject({ 'current-page': 9, 'prev-page': 3, 'next-page': null, 'total-count': 5 });
    });

    it('caps page[size] at 100', async () => {
      const response = await callV2(url, 'GET', '/organizations/simple/teams?page[size]=1000', { token: admin });
      expect(response.status).toBe(200);
      expect(response.body?.meta.pagination['page-size']).toBe(100);
    });

    it.each([
      ['page[number]=0', 'page[number]'],
      ['page[number]=abc', 'page[number]'],
      ['page[number]=1.5', 'page[number]'],
      ['page[number]=2000000', 'page[number]'],
      ['page[size]=0', 'page[size]'],
      ['page[size]=-1', 'page[size]'],
      ['page[size]=', 'page[size]'],
      ['page[size]=1&page[size]=2', 'page[size]'],
      ['page[offset]=3', 'page[offset]'],
    ])('answers 400 naming the parameter for %s', async (query, parameter) => {
      const response = await callV2(url, 'GET', `/organizations/simple/teams?${query}`, { token: admin });
      expect(response.status).toBe(400);
      expect(response.body?.errors[0]).toMatchObject({ status: '400', title: 'bad request', source: { parameter } });
    });
  });

  describe('HTTP', () => {
    it.each([
      ['GET', '/account/details'],
      ['GET', '/organizations'],
      ['GET', `/teams/${TEAM_IDS.TERRAKUBE_ADMIN}`],
      ['POST', '/users/user-x/authentication-tokens'],
      ['DELETE', '/authentication-tokens/at-x'],
      ['GET', '/no/such/path'],
    ])('%s %s needs a bearer token: 401 JSON:API', async (method, path) => {
      const response = await callV2(url, method, path);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(response.headers.get('content-type')).toContain(JSON_API);
      expect(response.body).toEqual({ errors: [{ status: '401', title: 'unauthorized', detail: expect.stringContaining('bearer token') }] });
    });

    it('refuses an invalid bearer token with 401', async () => {
      const response = await callV2(url, 'GET', '/account/details', { token: 'not-a-jwt' });
      expect(response.status).toBe(401);
      expect(response.body?.errors[0].detail).toContain('invalid, expired or revoked');
    });

    it('answers 404 JSON:API for an unknown path', async () => {
      const response = await callV2(url, 'GET', '/workspaces', { token: admin });
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ errors: [{ status: '404', title: 'not found', detail: 'There is no GET /api/v2/workspaces in this API.' }] });
    });

    it.each([
      ['POST', '/account/details', 'GET, HEAD'],
      ['DELETE', '/organizations', 'GET, HEAD'],
      ['PATCH', '/organizations/simple', 'GET, HEAD'],
      ['PUT', `/teams/${TEAM_IDS.TERRAKUBE_ADMIN}`, 'GET, HEAD'],
      ['DELETE', `/users/${adminUserId}/authentication-tokens`, 'GET, HEAD, POST'],
      ['POST', '/authentication-tokens/at-x', 'GET, HEAD, DELETE'],
      ['GET', `/teams/${TEAM_IDS.TERRAKUBE_ADMIN}/authentication-tokens`, 'POST'],
      ['PATCH', `/teams/${TEAM_IDS.TERRAKUBE_ADMIN}/authentication-token`, 'GET, HEAD, POST, DELETE'],
      ['POST', '/organizations/simple/team-tokens', 'GET, HEAD, DELETE'],
    ])('answers %s %s with 405 and Allow: %s', async (method, path, allow) => {
      const response = await callV2(url, method, path, { token: admin });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe(allow);
      expect(response.body?.errors[0]).toMatchObject({ status: '405', title: 'method not allowed', detail: expect.stringContaining(`${method} is not allowed`) });
    });
  });
});
