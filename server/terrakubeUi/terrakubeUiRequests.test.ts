import { decodeJwt } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessTokensOf } from '../test/signIn';
import { describeOnEachBackend, useTestServer } from '../test/testServer';
import { landingPage, organizationScreens, personalTokensScreen, replay, teamScreens } from './terrakubeUiRequests';

const ORGANIZATION_ID = 'd9b58bd3-f3fc-4056-a026-1163297e80a8';
const DEVELOPERS_TEAM_ID = '0f7a8c8e-3c1b-4f0e-9a65-6a2f4c9b1d10';
// How Terrakube writes its dates: `2023-09-18T23:10:02.482+00:00`.
const TERRAKUBE_DATE = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/);
const JSON_TYPE = expect.stringMatching(/^application\/json/);
const JSON_API_TYPE = expect.stringMatching(/^application\/vnd\.api\+json/);

// The fields Terrakube lists a personal token and a team token with.
const PAT_FIELDS = ['createdBy', 'createdDate', 'days', 'deleted', 'description', 'id', 'updatedBy', 'updatedDate'];
const GROUP_FIELDS = [...PAT_FIELDS, 'group', 'hours', 'minutes'].sort();
const PERMISSIONS = ['manageState', 'manageWorkspace', 'manageModule', 'manageProvider', 'manageVcs', 'manageTemplate', 'manageCollection', 'manageJob'];

const fieldsOf = (row: unknown) => Object.keys(row as object).sort();

describeOnEachBackend('Terrakube’s own UI, request for request', (backend) => {
  const server = useTestServer(backend);
  let admin: string;
  let aws: string;

  beforeAll(async () => {
    [admin, aws] = (await accessTokensOf(server.url, 'admin@example.com', 'aws@example.com')) as [string, string];
  });

  it('User settings › Tokens: lists (202), generates (201 with the token) and deletes (202, empty) personal tokens', async () => {
    const generated = await replay(server.url, personalTokensScreen.generate(admin, 'Terrakube UI laptop', 30));
    expect(generated).toMatchObject({ status: 201, contentType: JSON_TYPE, body: { token: expect.any(String) } });
    expect(fieldsOf(generated.body)).toEqual(['token']);
    const id = decodeJwt((generated.body as { token: string }).token).jti!;

    const list = await replay(server.url, personalTokensScreen.list(admin));
    expect(list).toMatchObject({ status: 202, contentType: JSON_TYPE });
    const row = (list.body as { id: string }[]).find((candidate) => candidate.id === id);
    expect(row).toEqual({
      id,
      days: 30,
      description: 'Terrakube UI laptop',
      deleted: false,
      createdBy: 'admin@example.com',
      createdDate: TERRAKUBE_DATE,
      updatedBy: 'admin@example.com',
      updatedDate: TERRAKUBE_DATE,
      // Ours: Terrakube's UI reads the fields above and passes this one by.
      lastUsedDate: null,
    });
    for (const each of list.body as unknown[]) expect(fieldsOf(each)).toEqual(expect.arrayContaining(PAT_FIELDS));

    const deleted = await replay(server.url, personalTokensScreen.delete(admin, id));
    expect(deleted).toMatchObject({ status: 202, text: '' });
    const after = await replay(server.url, personalTokensScreen.list(admin));
    expect((after.body as { id: string }[]).map((each) => each.id)).not.toContain(id);
  });

  it('User settings › Tokens: 0 days is a token without expiration', async () => {
    const generated = await replay(server.url, personalTokensScreen.generate(aws, 'Never expires', 0));
    expect(generated.status).toBe(201);
    expect(decodeJwt((generated.body as { token: string }).token).exp).toBeUndefined();
  });

  it('the organization picker and the menu list the organizations; a link opens one (200, JSON:API)', async () => {
    for (const request of [organizationScreens.picker(admin), organizationScreens.menu(admin)]) {
      const answer = await replay(server.url, request);
      expect(answer).toMatchObject({ status: 200, contentType: JSON_API_TYPE });
      expect((answer.body as { data: unknown[] }).data).toContainEqual({
        type: 'organization',
        id: ORGANIZATION_ID,
        attributes: { name: 'simple', description: expect.any(String), executionMode: 'remote', icon: null, disabled: false },
      });
    }
    const one = await replay(server.url, organizationScreens.byId(admin, ORGANIZATION_ID));
    expect(one).toMatchObject({ status: 200, contentType: JSON_API_TYPE, body: { data: { type: 'organization', id: ORGANIZATION_ID } } });
    expect((one.body as { data: { attributes: { name: string } } }).data.attributes.name).toBe('simple');
  });

  it('the landing page reads the organization and its workspaces through GraphQL, and its tags (200 each)', async () => {
    const workspaces = await replay(server.url, landingPage.workspaces(aws, ORGANIZATION_ID));
    expect(workspaces).toMatchObject({ status: 200, contentType: JSON_TYPE });
    // What the page reads: `data.organization.edges[0].node`, its id, name and workspace edges.
    expect(workspaces.body).toEqual({
      data: { organization: { edges: [{ node: { id: ORGANIZATION_ID, name: 'simple', workspace: { edges: [] } } }] } },
    });
    const tags = await replay(server.url, landingPage.tags(aws, ORGANIZATION_ID));
    expect(tags).toMatchObject({ status: 200, contentType: JSON_API_TYPE, body: { data: [] } });
  });

  it('Settings › Teams lists the teams with their eight permissions (200, JSON:API)', async () => {
    const answer = await replay(server.url, teamScreens.teams(aws, ORGANIZATION_ID));
    expect(answer).toMatchObject({ status: 200, contentType: JSON_API_TYPE });
    const teams = (answer.body as { data: { type: string; id: string; attributes: Record<string, unknown> }[] }).data;
    expect(teams.map((team) => team.attributes.name)).toEqual(expect.arrayContaining(['TERRAKUBE_ADMIN', 'TERRAKUBE_DEVELOPERS', 'AWS_DEVELOPERS']));
    for (const team of teams) {
      expect(team.type).toBe('team');
      for (const permission of PERMISSIONS) expect(typeof team.attributes[permission]).toBe('boolean');
    }
  });

  it('Settings › Teams › Edit: the team, its tokens, the caller’s teams, then generate and delete a team token', async () => {
    const team = await replay(server.url, teamScreens.team(admin, ORGANIZATION_ID, DEVELOPERS_TEAM_ID));
    expect(team).toMatchObject({
      status: 200,
      contentType: JSON_API_TYPE,
      body: { data: { type: 'team', id: DEVELOPERS_TEAM_ID, attributes: { name: 'TERRAKUBE_DEVELOPERS', manageState: true, manageVcs: false } } },
    });
    // "Create token" is enabled when the caller's groups include the team's name.
    const current = await replay(server.url, teamScreens.currentTeams(admin));
    expect(current).toMatchObject({ status: 202, contentType: JSON_TYPE, body: { groups: ['TERRAKUBE_ADMIN', 'TERRAKUBE_DEVELOPERS'] } });

    const form = { description: 'Terrakube UI pipeline', days: 0, hours: 1, minutes: 30 };
    const generated = await replay(server.url, teamScreens.generate(admin, form, 'TERRAKUBE_DEVELOPERS'));
    expect(generated).toMatchObject({ status: 201, contentType: JSON_TYPE, body: { token: expect.any(String) } });
    const id = decodeJwt((generated.body as { token: string }).token).jti!;

    const tokens = await replay(server.url, teamScreens.tokens(admin));
    expect(tokens).toMatchObject({ status: 202, contentType: JSON_TYPE });
    // The screen keeps the rows whose `group` is the team's name.
    const listed = (tokens.body as { group: string; id: string }[]).filter((row) => row.group === 'TERRAKUBE_DEVELOPERS');
    expect(listed.find((row) => row.id === id)).toEqual({
      id,
      group: 'TERRAKUBE_DEVELOPERS',
      description: 'Terrakube UI pipeline',
      days: 0,
      hours: 1,
      minutes: 30,
      deleted: false,
      createdBy: 'admin@example.com',
      createdDate: TERRAKUBE_DATE,
      updatedBy: 'admin@example.com',
      updatedDate: TERRAKUBE_DATE,
      lastUsedDate: null,
    });
    for (const row of tokens.body as unknown[]) expect(fieldsOf(row)).toEqual(expect.arrayContaining(GROUP_FIELDS));

    expect(await replay(server.url, teamScreens.delete(admin, id))).toMatchObject({ status: 202, text: '' });
    const after = await replay(server.url, teamScreens.tokens(admin));
    expect((after.body as { id: string }[]).map((row) => row.id)).not.toContain(id);
  });

  it('the workspace pages’ permission check answers 202 with the eight permissions', async () => {
    const answer = await replay(server.url, teamScreens.permissions(aws, ORGANIZATION_ID));
    expect(answer).toMatchObject({ status: 202, contentType: JSON_TYPE });
    expect(Object.keys(answer.body as object)).toEqual(PERMISSIONS);
  });

  describe('where the embedded server is stricter than Terrakube', () => {
    it('refuses the team writes of Settings › Teams with a 405, organizations and teams being read-only', async () => {
      const update = { data: { type: 'team', id: DEVELOPERS_TEAM_ID, attributes: { manageState: false } } };
      const patched = await replay(server.url, {
        method: 'PATCH',
        path: `/api/v1/organization/${ORGANIZATION_ID}/team/${DEVELOPERS_TEAM_ID}`,
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/vnd.api+json' },
        body: update,
      });
      expect(patched.status).toBe(405);
      const team = await replay(server.url, teamScreens.team(admin, ORGANIZATION_ID, DEVELOPERS_TEAM_ID));
      expect((team.body as { data: { attributes: { manageState: boolean } } }).data.attributes.manageState).toBe(true);
    });

    it('refuses a team token for a team the caller is not in with 403, where Terrakube answers 201 and an empty token', async () => {
      const form = { description: 'Not mine', days: 1, hours: 0, minutes: 0 };
      const refused = await replay(server.url, teamScreens.generate(aws, form, 'TERRAKUBE_DEVELOPERS'));
      expect(refused).toMatchObject({ status: 403, body: { message: 'You are not a member of TERRAKUBE_DEVELOPERS, so you cannot generate its tokens.' } });
    });

    it('refuses durations past its limits, which Terrakube’s form (no maximum) lets a person type', async () => {
      const form = { description: 'Two days in hours', days: 0, hours: 48, minutes: 0 };
      const refused = await replay(server.url, teamScreens.generate(admin, form, 'TERRAKUBE_DEVELOPERS'));
      expect(refused).toMatchObject({ status: 400, body: { message: 'Hours must be at most 23.' } });
    });
  });
});
