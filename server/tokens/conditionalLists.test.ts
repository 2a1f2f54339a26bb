import { decodeJwt } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, generatePat, generateTeamToken } from '../test/api';
import { conditionalGet, type ConditionalAnswer } from '../test/conditionalGet';
import { signIn } from '../test/signIn';
import { createUserTokenV2, userIdOfCaller } from '../test/tfeApi';
import { describeOnEachBackend, useTestServer, TestClock } from '../test/testServer';

const MINUTE = 60_000;

/** The headers a full answer and its 304 share. */
const validators = (answer: ConditionalAnswer) => ({
  etag: answer.headers.etag,
  'cache-control': answer.headers['cache-control'],
  vary: answer.headers.vary,
});

describeOnEachBackend('token lists answer with ETags and 304s', (backend) => {
  const clock = new TestClock();
  const server = useTestServer(backend, {}, clock);
  let admin: string;
  let aws: string;
  let lists: { name: string; path: string; status: number }[];

  const get = (path: string, token: string, headers: Record<string, string> = {}) =>
    conditionalGet(server.url, path, { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip', ...headers });

  beforeAll(async () => {
    [admin, aws] = (await Promise.all([signIn(server.url, 'admin@example.com'), signIn(server.url, 'aws@example.com')])).map(
      (tokens) => tokens.accessToken,
    ) as [string, string];
    const adminId = await userIdOfCaller(server.url, admin);
    // Enough tokens in each list to be compressed (an answer under 1 KB is sent as it is).
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8]) {
      await generatePat(server.url, admin, `Laptop ${n}`);
      await generateTeamToken(server.url, admin, { group: 'TERRAKUBE_ADMIN', description: `Pipeline ${n}` });
    }
    await createUserTokenV2(server.url, admin, { description: 'CLI' });
    const v2 = `/api/v2/users/${adminId}/authentication-tokens`;
    lists = [
      { name: 'Terrakube personal tokens', path: '/pat/v1', status: 202 },
      { name: 'Terrakube team tokens', path: '/access-token/v1/teams', status: 202 },
      { name: '/api/v2 user tokens', path: v2, status: 200 },
      { name: '/api/v2 user tokens, a page', path: `${v2}?page%5Bnumber%5D=1&page%5Bsize%5D=100`, status: 200 },
      { name: '/api/v2 team tokens', path: '/api/v2/organizations/simple/team-tokens', status: 200 },
      { name: '/api/v2 team tokens by status', path: '/api/v2/organizations/simple/team-tokens?filter%5Bstatus%5D=active', status: 200 },
    ];
  });

  it('answers each list with a strong ETag, private no-cache, and Vary on Authorization and Accept-Encoding', async () => {
    for (const { name, path, status } of lists) {
      const answer = await get(path, admin);
      expect(answer.status, name).toBe(status);
      expect(answer.headers.etag, name).toMatch(/^"[A-Za-z0-9_-]{27}-gzip"$/);
      expect(answer.headers['cache-control'], name).toBe('private, no-cache');
      expect(answer.headers.vary?.split(/\s*,\s*/), name).toEqual(expect.arrayContaining(['Authorization', 'Accept-Encoding']));
      expect(answer.headers['content-encoding'], name).toBe('gzip');
      expect(Number(answer.headers['content-length']), name).toBe(answer.raw.length);
    }
  });

  it('answers a refetch naming the ETag with a 304 without a body, with the same ETag, Cache-Control and Vary', async () => {
    for (const { name, path } of lists) {
      const full = await get(path, admin);
      const again = await get(path, admin, { 'if-none-match': full.headers.etag! });
      expect(again.status, name).toBe(304);
      expect(again.raw.length, name).toBe(0);
      expect(validators(again), name).toEqual(validators(full));
      expect(again.headers['content-encoding'], name).toBeUndefined();
    }
  });

  it('compares If-None-Match weakly, takes lists and *, and ignores a value that does not parse', async () => {
    const { headers } = await get('/pat/v1', admin);
    const etag = headers.etag!;
    const statusWith = async (ifNoneMatch: string) => (await get('/pat/v1', admin, { 'if-none-match': ifNoneMatch })).status;
    expect(await statusWith(`W/${etag}`)).toBe(304);
    expect(await statusWith(`"other", ${etag}`)).toBe(304);
    expect(await statusWith(` "a" ,, W/"b", ${etag} `)).toBe(304);
    expect(await statusWith('*')).toBe(304);
    expect(await statusWith('"other"')).toBe(202);
    expect(await statusWith(etag.slice(1, -1))).toBe(202);
    expect(await statusWith(`${etag}, garbage`)).toBe(202);
    expect(await statusWith('')).toBe(202);
    // The same list in another coding is another representation, with its own ETag.
    const plain = await get('/pat/v1', admin, { 'accept-encoding': 'identity' });
    expect(plain.headers.etag).toBe(etag.replace(/-gzip"$/, '"'));
    expect((await get('/pat/v1', admin, { 'accept-encoding': 'identity', 'if-none-match': etag })).status).toBe(202);
  });

  it('sends brotli, gzip or the plain bytes as Accept-Encoding asks, the same list in each', async () => {
    const answers = {
      br: await get('/pat/v1', admin, { 'accept-encoding': 'gzip, deflate, br' }),
      gzip: await get('/pat/v1', admin, { 'accept-encoding': 'br;q=0.5, gzip' }),
      identity: await get('/pat/v1', admin, { 'accept-encoding': 'identity' }),
      refused: await get('/pat/v1', admin, { 'accept-encoding': 'br;q=0, gzip;q=0' }),
      deflateOnly: await get('/pat/v1', admin, { 'accept-encoding': 'deflate' }),
      none: await conditionalGet(server.url, '/pat/v1', { authorization: `Bearer ${admin}` }),
    };
    expect(answers.br.headers['content-encoding']).toBe('br');
    expect(answers.gzip.headers['content-encoding']).toBe('gzip');
    for (const plain of [answers.identity, answers.refused, answers.deflateOnly, answers.none]) {
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers.etag).toBe(answers.identity.headers.etag);
    }
    for (const answer of Object.values(answers)) expect(answer.json).toEqual(answers.identity.json);
    expect(new Set(Object.values(answers).map((answer) => answer.headers.etag)).size).toBe(3);
  });

  it('answers another person at the same URL with their own list, never a 304 for the first one’s ETag', async () => {
    for (const path of ['/pat/v1', '/access-token/v1/teams']) {
      const own = await get(path, admin);
      const other = await get(path, aws, { 'if-none-match': own.headers.etag! });
      expect(other.status).toBe(202);
      expect(other.json).not.toEqual(own.json);
    }
  });

  describe('a change to the tokens changes the answer at once', () => {
    type Listed = { id: string; lastUsedDate?: string | null }[];
    const changes = async (path: string, change: () => Promise<unknown>): Promise<{ before: Listed; after: Listed }> => {
      const before = await get(path, admin);
      await change();
      const after = await get(path, admin, { 'if-none-match': before.headers.etag! });
      expect(after.status).not.toBe(304);
      expect(after.headers.etag).not.toBe(before.headers.etag);
      return { before: before.json as Listed, after: after.json as Listed };
    };

    it('a generate and a delete, on either surface', async () => {
      let secret = '';
      const generated = await changes('/pat/v1', async () => (secret = await generatePat(server.url, admin, 'New')));
      const id = decodeJwt(secret).jti!;
      expect(generated.after.map((token) => token.id)).toContain(id);
      const deleted = await changes('/pat/v1', () => call(server.url, 'DELETE', `/pat/v1/${id}`, { token: admin }));
      expect(deleted.after.map((token) => token.id)).not.toContain(id);
      const team = await changes('/access-token/v1/teams', () => generateTeamToken(server.url, admin, { group: 'TERRAKUBE_ADMIN', description: 'More' }));
      expect(team.after).toHaveLength(team.before.length + 1);
    });

    it('a token’s last use, which the list shows', async () => {
      const secret = await generatePat(server.url, admin, 'Used');
      const id = decodeJwt(secret).jti!;
      clock.advance(MINUTE);
      const used = await changes('/pat/v1', () => call(server.url, 'GET', '/access-token/v1/teams/current-teams', { token: secret }));
      expect(used.after.find((token) => token.id === id)?.lastUsedDate).not.toBeNull();
      // A use within the minute records nothing: the list, and its ETag, stay as they were.
      const { headers } = await get('/pat/v1', admin);
      await call(server.url, 'GET', '/access-token/v1/teams/current-teams', { token: secret });
      expect((await get('/pat/v1', admin, { 'if-none-match': headers.etag! })).status).toBe(304);
    });
  });

  it('keeps no-store, and sends no ETag, on answers that are not lists, above all those with a secret', async () => {
    const generated = await call(server.url, 'POST', '/pat/v1', { token: admin, body: { description: 'Secret', days: 1 } });
    expect(generated.status).toBe(201);
    expect(generated.headers.get('cache-control')).toBe('no-store');
    expect(generated.headers.get('etag')).toBeNull();
    const groups = await call(server.url, 'GET', '/access-token/v1/teams/current-teams', { token: admin });
    expect(groups.headers.get('cache-control')).toBe('no-store');
    const refused = await get('/pat/v1', 'not-a-token');
    expect(refused.status).toBe(401);
    expect(refused.headers['cache-control']).toBe('no-store');
    expect(refused.headers.etag).toBeUndefined();
  });
});
