import { decodeJwt } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, generatePat, generateTeamToken } from '../test/api';
import { signIn } from '../test/signIn';
import { callV2, createTeamTokenV2, createUserTokenV2, resourceDocument, TEAM_IDS, type Json } from '../test/tfeApi';
import { describeOnEachBackend, useTestServer, TestClock } from '../test/testServer';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const ADMIN_TEAM = TEAM_IDS.TERRAKUBE_ADMIN;
const adminUserId = `user-${Buffer.from('admin@example.com').toString('base64url')}`;

describeOnEachBackend('/api/v2 team tokens (multiple)', (backend) => {
  const clock = new TestClock();
  const server = useTestServer(backend, {}, clock);
  let admin: string;
  let aws: string;
  const later = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();
  const orgTokenIds = async (token: string) =>
    ((await callV2(server.url, 'GET', '/organizations/simple/team-tokens?page[size]=100', { token })).body?.data as Json[]).map((row) => row.id);
  const bulkDelete = (token: string, ids: string[], organization = 'simple') =>
    callV2(server.url, 'DELETE', `/organizations/${organization}/team-tokens`, {
      token,
      body: { data: ids.map((id) => ({ type: 'authentication-tokens', id })) },
    });

  beforeAll(async () => {
    [admin, aws] = (await Promise.all([signIn(server.url, 'admin@example.com'), signIn(server.url, 'aws@example.com')])).map(
      (tokens) => tokens.accessToken,
    ) as [string, string];
  });

  it('creates a described team token (201) that acts for the team at both surfaces', async () => {
    const expiredAt = later(DAY + 2 * 60 * MINUTE + 3 * MINUTE + 30_000);
    const response = await callV2(server.url, 'POST', `/teams/${ADMIN_TEAM}/authentication-tokens`, {
      token: admin,
      body: resourceDocument({ description: 'Deploy pipeline', 'expired-at': expiredAt }),
    });
    expect(response.status).toBe(201);
    const { data } = response.body!;
    expect(data).toMatchObject({
      type: 'authentication-tokens',
      attributes: { description: 'Deploy pipeline', 'expired-at': expiredAt, 'last-used-at': null, token: expect.any(String) },
      relationships: {
        'created-by': { data: { type: 'users', id: adminUserId } },
        team: { data: { type: 'teams', id: ADMIN_TEAM } },
      },
    });
    const secret = data.attributes.token as string;
    expect(decodeJwt(secret)).toMatchObject({ sub: 'TERRAKUBE_ADMIN (Team Token)', groups: ['TERRAKUBE_ADMIN'] });
    expect((await call(server.url, 'GET', '/access-token/v1/teams/current-teams', { token: secret })).body).toEqual({ groups: ['TERRAKUBE_ADMIN'] });
    expect((await callV2(server.url, 'GET', `/authentication-tokens/${data.id}`, { token: secret })).status).toBe(200);

    // On the Terrakube surface: the fewest whole minutes that reach the expiry.
    const group = ((await call(server.url, 'GET', '/access-token/v1/teams', { token: admin })).body as Json[]).find((row) => `at-${row.id}` === data.id);
    expect(group).toMatchObject({ group: 'TERRAKUBE_ADMIN', description: 'Deploy pipeline', days: 1, hours: 2, minutes: 4 });
  });

  it('refuses a description the team’s live tokens already have: 422 with a pointer, and nothing made', async () => {
    await createTeamTokenV2(server.url, admin, ADMIN_TEAM, { description: 'Nightly' });
    const before = await orgTokenIds(admin);
    const duplicate = await callV2(server.url, 'POST', `/teams/${ADMIN_TEAM}/authentication-tokens`, {
      token: admin,
      body: resourceDocument({ description: ' Nightly ' }),
    });
    expect(duplicate.status).toBe(422);
    expect(duplicate.body).toEqual({
      errors: [{ status: '422', title: 'invalid attribute', detail: 'Description has already been taken', source: { pointer: '/data/attributes/description' } }],
    });
    expect(await orgTokenIds(admin)).toEqual(before);
    // Another team may use it, and once the token is deleted the team may too.
    await createTeamTokenV2(server.url, admin, TEAM_IDS.TERRAKUBE_DEVELOPERS, { description: 'Nightly' });
    await generateTeamToken(server.url, admin, { group: 'TERRAKUBE_ADMIN', description: 'Made on Terrakube' });
    const taken = await callV2(server.url, 'POST', `/teams/${ADMIN_TEAM}/authentication-tokens`, { token: admin, body: resourceDocument({ description: 'Made on Terrakube' }) });
    expect(taken.status).toBe(422);
  });

  it('frees a description once its token is deleted', async () => {
    const { id } = await createTeamTokenV2(server.url, admin, ADMIN_TEAM, { description: 'Rotated' });
    expect((await callV2(server.url, 'DELETE', `/authentication-tokens/${id}`, { token: admin })).status).toBe(204);
    await createTeamTokenV2(server.url, admin, ADMIN_TEAM, { description: 'Rotated' });
  });

  it('makes exactly one token of concurrent requests with one description', async () => {
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        callV2(server.url, 'POST', `/teams/${ADMIN_TEAM}/authentication-tokens`, { token: admin, body: resourceDocument({ description: 'Raced' }) }),
      ),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([201, 422, 422, 422, 422]);
  });

  it('answers 404 to a non-member and for an unknown team, and creates nothing', async () => {
    const before = await orgTokenIds(admin);
    for (const teamId of [ADMIN_TEAM, 'team-00000000-0000-4000-8000-000000000000', 'team-x']) {
      const response = await callV2(server.url, 'POST', `/teams/${teamId}/authentication-tokens`, { token: aws, body: resourceDocument({ description: 'Sneaky' }) });
      expect(response.status).toBe(404);
      expect(response.body?.errors[0]).toMatchObject({ status: '404', title: 'not found' });
    }
    expect(await orgTokenIds(admin)).toEqual(before);
  });

  it('refuses API tokens with 403: a personal token, and a team token even for its own team', async () => {
    const pat = await generatePat(server.url, admin, 'Cannot mint');
    const teamToken = await generateTeamToken(server.url, admin, { group: 'TERRAKUBE_ADMIN', description: 'Cannot mint either' });
    for (const token of [pat, teamToken]) {
      const response = await callV2(server.url, 'POST', `/teams/${ADMIN_TEAM}/authentication-tokens`, { token, body: resourceDocument({ description: 'Minted' }) });
      expect(response.status).toBe(403);
      expect(response.body?.errors[0].detail).toBe('An API token cannot generate tokens. Sign in to the app to generate one.');
    }
  });

  it.each([
    [{}, '/data/attributes/description', 'Description is required.'],
    [{ description: null }, '/data/attributes/description', 'Description is required.'],
    [{ description: 'x', 'expired-at': '2020-01-01T00:00:00Z' }, '/data/attributes/expired-at', 'in the future'],
    [{ description: 'x', team: 'TERRAKUBE_ADMIN' }, '/data/attributes/team', 'Unknown attribute "team"'],
  ])('refuses %o with 422', async (attributes, pointer, detail) => {
    const response = await callV2(server.url, 'POST', `/teams/${ADMIN_TEAM}/authentication-tokens`, { token: admin, body: resourceDocument(attributes) });
    expect(response.status).toBe(422);
    expect(response.body?.errors[0]).toMatchObject({ detail: expect.stringContaining(detail), source: { pointer } });
  });

  it('lists only tokens of the caller’s teams, each with its team', async () => {
    const awsToken = await createTeamTokenV2(server.url, aws, TEAM_IDS.AWS_DEVELOPERS, { description: 'AWS pipeline' });
    const adminList = (await callV2(server.url, 'GET', '/organizations/simple/team-tokens?page[size]=100', { token: admin })).body?.data as Json[];
    expect(adminList.length).toBeGreaterThan(0);
    expect(new Set(adminList.map((row) => row.relationships.team.data.id))).toEqual(new Set([ADMIN_TEAM, TEAM_IDS.TERRAKUBE_DEVELOPERS]));
    expect(adminList.every((row) => row.attributes.token === undefined)).toBe(true);
    expect(await orgTokenIds(aws)).toEqual([awsToken.id]);
    expect((await callV2(server.url, 'GET', '/organizations/nope/team-tokens', { token: admin })).status).toBe(404);
  });

  it('reads and deletes a team token by id for members only', async () => {
    const { id, secret } = await createTeamTokenV2(server.url, admin, ADMIN_TEAM, { description: 'Members only' });
    expect((await callV2(server.url, 'GET', `/authentication-tokens/${id}`, { token: aws })).status).toBe(404);
    expect((await callV2(server.url, 'DELETE', `/authentication-tokens/${id}`, { token: aws })).status).toBe(404);
    const read = await callV2(server.url, 'GET', `/authentication-tokens/${id}`, { token: admin });
    expect(read.body?.data.relationships.team).toEqual({ data: { type: 'teams', id: ADMIN_TEAM } });
    expect((await callV2(server.url, 'DELETE', `/authentication-tokens/${id}`, { token: admin })).status).toBe(204);
    expect((await call(server.url, 'GET', '/access-token/v1/teams/current-teams', { token: secret })).status).toBe(401);
    expect((await callV2(server.url, 'GET', '/account/details', { token: secret })).status).toBe(401);
  });

  describe('bulk delete', () => {
    it('deletes every listed token (204): each then gets 401 at both surfaces', async () => {
      const made = await Promise.all(['Bulk 1', 'Bulk 2', 'Bulk 3'].map((description) => createTeamTokenV2(server.url, admin, ADMIN_TEAM, { description })));
      const response = await bulkDelete(admin, made.map((token) => token.id));
      expect(response.status).toBe(204);
      expect(response.text).toBe('');
      for (const { secret } of made) {
        expect((await callV2(server.url, 'GET', '/account/details', { token: secret })).status).toBe(401);
        expect((await call(server.url, 'GET', '/access-token/v1/teams/current-teams', { token: secret })).status).toBe(401);
      }
      const left = await orgTokenIds(admin);
      expect(made.some((token) => left.includes(token.id))).toBe(false);
    });

    it('deletes nothing when any id is not deletable by the caller (404 naming it)', async () => {
      const mine = await Promise.all(['Keep 1', 'Keep 2'].map((description) => createTeamTokenV2(server.url, admin, ADMIN_TEAM, { description })));
      const awsToken = await createTeamTokenV2(server.url, aws, TEAM_IDS.AWS_DEVELOPERS, { description: 'Not admin’s' });
      const personal = await createUserTokenV2(server.url, admin, { description: 'Personal, not a team token' });
      const deleted = await createTeamTokenV2(server.url, admin, ADMIN_TEAM, { description: 'Already gone' });
      await callV2(server.url, 'DELETE', `/authentication-tokens/${deleted.id}`, { token: admin });
      for (const intruder of [awsToken.id, personal.id, deleted.id, 'at-nope', 'at-00000000-0000-4000-8000-000000000000']) {
        const response = await bulkDelete(admin, [...mine.map((token) => token.id), intruder]);
        expect(response.status).toBe(404);
        expect(response.body?.errors[0]).toMatchObject({ status: '404', detail: expect.stringContaining(intruder) });
      }
      for (const { secret } of [...mine, awsToken, personal]) {
        expect((await callV2(server.url, 'GET', '/account/details', { token: secret })).status).toBe(200);
      }
    });

    it.each([
      ['no data', {}, '/data'],
      ['data that is not a list', { data: { type: 'authentication-tokens', id: 'at-1' } }, '/data'],
      ['an empty list', { data: [] }, '/data'],
      ['101 ids', { data: Array.from({ length: 101 }, (_, index) => ({ type: 'authentication-tokens', id: `at-${index}` })) }, '/data'],
      ['a wrong type', { data: [{ type: 'teams', id: 'at-1' }] }, '/data/0/type'],
      ['a missing id', { data: [{ type: 'authentication-tokens' }] }, '/data/0/id'],
      ['an unknown member', { data: [{ type: 'authentication-tokens', id: 'at-1', attributes: {} }] }, '/data/0/attributes'],
      ['a non-object item', { data: ['at-1'] }, '/data/0'],
    ])('refuses %s with 400 and a pointer', async (_case, body, pointer) => {
      const response = await callV2(server.url, 'DELETE', '/organizations/simple/team-tokens', { token: admin, body });
      expect(response.status).toBe(400);
      expect(response.body?.errors[0]).toMatchObject({ status: '400', title: 'bad request', source: { pointer } });
    });

    it('needs the JSON:API content type (415), and a known organization (404)', async () => {
      const { id, secret } = await createTeamTokenV2(server.url, admin, ADMIN_TEAM, { description: 'Bulk, kept' });
      const body = { data: [{ type: 'authentication-tokens', id }] };
      expect((await callV2(server.url, 'DELETE', '/organizations/simple/team-tokens', { token: admin, body, contentType: 'application/json' })).status).toBe(415);
      expect((await bulkDelete(admin, [id], 'nope')).status).toBe(404);
      expect((await callV2(server.url, 'GET', '/account/details', { token: secret })).status).toBe(200);
    });
  });
});
