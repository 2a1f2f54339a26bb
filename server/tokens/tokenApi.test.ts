import { decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, generatePat, generateTeamToken } from '../test/api';
import { signIn } from '../test/signIn';
import { describeOnEachBackend, useTestServer, TEST_TOKEN_SIGNING_KEY, TestClock } from '../test/testServer';
import { signIssuedToken } from './issuedTokens';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const TERRAKUBE_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/;
const MINUTE = 60_000;

describeOnEachBackend('token API', (backend) => {
  const signingKey = TEST_TOKEN_SIGNING_KEY;
  const clock = new TestClock();
  const server = useTestServer(backend, { tokenSigningKey: signingKey }, clock);
  let admin: string;
  let aws: string;
  let azure: string;

  beforeAll(async () => {
    [admin, aws, azure] = (
      await Promise.all([signIn(server.url, 'admin@example.com'), signIn(server.url, 'aws@example.com'), signIn(server.url, 'azure@example.com')])
    ).map((tokens) => tokens.accessToken) as [string, string, string];
  });

  describe('personal access tokens', () => {
    it('generates a token (201) with Terrakube claims, signed with the key', async () => {
      const response = await call(server.url, 'POST', '/pat/v1', { token: admin, body: { description: ' Laptop ', days: 30 } });
      expect(response.status).toBe(201);
      const { token } = response.body as { token: string };
      expect(Object.keys(response.body as object)).toEqual(['token']);
      expect(decodeProtectedHeader(token).alg).toBe('HS256');

      const { payload } = await jwtVerify(token, signingKey, { currentDate: clock.now() });
      const iat = Math.floor(clock.now().getTime() / 1000);
      expect(payload).toEqual({
        iss: 'Terrakube',
        aud: 'Terrakube',
        jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
        sub: 'Admin User (Token)',
        name: 'Admin User (Token)',
        email: 'admin@example.com',
        email_verified: true,
        groups: ['TERRAKUBE_ADMIN', 'TERRAKUBE_DEVELOPERS'],
        iat,
        exp: iat + 30 * 24 * 60 * 60,
      });

      const list = await call(server.url, 'GET', '/pat/v1', { token: admin });
      expect(list.status).toBe(202);
      const pat = (list.body as Record<string, unknown>[]).find((row) => row.id === payload.jti);
      expect(pat).toEqual({
        id: payload.jti,
        days: 30,
        description: 'Laptop',
        deleted: false,
        createdDate: clock.now().toISOString().replace('Z', '+00:00'),
        createdBy: 'admin@example.com',
        updatedDate: clock.now().toISOString().replace('Z', '+00:00'),
        updatedBy: 'admin@example.com',
        lastUsedDate: null,
      });
      // Terrakube's fields in Terrakube's order, then the one it does not have.
      expect(Object.keys(pat!)).toEqual(['id', 'days', 'description', 'deleted', 'createdDate', 'createdBy', 'updatedDate', 'updatedBy', 'lastUsedDate']);
    });

    it('leaves out exp when days is 0 (never expires)', async () => {
      const claims = decodeJwt(await generatePat(server.url, admin, 'Forever', 0));
      expect(claims.exp).toBeUndefined();
      expect(claims.iat).toBeTypeOf('number');
    });

    it('lists only the caller’s own tokens', async () => {
      await generatePat(server.url, aws, 'AWS laptop');
      const awsList = (await call(server.url, 'GET', '/pat/v1', { token: aws })).body as { createdBy: string }[];
      expect(awsList.length).toBeGreaterThan(0);
      expect(awsList.every((pat) => pat.createdBy === 'aws@example.com')).toBe(true);
      const adminList = (await call(server.url, 'GET', '/pat/v1', { token: admin })).body as { description: string }[];
      expect(adminList.map((pat) => pat.description)).not.toContain('AWS laptop');
    });

    it('authenticates with a generated token, as its user', async () => {
      const pat = await generatePat(server.url, aws, 'Acting as AWS');
      const list = await call(server.url, 'GET', '/pat/v1', { token: pat });
      expect(list.status).toBe(202);
      expect((list.body as { description: string }[]).map((row) => row.description)).toContain('Acting as AWS');
      expect((await call(server.url, 'GET', '/access-token/v1/teams/current-teams', { token: pat })).body).toEqual({
        groups: ['AWS_DEVELOPERS'],
      });
    });

    it('revokes: the token works, is deleted (202, empty, soft), then gets 401', async () => {
      const pat = await generatePat(server.url, admin, 'To revoke');
      const { jti } = decodeJwt(pat);
      expect((await call(server.url, 'GET', '/pat/v1', { token: pat })).status).toBe(202);

      const deleted = await call(server.url, 'DELETE', `/pat/v1/${jti}`, { token: admin });
      expect(deleted.status).toBe(202);
      expect(deleted.text).toBe('');

      const refused = await call(server.url, 'GET', '/pat/v1', { token: pat });
      expect(refused.status).toBe(401);
      expect(refused.body).toEqual({ error: 'Unauthorized', message: expect.any(String) });
      const list = (await call(server.url, 'GET', '/pat/v1', { token: admin })).body as { id: string }[];
      expect(list.map((row) => row.id)).not.toContain(jti);
      expect((await call(server.url, 'DELETE', `/pat/v1/${jti}`, { token: admin })).status).toBe(404);
    });

    it('answers 404 for someone else’s token and for an unknown id, and keeps the token', async () => {
      const pat = await generatePat(server.url, aws, 'Not yours');
      const { jti } = decodeJwt(pat);
      const foreign = await call(server.url, 'DELETE', `/pat/v1/${jti}`, { token: admin });
      expect(foreign.status).toBe(404);
      expect(foreign.body).toEqual({ error: 'Not Found', message: expect.stringContaining(String(jti)) });
      expect((await call(server.url, 'DELETE', `/pat/v1/${UNKNOWN_ID}`, { token: admin })).status).toBe(404);
      expect((await call(server.url, 'GET', '/pat/v1', { token: pat })).status).toBe(202);
    });

    it('answers 400 for a non-UUID id', async () => {
      const response = await call(server.url, 'DELETE', '/pat/v1/not-a-uuid', { token: admin });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ error: 'Bad Request', message: expect.stringContaining('UUID') });
    });

    it.each([
      ['malformed JSON', { rawBody: '{"description": "x", ' }, 'not valid JSON'],
      ['a JSON array', { body: [] }, 'JSON object'],
      ['no body', {}, 'JSON object'],
      ['a missing description', { body: { days: 1 } }, 'Description is required.'],
      ['a blank description', { body: { description: '   ', days: 1 } }, 'Description is required.'],
      ['a 256-character description', { body: { description: 'x'.repeat(256), days: 1 } }, 'at most 255'],
      ['a NUL character in the description', { body: { description: 'a\u0000b', days: 1 } }, 'without tabs or other control characters'],
      ['a line break in the description', { body: { description: 'two\nlines', days: 1 } }, 'a single line'],
      ['an unknown field', { body: { description: 'x', days: 1, expires: 'never' } }, 'Unknown field "expires"'],
      ['a misspelt field', { body: { description: 'x', day: 1 } }, 'Unknown field "day"'],
      ['missing days', { body: { description: 'x' } }, 'Days must be a whole number.'],
      ['days as a string', { body: { description: 'x', days: '5' } }, 'Days must be a whole number.'],
      ['fractional days', { body: { description: 'x', days: 1.5 } }, 'Days must be a whole number.'],
      ['negative days', { body: { description: 'x', days: -1 } }, 'Days must not be negative.'],
      ['too many days', { body: { description: 'x', days: 3651 } }, 'Days must be at most 3650.'],
      ['hours other than 0', { body: { description: 'x', days: 1, hours: 2, minutes: 0 } }, 'Hours must be 0: personal access tokens last whole days.'],
      ['minutes other than 0', { body: { description: 'x', days: 1, minutes: 30 } }, 'Minutes must be 0: personal access tokens last whole days.'],
      ['hours as a string', { body: { description: 'x', days: 1, hours: '0' } }, 'Hours must be 0'],
    ])('rejects %s with 400 and changes nothing', async (_case, request, message) => {
      const before = (await call(server.url, 'GET', '/pat/v1', { token: admin })).body;
      const response = await call(server.url, 'POST', '/pat/v1', { token: admin, ...request });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ error: 'Bad Request', message: expect.stringContaining(message) });
      expect((await call(server.url, 'GET', '/pat/v1', { token: admin })).body).toEqual(before);
    });

    it('accepts the hours and minutes of 0 that Terrakube’s own UI sends, for a token of whole days', async () => {
      const body = { description: 'From Terrakube’s UI', days: 30, hours: 0, minutes: 0 };
      const response = await call(server.url, 'POST', '/pat/v1', { token: admin, body });
      expect(response.status).toBe(201);
      const listed = (await call(server.url, 'GET', '/pat/v1', { token: admin })).body as { description: string; days: number }[];
      expect(listed.find((token) => token.description === body.description)?.days).toBe(30);
    });

    it('accepts a 255-character description', async () => {
      const response = await call(server.url, 'POST', '/pat/v1', { token: admin, body: { description: 'y'.repeat(255), days: 1 } });
      expect(response.status).toBe(201);
    });
  });

  describe('team tokens', () => {
    it('returns the caller’s groups (202)', async () => {
      const response = await call(server.url, 'GET', '/access-token/v1/teams/current-teams', { token: admin });
      expect(response.status).toBe(202);
      expect(response.body).toEqual({ groups: ['TERRAKUBE_ADMIN', 'TERRAKUBE_DEVELOPERS'] });
    });

    it('generates a team token (201) with team claims and lists it for every member', async () => {
      const response = await call(server.url, 'POST', '/access-token/v1/teams', {
        token: admin,
        body: { group: 'TERRAKUBE_DEVELOPERS', description: 'Deploy pipeline', days: 1, hours: 2, minutes: 3 },
      });
      expect(response.status).toBe(201);
      const { token } = response.body as { token: string };
      const { payload } = await jwtVerify(token, signingKey, { currentDate: clock.now() });
      const iat = Math.floor(clock.now().getTime() / 1000);
      expect(payload).toEqual({
        iss: 'Terrakube',
        aud: 'Terrakube',
        jti: expect.any(String),
        sub: 'TERRAKUBE_DEVELOPERS (Team Token)',
        name: 'TERRAKUBE_DEVELOPERS (Token)',
        email: 'admin@example.com',
        email_verified: true,
        groups: ['TERRAKUBE_DEVELOPERS'],
        iat,
        exp: iat + 24 * 3600 + 2 * 3600 + 3 * 60,
      });

      const list = await call(server.url, 'GET', '/access-token/v1/teams', { token: admin });
      expect(list.status).toBe(202);
      const group = (list.body as Record<string, unknown>[]).find((row) => row.id === payload.jti);
      expect(group).toEqual({
        id: payload.jti,
        days: 1,
        hours: 2,
        minutes: 3,
        group: 'TERRAKUBE_DEVELOPERS',
        description: 'Deploy pipeline',
        deleted: false,
        createdDate: expect.stringMatching(TERRAKUBE_DATE),
        createdBy: 'admin@example.com',
        updatedDate: expect.stringMatching(TERRAKUBE_DATE),
        updatedBy: 'admin@example.com',
        lastUsedDate: null,
      });
      expect(Object.keys(group!)).toEqual([
        ...['id', 'days', 'hours', 'minutes', 'group', 'description', 'deleted', 'createdDate', 'createdBy', 'updatedDate', 'updatedBy'],
        'lastUsedDate',
      ]);
    });

    it('lists tokens of all the caller’s groups and none of other groups', async () => {
      await generateTeamToken(server.url, admin, { group: 'TERRAKUBE_ADMIN', description: 'Admin pipeline' });
      await generateTeamToken(server.url, aws, { group: 'AWS_DEVELOPERS', description: 'AWS pipeline' });
      const adminGroups = ((await call(server.url, 'GET', '/access-token/v1/teams', { token: admin })).body as { group: string }[])
        .map((row) => row.group);
      expect(new Set(adminGroups)).toEqual(new Set(['TERRAKUBE_ADMIN', 'TERRAKUBE_DEVELOPERS']));
      const azureList = (await call(server.url, 'GET', '/access-token/v1/teams', { token: azure })).body;
      expect(azureList).toEqual([]);
    });

    it('defaults hours and minutes to 0, and all zero means no exp', async () => {
      const token = await generateTeamToken(server.url, admin, { group: 'TERRAKUBE_ADMIN', days: 0 });
      expect(decodeJwt(token).exp).toBeUndefined();
    });

    it('refuses a team the caller is not in with 403 and creates nothing', async () => {
      const before = (await call(server.url, 'GET', '/access-token/v1/teams', { token: aws })).body;
      const response = await call(server.url, 'POST', '/access-token/v1/teams', {
        token: aws,
        body: { group: 'TERRAKUBE_ADMIN', description: 'Sneaky', days: 1, hours: 0, minutes: 0 },
      });
      expect(response.status).toBe(403);
      expect(response.body).toEqual({ error: 'Forbidden', message: expect.stringContaining('TERRAKUBE_ADMIN') });
      expect((await call(server.url, 'GET', '/access-token/v1/teams', { token: admin })).body).not.toContainEqual(
        expect.objectContaining({ description: 'Sneaky' }),
      );
      expect((await call(server.url, 'GET', '/access-token/v1/teams', { token: aws })).body).toEqual(before);
    });

    it.each([
      ['a missing group', { description: 'x', days: 1 }, 'Group is required.'],
      ['a group with surrounding spaces', { group: ' TERRAKUBE_ADMIN ', description: 'x', days: 1 }, 'must not start or end with spaces'],
      ['a NUL character in the group', { group: 'TERRAKUBE\u0000ADMIN', description: 'x', days: 1 }, 'Group must not contain control characters.'],
      ['a NUL character in the description', { group: 'TERRAKUBE_ADMIN', description: 'a\u0000b', days: 1 }, 'control characters'],
      ['unknown fields', { group: 'TERRAKUBE_ADMIN', description: 'x', days: 1, team: 'x', owner: 'y' }, 'Unknown fields "team", "owner"'],
      ['a missing description', { group: 'TERRAKUBE_ADMIN', days: 1 }, 'Description is required.'],
      ['negative hours', { group: 'TERRAKUBE_ADMIN', description: 'x', days: 0, hours: -1 }, 'Hours must not be negative.'],
      ['too many hours', { group: 'TERRAKUBE_ADMIN', description: 'x', days: 0, hours: 24 }, 'Hours must be at most 23.'],
      ['fractional minutes', { group: 'TERRAKUBE_ADMIN', description: 'x', days: 0, minutes: 0.5 }, 'Minutes must be a whole number.'],
      ['too many minutes', { group: 'TERRAKUBE_ADMIN', description: 'x', days: 0, minutes: 60 }, 'Minutes must be at most 59.'],
      ['too many days', { group: 'TERRAKUBE_ADMIN', description: 'x', days: 100000 }, 'Days must be at most 3650.'],
    ])('rejects %s with 400', async (_case, body, message) => {
      const before = (await call(server.url, 'GET', '/access-token/v1/teams', { token: admin })).body;
      const response = await call(server.url, 'POST', '/access-token/v1/teams', { token: admin, body });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ error: 'Bad Request', message: expect.stringContaining(message) });
      expect((await call(server.url, 'GET', '/access-token/v1/teams', { token: admin })).body).toEqual(before);
    });

    it('rejects malformed JSON with 400', async () => {
      const response = await call(server.url, 'POST', '/access-token/v1/teams', { token: admin, rawBody: '{' });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({ error: 'Bad Request', message: 'The request body is not valid JSON.' });
    });

    it('authenticates with a team token, acting with the team as its only group', async () => {
      const token = await generateTeamToken(server.url, admin, { group: 'TERRAKUBE_DEVELOPERS', description: 'CI' });
      expect((await call(server.url, 'GET', '/access-token/v1/teams/current-teams', { token })).body).toEqual({
        groups: ['TERRAKUBE_DEVELOPERS'],
      });
    });

    it('lets any member delete (202, empty) and then the token gets 401', async () => {
      const token = await generateTeamToken(server.url, admin, { group: 'TERRAKUBE_ADMIN', description: 'Revoke me' });
      const { jti } = decodeJwt(token);
      expect((await call(server.url, 'GET', '/access-token/v1/teams', { token })).status).toBe(202);
      const deleted = await call(server.url, 'DELETE', `/access-token/v1/teams/${jti}`, { token: admin });
      expect(deleted.status).toBe(202);
      expect(deleted.text).toBe('');
      expect((await call(server.url, 'GET', '/access-token/v1/teams', { token })).status).toBe(401);
      expect((await call(server.url, 'DELETE', `/access-token/v1/teams/${jti}`, { token: admin })).status).toBe(404);
    });

    it('answers 404 when deleting a token of a team the caller is not in, or an unknown one; 400 for a bad id', async () => {
      const token = await generateTeamToken(server.url, aws, { group: 'AWS_DEVELOPERS', description: 'AWS only' });
      const { jti } = decodeJwt(token);
      const foreign = await call(server.url, 'DELETE', `/access-token/v1/teams/${jti}`, { token: admin });
      expect(foreign.status).toBe(404);
      expect(foreign.body).toEqual({ error: 'Not Found', message: expect.any(String) });
      expect((await call(server.url, 'GET', '/access-token/v1/teams/current-teams', { token })).status).toBe(202);
      expect((await call(server.url, 'DELETE', `/access-token/v1/teams/${UNKNOWN_ID}`, { token: admin })).status).toBe(404);
      const badId = await call(server.url, 'DELETE', '/access-token/v1/teams/12345', { token: admin });
      expect(badId.status).toBe(400);
      expect(badId.body).toEqual({ error: 'Bad Request', message: expect.stringContaining('UUID') });
    });

    it('rejects a 1-minute team token once the clock passes its expiry', async () => {
      const token = await generateTeamToken(server.url, admin, { group: 'TERRAKUBE_ADMIN', description: 'Short', minutes: 1 });
      const { iat, exp } = decodeJwt(token);
      expect(exp! - iat!).toBe(60);
      clock.advance(59_000);
      expect((await call(server.url, 'GET', '/access-token/v1/teams/current-teams', { token })).status).toBe(202);
      clock.advance(2_000);
      const expired = await call(server.url, 'GET', '/access-token/v1/teams/current-teams', { token });
      expect(expired.status).toBe(401);
      expect(expired.body).toEqual({ error: 'Unauthorized', message: expect.any(String) });
      clock.advance(-MINUTE);
    });
  });

  describe('what an issued token may do', () => {
    const GENERATE_REFUSED = 'An API token cannot generate tokens. Sign in to the app to generate one.';
    const TEAM_TOKEN_REFUSED = 'A team token cannot use personal access tokens. Use a personal access token or sign in.';
    const generateRequests: [string, unknown][] = [
      ['/pat/v1', { description: 'Minted by a token', days: 0 }],
      ['/access-token/v1/teams', { group: 'TERRAKUBE_ADMIN', description: 'Minted by a token', days: 0 }],
    ];

    async function everyToken() {
      const pats = (await call(server.url, 'GET', '/pat/v1', { token: admin })).body;
      const teamTokens = (await call(server.url, 'GET', '/access-token/v1/teams', { token: admin })).body;
      return { pats, teamTokens };
    }

    it.each(generateRequests)('a personal access token cannot generate tokens: POST %s is 403 and creates nothing', async (path, body) => {
      const pat = await generatePat(server.url, admin, 'Cannot mint');
      // Used once already, so that its last use, kept to the minute, is recorded before the snapshot.
      await call(server.url, 'GET', '/access-token/v1/teams/current-teams', { token: pat });
      const before = await everyToken();
      const response = await call(server.url, 'POST', path, { token: pat, body });
      expect(response.status).toBe(403);
      expect(response.body).toEqual({ error: 'Forbidden', message: GENERATE_REFUSED });
      expect(await everyToken()).toEqual(before);
    });

    it.each(generateRequests)('a team token cannot generate tokens: POST %s is 403 and creates nothing', async (path, body) => {
      const teamToken = await generateTeamToken(server.url, admin, { group: 'TERRAKUBE_ADMIN', description: 'Cannot mint', minutes: 1 });
      await call(server.url, 'GET', '/access-token/v1/teams/current-teams', { token: teamToken });
      const before = await everyToken();
      const response = await call(server.url, 'POST', path, { token: teamToken, body });
      expect(response.status).toBe(403);
      expect(response.body).toEqual({ error: 'Forbidden', message: GENERATE_REFUSED });
      expect(await everyToken()).toEqual(before);
    });

    it('a team token cannot list or delete its creator’s personal access tokens (403)', async () => {
      const pat = await generatePat(server.url, admin, 'Out of a team token’s reach');
      const teamToken = await generateTeamToken(server.url, admin, { group: 'TERRAKUBE_ADMIN', description: 'Nosy pipeline' });

      const list = await call(server.url, 'GET', '/pat/v1', { token: teamToken });
      expect(list.status).toBe(403);
      expect(list.body).toEqual({ error: 'Forbidden', message: TEAM_TOKEN_REFUSED });
      const deleted = await call(server.url, 'DELETE', `/pat/v1/${decodeJwt(pat).jti}`, { token: teamToken });
      expect(deleted.status).toBe(403);
      expect(deleted.body).toEqual({ error: 'Forbidden', message: TEAM_TOKEN_REFUSED });
      expect((await call(server.url, 'GET', '/pat/v1', { token: pat })).status).toBe(202);
    });

    it('a team token still reads its team and its team’s tokens', async () => {
      const teamToken = await generateTeamToken(server.url, admin, { group: 'TERRAKUBE_ADMIN', description: 'Reader' });
      expect((await call(server.url, 'GET', '/access-token/v1/teams/current-teams', { token: teamToken })).body).toEqual({
        groups: ['TERRAKUBE_ADMIN'],
      });
      const list = await call(server.url, 'GET', '/access-token/v1/teams', { token: teamToken });
      expect(list.status).toBe(202);
      expect((list.body as { group: string }[]).every((row) => row.group === 'TERRAKUBE_ADMIN')).toBe(true);
    });

    it('a personal access token still lists and deletes its user’s tokens', async () => {
      const pat = await generatePat(server.url, admin, 'Manager');
      const other = await generatePat(server.url, admin, 'Deleted by a token');
      expect((await call(server.url, 'GET', '/pat/v1', { token: pat })).status).toBe(202);
      expect((await call(server.url, 'DELETE', `/pat/v1/${decodeJwt(other).jti}`, { token: pat })).status).toBe(202);
    });
  });

  describe('HTTP', () => {
    it.each([
      ['PUT', '/pat/v1', 'GET, HEAD, POST'],
      ['PATCH', '/pat/v1', 'GET, HEAD, POST'],
      ['GET', `/pat/v1/${UNKNOWN_ID}`, 'DELETE'],
      ['DELETE', '/access-token/v1/teams', 'GET, HEAD, POST'],
      ['POST', `/access-token/v1/teams/${UNKNOWN_ID}`, 'DELETE'],
      ['DELETE', '/access-token/v1/teams/current-teams', 'GET, HEAD'],
      ['POST', '/access-token/v1/teams/current-teams', 'GET, HEAD'],
    ])('answers %s %s with 405, an Allow header and a JSON body', async (method, path, allow) => {
      const response = await call(server.url, method, path, { token: admin });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe(allow);
      expect(response.body).toEqual({ error: 'Method Not Allowed', message: expect.stringContaining(`${method} is not allowed`) });
    });

    it('answers 404 with a JSON body for an unknown path', async () => {
      const response = await call(server.url, 'GET', '/pat/v2', { token: admin });
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ error: 'Not Found', message: expect.stringContaining('/pat/v2') });
    });

    it('refuses a body over 10 kB with 413 and creates nothing', async () => {
      const before = (await call(server.url, 'GET', '/pat/v1', { token: admin })).body;
      const response = await call(server.url, 'POST', '/pat/v1', { token: admin, body: { description: 'x', days: 1, padding: 'x'.repeat(10_240) } });
      expect(response.status).toBe(413);
      expect(response.body).toEqual({ error: 'Payload Too Large', message: 'The request body is too large.' });
      expect((await call(server.url, 'GET', '/pat/v1', { token: admin })).body).toEqual(before);
    });
  });

  describe('authentication', () => {
    const endpoints: [string, string][] = [
      ['GET', '/pat/v1'],
      ['POST', '/pat/v1'],
      ['DELETE', `/pat/v1/${UNKNOWN_ID}`],
      ['GET', '/access-token/v1/teams'],
      ['POST', '/access-token/v1/teams'],
      ['DELETE', `/access-token/v1/teams/${UNKNOWN_ID}`],
      ['GET', '/access-token/v1/teams/current-teams'],
    ];

    it.each(endpoints)('%s %s needs a bearer token (401 JSON)', async (method, endpoint) => {
      const response = await call(server.url, method, endpoint);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(response.body).toEqual({ error: 'Unauthorized', message: expect.stringContaining('bearer token') });
    });

    it.each([
      ['garbage', 'not-a-jwt'],
      ['a token signed with another key', 'eyJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJUZXJyYWt1YmUiLCJhdWQiOiJUZXJyYWt1YmUiLCJqdGkiOiIwMDAwMDAwMC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDAiLCJlbWFpbCI6ImFkbWluQGV4YW1wbGUuY29tIn0.mWkE0vJ0HqfM2fF3y3Kc5e6xT6y1s1bq1V0Gm1w3QGc'],
    ])('rejects %s with 401', async (_case, token) => {
      expect((await call(server.url, 'GET', '/pat/v1', { token })).status).toBe(401);
    });

    /** A token signed with the server's real key, as only the server could make it. */
    const signWithServerKey = (id: string, expiresAt: Date | null = null) =>
      signIssuedToken(signingKey, {
        id,
        subject: 'Admin User (Token)',
        name: 'Admin User (Token)',
        email: 'admin@example.com',
        groups: ['TERRAKUBE_ADMIN'],
        issuedAt: clock.now(),
        expiresAt,
      });

    it.each([
      ['an id that has no row', randomUUID()],
      ['an id that is not a UUID', 'not-a-uuid'],
    ])('rejects a correctly signed token with %s (401)', async (_case, id) => {
      const response = await call(server.url, 'GET', '/access-token/v1/teams/current-teams', { token: await signWithServerKey(id) });
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ error: 'Unauthorized', message: expect.any(String) });
    });

    it('rejects a token without exp once its row has expired, by the database’s check', async () => {
      const { jti } = decodeJwt(await generatePat(server.url, admin, 'One day', 1));
      // Same row, but no exp claim: only the row's created date plus its duration can stop it.
      const withoutExp = await signWithServerKey(jti!);
      expect(decodeJwt(withoutExp).exp).toBeUndefined();
      expect((await call(server.url, 'GET', '/pat/v1', { token: withoutExp })).status).toBe(202);
      const oneDayAndASecond = 24 * 60 * MINUTE + 1000;
      clock.advance(oneDayAndASecond);
      try {
        expect((await call(server.url, 'GET', '/pat/v1', { token: withoutExp })).status).toBe(401);
      } finally {
        clock.advance(-oneDayAndASecond);
      }
    });

    it('rejects an ID token used as an access token', async () => {
      const { idToken } = await signIn(server.url, 'gcp@example.com');
      expect((await call(server.url, 'GET', '/pat/v1', { token: idToken })).status).toBe(401);
    });

    it('rejects a provider access token once the clock passes its expiry', async () => {
      const { accessToken } = await signIn(server.url, 'gcp@example.com');
      const untilExpiry = decodeJwt(accessToken).exp! * 1000 - clock.now().getTime();
      clock.advance(untilExpiry + 1000);
      try {
        expect((await call(server.url, 'GET', '/pat/v1', { token: accessToken })).status).toBe(401);
      } finally {
        clock.advance(-(untilExpiry + 1000));
      }
    });
  });
});
