import { beforeAll, describe, expect, it } from 'vitest';
import { callerPermissions } from '../organizations/callerPermissions';
import type { TeamRow } from '../organizations/organizationRepository';
import { call, generatePat, generateTeamToken } from '../test/api';
import { accessTokensOf } from '../test/signIn';
import { describeOnEachBackend, useTestServer } from '../test/testServer';

const ORGANIZATION_ID = 'd9b58bd3-f3fc-4056-a026-1163297e80a8';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const PATH = `/access-token/v1/teams/permissions/organization/${ORGANIZATION_ID}`;

const ALL = {
  manageState: true,
  manageWorkspace: true,
  manageModule: true,
  manageProvider: true,
  manageVcs: true,
  manageTemplate: true,
  manageCollection: true,
  manageJob: true,
};
// The seeded developer teams may manage state, workspaces and jobs only.
const DEVELOPER = { ...ALL, manageModule: false, manageProvider: false, manageVcs: false, manageTemplate: false, manageCollection: false };

describe('callerPermissions', () => {
  const team = (grants: Partial<TeamRow>): TeamRow => ({
    id: UNKNOWN_ID,
    organization_id: ORGANIZATION_ID,
    organization_name: 'simple',
    name: 'T',
    manage_state: false,
    manage_workspace: false,
    manage_module: false,
    manage_provider: false,
    manage_vcs: false,
    manage_template: false,
    manage_collection: false,
    manage_job: false,
    ...grants,
  });

  it('grants nothing to a caller in none of the teams', () => {
    expect(Object.values(callerPermissions([]))).toEqual(Array(8).fill(false));
  });

  it('grants what any one of the caller’s teams grants', () => {
    expect(callerPermissions([team({ manage_vcs: true }), team({ manage_job: true })])).toEqual({
      ...Object.fromEntries(Object.keys(ALL).map((key) => [key, false])),
      manageVcs: true,
      manageJob: true,
    });
  });
});

describeOnEachBackend('the caller’s permissions in an organization', (backend) => {
  const server = useTestServer(backend);
  let admin: string;
  let aws: string;

  beforeAll(async () => {
    [admin, aws] = (await accessTokensOf(server.url, 'admin@example.com', 'aws@example.com')) as [string, string];
  });

  it('answers 202 with Terrakube’s permission set, in its field order, from all the caller’s teams there', async () => {
    const response = await call(server.url, 'GET', PATH, { token: admin });
    expect(response.status).toBe(202);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(Object.keys(response.body as object)).toEqual(Object.keys(ALL));
    expect(response.body).toEqual(ALL);
  });

  it('answers one team’s permissions to its only member', async () => {
    expect((await call(server.url, 'GET', PATH, { token: aws })).body).toEqual(DEVELOPER);
  });

  it('answers a personal token with its owner’s permissions, and a team token with its team’s', async () => {
    const pat = await generatePat(server.url, aws, 'Permissions');
    expect((await call(server.url, 'GET', PATH, { token: pat })).body).toEqual(DEVELOPER);
    const teamToken = await generateTeamToken(server.url, admin, { group: 'TERRAKUBE_DEVELOPERS' });
    const response = await call(server.url, 'GET', PATH, { token: teamToken });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ ...ALL, manageVcs: false, manageCollection: false });
  });

  it('answers the workspace form with the organization’s permissions, there being no workspace grants', async () => {
    const response = await call(server.url, 'GET', `${PATH}/workspace/${UNKNOWN_ID}`, { token: aws });
    expect(response.status).toBe(202);
    expect(response.body).toEqual(DEVELOPER);
  });

  it('refuses what it cannot answer, in the token API’s error shape', async () => {
    const unknown = await call(server.url, 'GET', `/access-token/v1/teams/permissions/organization/${UNKNOWN_ID}`, { token: admin });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error: 'Not Found', message: `There is no organization with id ${UNKNOWN_ID}.` });

    const malformed = await call(server.url, 'GET', '/access-token/v1/teams/permissions/organization/simple', { token: admin });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ error: 'Bad Request', message: '"simple" is not a valid id: ids are UUIDs.' });
    expect((await call(server.url, 'GET', `${PATH}/workspace/main`, { token: admin })).status).toBe(400);

    const anonymous = await call(server.url, 'GET', PATH);
    expect(anonymous.status).toBe(401);

    const posted = await call(server.url, 'POST', PATH, { token: admin, body: {} });
    expect(posted.status).toBe(405);
    expect(posted.headers.get('allow')).toBe('GET, HEAD');

    expect((await call(server.url, 'GET', '/access-token/v1/teams/permissions/team/x', { token: admin })).status).toBe(404);
  });
});
