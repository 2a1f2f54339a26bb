import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../app';
import { openDatabase } from '../db/openDatabase';
import { call } from '../test/api';
import { signIn } from '../test/signIn';
import { createTestStorage, startTestServer, type TestStorage } from '../test/testServer';

const ORGANIZATION_ID = 'd9b58bd3-f3fc-4056-a026-1163297e80a8';
const ADMIN_TEAM_ID = '58529721-425e-44d7-8b0d-1d515043c2f7';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const OTHER_ORGANIZATION_ID = '7a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const OTHER_TEAM_ID = '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e';
// Terrakube's values for what the embedded organizations do not keep.
const UNKEPT = { executionMode: 'remote', icon: null, disabled: false };
const READ_ONLY = "The embedded server's organizations and teams are read-only: it keeps the ones its database was seeded with.";

/** A second organization with a team of its own, written before the server opens the database. */
async function seedOtherOrganization(storage: TestStorage): Promise<void> {
  const db = await openDatabase({ dataDir: storage.dataDir, databaseUrl: storage.databaseUrl });
  try {
    await db.query('INSERT INTO organization (id, name, description) VALUES ($1, $2, $3)', [OTHER_ORGANIZATION_ID, 'other', 'Another organization']);
    await db.query(
      `INSERT INTO team (id, organization_id, name, manage_state, manage_workspace, manage_module, manage_provider,
         manage_vcs, manage_template, manage_collection, manage_job)
       VALUES ($1, $2, 'OTHER_DEVELOPERS', true, false, false, false, false, false, false, false)`,
      [OTHER_TEAM_ID, OTHER_ORGANIZATION_ID],
    );
  } finally {
    await db.close();
  }
}

describe('organizations and teams JSON:API', () => {
  let storage: TestStorage;
  let server: RunningServer;
  let token: string;

  beforeAll(async () => {
    storage = await createTestStorage();
    await seedOtherOrganization(storage);
    server = await startTestServer(storage);
    token = (await signIn(server.url, 'aws@example.com')).accessToken;
  });
  afterAll(async () => {
    await server?.close();
    await storage?.cleanup();
  });

  it('lists the organizations, the seeded one among them', async () => {
    const response = await call(server.url, 'GET', '/api/v1/organization', { token });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/vnd.api+json');
    expect(response.body).toEqual({
      data: [
        { type: 'organization', id: OTHER_ORGANIZATION_ID, attributes: { name: 'other', description: 'Another organization', ...UNKEPT } },
        { type: 'organization', id: ORGANIZATION_ID, attributes: { name: 'simple', description: expect.any(String), ...UNKEPT } },
      ],
    });
  });

  it('returns one organization', async () => {
    const response = await call(server.url, 'GET', `/api/v1/organization/${ORGANIZATION_ID}`, { token });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ data: { type: 'organization', id: ORGANIZATION_ID } });
  });

  it('lists the five teams with their permissions', async () => {
    const response = await call(server.url, 'GET', `/api/v1/organization/${ORGANIZATION_ID}/team`, { token });
    expect(response.status).toBe(200);
    const teams = (response.body as { data: { type: string; attributes: Record<string, unknown> }[] }).data;
    expect(teams.map((team) => team.attributes.name).sort()).toEqual([
      'AWS_DEVELOPERS',
      'AZURE_DEVELOPERS',
      'GCP_DEVELOPERS',
      'TERRAKUBE_ADMIN',
      'TERRAKUBE_DEVELOPERS',
    ]);
    for (const team of teams) {
      expect(team.type).toBe('team');
      expect(Object.keys(team.attributes).sort()).toEqual(
        [
          'name',
          'manageState',
          'manageWorkspace',
          'manageModule',
          'manageProvider',
          'manageVcs',
          'manageTemplate',
          'manageCollection',
          'manageJob',
        ].sort(),
      );
    }
  });

  it('returns one team', async () => {
    const response = await call(server.url, 'GET', `/api/v1/organization/${ORGANIZATION_ID}/team/${ADMIN_TEAM_ID}`, {
      token,
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      data: {
        type: 'team',
        id: ADMIN_TEAM_ID,
        attributes: {
          name: 'TERRAKUBE_ADMIN',
          manageState: true,
          manageWorkspace: true,
          manageModule: true,
          manageProvider: true,
          manageVcs: true,
          manageTemplate: true,
          manageCollection: true,
          manageJob: true,
        },
      },
    });
  });

  it("lists only an organization's own teams", async () => {
    const response = await call(server.url, 'GET', `/api/v1/organization/${OTHER_ORGANIZATION_ID}/team`, { token });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: [expect.objectContaining({ id: OTHER_TEAM_ID, attributes: expect.objectContaining({ name: 'OTHER_DEVELOPERS' }) })] });
  });

  it.each([
    [`/api/v1/organization/${ORGANIZATION_ID}/team/${OTHER_TEAM_ID}`],
    [`/api/v1/organization/${OTHER_ORGANIZATION_ID}/team/${ADMIN_TEAM_ID}`],
  ])('answers 404 for a team of another organization: %s', async (path) => {
    const response = await call(server.url, 'GET', path, { token });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ errors: [{ status: '404', title: 'not found', detail: expect.any(String) }] });
  });

  it.each([
    [`/api/v1/organization/${UNKNOWN_ID}`],
    [`/api/v1/organization/${UNKNOWN_ID}/team`],
    [`/api/v1/organization/${UNKNOWN_ID}/team/${ADMIN_TEAM_ID}`],
    [`/api/v1/organization/${ORGANIZATION_ID}/team/${UNKNOWN_ID}`],
    ['/api/v1/workspace'],
  ])('answers 404 in JSON:API form for %s', async (path) => {
    const response = await call(server.url, 'GET', path, { token });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ errors: [{ status: '404', title: 'not found', detail: expect.any(String) }] });
  });

  it.each([['/api/v1/organization/simple'], [`/api/v1/organization/${ORGANIZATION_ID}/team/admins`]])(
    'answers 400 in JSON:API form for a non-UUID id: %s',
    async (path) => {
      const response = await call(server.url, 'GET', path, { token });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ errors: [{ status: '400', title: 'bad request', detail: expect.stringContaining('UUID') }] });
    },
  );

  it.each(['tag', 'template', 'workspace', 'vcs', 'ssh', 'agent', 'globalvar', 'collection', 'module', 'provider', 'job'])(
    'answers Terrakube’s %s collection of an organization as empty, the server keeping none',
    async (relationship) => {
      const response = await call(server.url, 'GET', `/api/v1/organization/${ORGANIZATION_ID}/${relationship}`, { token });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('application/vnd.api+json');
      expect(response.body).toEqual({ data: [] });
      const one = await call(server.url, 'GET', `/api/v1/organization/${ORGANIZATION_ID}/${relationship}/${UNKNOWN_ID}`, { token });
      expect(one.status).toBe(404);
      expect(one.body).toEqual({ errors: [{ status: '404', title: 'not found', detail: `Organization simple has no ${relationship} with id ${UNKNOWN_ID}.` }] });
    },
  );

  it('answers an empty collection of an unknown organization 404, and an unknown collection 404', async () => {
    expect((await call(server.url, 'GET', `/api/v1/organization/${UNKNOWN_ID}/tag`, { token })).status).toBe(404);
    expect((await call(server.url, 'GET', `/api/v1/organization/simple/tag`, { token })).status).toBe(400);
    for (const path of [`/api/v1/organization/${ORGANIZATION_ID}/secrets`, `/api/v1/organization/${ORGANIZATION_ID}/constructor`]) {
      const response = await call(server.url, 'GET', path, { token });
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ errors: [{ status: '404', title: 'not found', detail: `There is no GET ${path} in this API.` }] });
    }
  });

  it.each([
    ['POST', '/api/v1/organization'],
    ['PATCH', `/api/v1/organization/${ORGANIZATION_ID}`],
    ['DELETE', `/api/v1/organization/${ORGANIZATION_ID}`],
    ['POST', `/api/v1/organization/${ORGANIZATION_ID}/team`],
    ['PATCH', `/api/v1/organization/${ORGANIZATION_ID}/team/${ADMIN_TEAM_ID}`],
    ['DELETE', `/api/v1/organization/${ORGANIZATION_ID}/team/${ADMIN_TEAM_ID}`],
    ['POST', `/api/v1/organization/${ORGANIZATION_ID}/tag`],
    ['DELETE', `/api/v1/organization/${ORGANIZATION_ID}/tag/${UNKNOWN_ID}`],
  ])('refuses %s %s: organizations and teams are read-only (405)', async (method, path) => {
    // As Terrakube's UI sends its team writes: a JSON:API document with a JSON:API Content-Type.
    const body = method === 'DELETE' ? undefined : { data: { type: 'team', attributes: { name: 'NEW_TEAM', manageState: true } } };
    const response = await call(server.url, method, path, { token, body, contentType: 'application/vnd.api+json' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(response.body).toEqual({ errors: [{ status: '405', title: 'method not allowed', detail: READ_ONLY }] });
  });

  it('needs a valid bearer token (401)', async () => {
    for (const bearer of [undefined, 'nonsense']) {
      const response = await call(server.url, 'GET', '/api/v1/organization', { token: bearer });
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ errors: [{ status: '401', title: 'unauthorized', detail: expect.any(String) }] });
    }
  });
});
