import { decodeJwt } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, generatePat, generateTeamToken } from '../test/api';
import { signIn } from '../test/signIn';
import { callV2, createUserTokenV2, JSON_API, resourceDocument, userIdOfCaller, type Json } from '../test/tfeApi';
import { describeOnEachBackend, useTestServer, TestClock } from '../test/testServer';

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describeOnEachBackend('/api/v2 user tokens', (backend) => {
  const clock = new TestClock();
  const server = useTestServer(backend, {}, clock);
  let admin: string;
  let aws: string;
  let adminId: string;
  let awsId: string;
  const later = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();
  const tokensPath = () => `/users/${adminId}/authentication-tokens`;
  const listAdmin = async () => (await callV2(server.url, 'GET', tokensPath(), { token: admin })).body?.data as Json[];

  beforeAll(async () => {
    [admin, aws] = (await Promise.all([signIn(server.url, 'admin@example.com'), signIn(server.url, 'aws@example.com')])).map(
      (tokens) => tokens.accessToken,
    ) as [string, string];
    [adminId, awsId] = await Promise.all([userIdOfCaller(server.url, admin), userIdOfCaller(server.url, aws)]);
  });

  it('creates a token (201) whose secret only the create answer carries', async () => {
    const expiredAt = later(30 * DAY);
    const response = await callV2(server.url, 'POST', tokensPath(), {
      token: admin,
      body: resourceDocument({ description: ' Laptop ', 'expired-at': expiredAt }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toContain(JSON_API);
    const { data } = response.body!;
    expect(data).toEqual({
      id: expect.stringMatching(/^at-[0-9a-f-]{36}$/),
      type: 'authentication-tokens',
      attributes: {
        'created-at': clock.now().toISOString(),
        'last-used-at': null,
        description: 'Laptop',
        'expired-at': expiredAt,
        token: expect.any(String),
      },
      relationships: { 'created-by': { data: { type: 'users', id: adminId } } },
      links: { self: `/api/v2/authentication-tokens/${data.id}` },
    });
    expect(decodeJwt(data.attributes.token)).toMatchObject({ jti: data.id.slice(3), email: 'admin@example.com', exp: Math.floor(Date.parse(expiredAt) / 1000) });

    const read = await callV2(server.url, 'GET', `/authentication-tokens/${data.id}`, { token: admin });
    expect(read.status).toBe(200);
    const { token: _secret, ...withoutSecret } = data.attributes;
    expect(read.body?.data).toEqual({ ...data, attributes: withoutSecret });
    expect((await listAdmin()).find((token) => token.id === data.id)).toEqual(read.body?.data);
  });

  it('takes no description and no expiry as none and never', async () => {
    const { resource, secret } = await createUserTokenV2(server.url, admin, {});
    expect(resource.attributes).toMatchObject({ description: null, 'expired-at': null });
    expect(decodeJwt(secret).exp).toBeUndefined();
    const explicit = await createUserTokenV2(server.url, admin, { description: null, 'expired-at': null });
    expect(explicit.resource.attributes).toMatchObject({ description: null, 'expired-at': null });
    const pat = (await call(server.url, 'GET', '/pat/v1', { token: admin })).body as Json[];
    expect(pat.find((row) => `at-${row.id}` === resource.id)).toMatchObject({ description: null, days: 0 });
  });

  it('lists unpaginated without page parameters, paged with them', async () => {
    await createUserTokenV2(server.url, admin, { description: 'One more' });
    const plain = await callV2(server.url, 'GET', tokensPath(), { token: admin });
    expect(Object.keys(plain.body!)).toEqual(['data']);
    const all = plain.body?.data as Json[];
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(all.every((token) => ISO_MS.test(token.attributes['created-at']))).toBe(true);

    const paged = await callV2(server.url, 'GET', `${tokensPath()}?page[size]=2`, { token: admin });
    expect((paged.body?.data as Json[]).map((token) => token.id)).toEqual(all.slice(0, 2).map((token) => token.id));
    expect(paged.body?.meta.pagination).toMatchObject({ 'current-page': 1, 'page-size': 2, 'total-count': all.length });
    expect(paged.body?.links.self).toBe(`${server.url}/api/v2${tokensPath()}?page%5Bsize%5D=2&page%5Bnumber%5D=1`);
  });

  it('answers 404 for another user’s id, for both listing and creating', async () => {
    for (const [method, body] of [['GET', undefined], ['POST', resourceDocument({ description: 'Not mine' })]] as const) {
      const response = await callV2(server.url, method, `/users/${awsId}/authentication-tokens`, { token: admin, body });
      expect(response.status).toBe(404);
      expect(response.body?.errors[0]).toMatchObject({ status: '404', title: 'not found' });
    }
    for (const id of ['user-', 'user-!!', 'admin@example.com']) {
      expect((await callV2(server.url, 'GET', `/users/${encodeURIComponent(id)}/authentication-tokens`, { token: admin })).status).toBe(404);
    }
    expect((await callV2(server.url, 'GET', `/users/${awsId}/authentication-tokens`, { token: aws })).status).toBe(200);
  });

  it('keeps each user’s tokens to themselves: another user’s token is not found to read or delete', async () => {
    const { id, secret } = await createUserTokenV2(server.url, aws, { description: 'AWS only' });
    expect((await callV2(server.url, 'GET', `/authentication-tokens/${id}`, { token: admin })).status).toBe(404);
    expect((await callV2(server.url, 'DELETE', `/authentication-tokens/${id}`, { token: admin })).status).toBe(404);
    expect((await callV2(server.url, 'GET', '/account/details', { token: secret })).status).toBe(200);
  });

  it('deletes (204, empty): the token then gets 401 at both surfaces, and is gone from both lists', async () => {
    const { id, secret } = await createUserTokenV2(server.url, admin, { description: 'Revoke me' });
    expect((await call(server.url, 'GET', '/pat/v1', { token: secret })).status).toBe(202);
    const deleted = await callV2(server.url, 'DELETE', `/authentication-tokens/${id}`, { token: admin });
    expect(deleted.status).toBe(204);
    expect(deleted.text).toBe('');
    expect((await callV2(server.url, 'GET', '/account/details', { token: secret })).status).toBe(401);
    expect((await call(server.url, 'GET', '/pat/v1', { token: secret })).status).toBe(401);
    expect((await listAdmin()).map((token) => token.id)).not.toContain(id);
    expect(((await call(server.url, 'GET', '/pat/v1', { token: admin })).body as Json[]).map((row) => `at-${row.id}`)).not.toContain(id);
    expect((await callV2(server.url, 'DELETE', `/authentication-tokens/${id}`, { token: admin })).status).toBe(404);
    expect((await callV2(server.url, 'GET', `/authentication-tokens/${id}`, { token: admin })).status).toBe(404);
  });

  it.each(['at-nope', 'at-00000000-0000-4000-8000-000000000000', '00000000-0000-4000-8000-000000000000'])(
    'answers 404 for token id %s',
    async (id) => {
      expect((await callV2(server.url, 'GET', `/authentication-tokens/${id}`, { token: admin })).status).toBe(404);
      expect((await callV2(server.url, 'DELETE', `/authentication-tokens/${id}`, { token: admin })).status).toBe(404);
    },
  );

  describe('who may generate', () => {
    it('refuses a personal token with 403 and creates nothing', async () => {
      const pat = await generatePat(server.url, admin, 'Cannot mint');
      // Used once already, so that its last use, kept to the minute, is recorded before the snapshot.
      await callV2(server.url, 'GET', '/account/details', { token: pat });
      const before = await listAdmin();
      const response = await callV2(server.url, 'POST', tokensPath(), { token: pat, body: resourceDocument({ description: 'Minted' }) });
      expect(response.status).toBe(403);
      expect(response.body).toEqual({
        errors: [{ status: '403', title: 'forbidden', detail: 'An API token cannot generate tokens. Sign in to the app to generate one.' }],
      });
      expect(await listAdmin()).toEqual(before);
      // It may still list and delete its user's tokens, as on the Terrakube surface.
      expect((await callV2(server.url, 'GET', tokensPath(), { token: pat })).status).toBe(200);
    });

    it('gives a team token no user: 404 for its creator’s tokens', async () => {
      const teamToken = await generateTeamToken(server.url, admin, { group: 'TERRAKUBE_ADMIN', description: 'No user' });
      const { id } = await createUserTokenV2(server.url, admin, { description: 'Out of a team token’s reach' });
      expect((await callV2(server.url, 'GET', tokensPath(), { token: teamToken })).status).toBe(404);
      expect((await callV2(server.url, 'POST', tokensPath(), { token: teamToken, body: resourceDocument({}) })).status).toBe(404);
      expect((await callV2(server.url, 'GET', `/authentication-tokens/${id}`, { token: teamToken })).status).toBe(404);
      expect((await callV2(server.url, 'DELETE', `/authentication-tokens/${id}`, { token: teamToken })).status).toBe(404);
    });
  });

  describe('expiry', () => {
    it('is honoured: the token works until expired-at, then gets 401 at both surfaces', async () => {
      const { secret } = await createUserTokenV2(server.url, admin, { description: 'One hour', 'expired-at': later(HOUR) });
      clock.advance(HOUR - 2000);
      try {
        expect((await callV2(server.url, 'GET', '/account/details', { token: secret })).status).toBe(200);
        clock.advance(3000);
        expect((await callV2(server.url, 'GET', '/account/details', { token: secret })).status).toBe(401);
        expect((await call(server.url, 'GET', '/pat/v1', { token: secret })).status).toBe(401);
      } finally {
        clock.advance(-(HOUR + 1000));
      }
    });

    it('shows on the Terrakube surface as the fewest whole days that reach the expiry', async () => {
      const cases: [number, number][] = [[HOUR, 1], [DAY, 1], [DAY + 1, 2], [3650 * DAY, 3650]];
      for (const [ms, days] of cases) {
        const { id } = await createUserTokenV2(server.url, admin, { description: `In ${ms} ms`, 'expired-at': later(ms) });
        const pat = ((await call(server.url, 'GET', '/pat/v1', { token: admin })).body as Json[]).find((row) => `at-${row.id}` === id);
        expect(pat?.days).toBe(days);
      }
    });

    it.each([
      ['now', 0, 'must be in the future'],
      ['a past date', -DAY, 'must be in the future'],
      ['more than 3650 days ahead', 3650 * DAY + 1000, 'at most 3650 days'],
    ])('refuses %s with 422 and a pointer', async (_case, ms, detail) => {
      const response = await callV2(server.url, 'POST', tokensPath(), { token: admin, body: resourceDocument({ 'expired-at': later(ms) }) });
      expect(response.status).toBe(422);
      expect(response.body?.errors).toEqual([
        { status: '422', title: 'invalid attribute', detail: expect.stringContaining(detail), source: { pointer: '/data/attributes/expired-at' } },
      ]);
    });
  });

  describe('bad requests change nothing', () => {
    it.each([
      ['malformed JSON', { rawBody: '{"data": ' }, 400, undefined, 'not valid JSON'],
      ['a JSON array', { body: [] }, 400, '', 'JSON:API document'],
      // An empty body reads as {}: a document without data.
      ['no body', {}, 400, '/data', 'data must be a resource object'],
      ['an unknown top-level member', { body: { data: { type: 'authentication-tokens' }, extra: 1 } }, 400, '/extra', 'Unknown member "extra"'],
      ['data that is not an object', { body: { data: 'token' } }, 400, '/data', 'resource object'],
      ['data as a list', { body: { data: [] } }, 400, '/data', 'resource object'],
      ['a missing type', { body: { data: { attributes: {} } } }, 400, '/data/type', 'data.type must be "authentication-tokens"'],
      ['a wrong type', { body: resourceDocument({}, 'tokens') }, 400, '/data/type', 'data.type must be'],
      ['a client id', { body: { data: { type: 'authentication-tokens', id: 'at-1' } } }, 400, '/data/id', 'leave out data.id'],
      ['an unknown data member', { body: { data: { type: 'authentication-tokens', relationships: {} } } }, 400, '/data/relationships', 'Unknown member'],
      ['attributes that are not an object', { body: { data: { type: 'authentication-tokens', attributes: [] } } }, 400, '/data/attributes', 'must be an object'],
      ['an unknown attribute', { body: resourceDocument({ expires: 'never' }) }, 422, '/data/attributes/expires', 'Unknown attribute "expires"'],
      ['a blank description', { body: resourceDocument({ description: '  ' }) }, 422, '/data/attributes/description', 'must not be blank'],
      ['a numeric description', { body: resourceDocument({ description: 7 }) }, 422, '/data/attributes/description', 'must be a string'],
      ['a 256-character description', { body: resourceDocument({ description: 'x'.repeat(256) }) }, 422, '/data/attributes/description', 'at most 255'],
      ['a NUL in the description', { body: resourceDocument({ description: 'a\u0000b' }) }, 422, '/data/attributes/description', 'control characters'],
      ['an expiry without a zone', { body: resourceDocument({ 'expired-at': '2030-01-01T00:00:00' }) }, 422, '/data/attributes/expired-at', 'ISO 8601'],
      ['an impossible date', { body: resourceDocument({ 'expired-at': '2030-02-30T00:00:00Z' }) }, 422, '/data/attributes/expired-at', 'ISO 8601'],
      ['an expiry as a number', { body: resourceDocument({ 'expired-at': 1900000000 }) }, 422, '/data/attributes/expired-at', 'ISO 8601'],
    ])('refuses %s', async (_case, request, status, pointer, detail) => {
      const before = await listAdmin();
      const response = await callV2(server.url, 'POST', tokensPath(), { token: admin, ...request });
      expect(response.status).toBe(status);
      expect(response.body?.errors).toEqual([
        {
          status: String(status),
          title: status === 400 ? 'bad request' : 'invalid attribute',
          detail: expect.stringContaining(detail),
          ...(pointer === undefined ? {} : { source: { pointer } }),
        },
      ]);
      expect(await listAdmin()).toEqual(before);
    });

    it.each([
      ['no content type', null],
      ['application/json', 'application/json'],
      ['text/plain', 'text/plain'],
    ])('answers 415 to a POST with %s, and to a DELETE with none', async (_case, contentType) => {
      const body = JSON.stringify(resourceDocument({ description: 'Wrong type' }));
      const response = await callV2(server.url, 'POST', tokensPath(), { token: admin, rawBody: body, contentType });
      expect(response.status).toBe(415);
      expect(response.body?.errors[0]).toMatchObject({ status: '415', title: 'unsupported media type', detail: expect.stringContaining(JSON_API) });
      const { id } = await createUserTokenV2(server.url, admin, { description: 'Kept' });
      expect((await callV2(server.url, 'DELETE', `/authentication-tokens/${id}`, { token: admin, contentType })).status).toBe(415);
      expect((await callV2(server.url, 'GET', `/authentication-tokens/${id}`, { token: admin })).status).toBe(200);
    });

    it('accepts the JSON:API type with a charset, refuses an unsupported charset with 415', async () => {
      const body = resourceDocument({ description: 'With charset' });
      expect((await callV2(server.url, 'POST', tokensPath(), { token: admin, body, contentType: `${JSON_API}; charset=utf-8` })).status).toBe(201);
      const latin1 = await callV2(server.url, 'POST', tokensPath(), { token: admin, body, contentType: `${JSON_API}; charset=latin1` });
      expect(latin1.status).toBe(415);
      expect(latin1.body?.errors[0].detail).toContain('unsupported charset');
    });

    it('refuses a body over 10 kB with 413', async () => {
      const before = await listAdmin();
      const response = await callV2(server.url, 'POST', tokensPath(), {
        token: admin,
        body: resourceDocument({ description: 'x', padding: 'x'.repeat(10_240) }),
      });
      expect(response.status).toBe(413);
      expect(response.body?.errors[0]).toMatchObject({ status: '413', title: 'payload too large' });
      expect(await listAdmin()).toEqual(before);
    });
  });
});
