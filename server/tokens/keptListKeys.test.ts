import { decodeJwt } from 'jose';
import { beforeAll, expect, it } from 'vitest';
import { generateTeamToken } from '../test/api';
import { conditionalGet } from '../test/conditionalGet';
import { rawRequest } from '../test/rawHttp';
import { signIn } from '../test/signIn';
import { callV2 } from '../test/tfeApi';
import { describeOnEachBackend, useTestServer, TestClock } from '../test/testServer';

const MINUTE = 60_000;
const TEAM_TOKENS = '/api/v2/organizations/simple/team-tokens';

/** Each query and each person has its own kept answer; time passing changes only the answers that depend on it. */
describeOnEachBackend('kept token lists are kept per query and per person', (backend) => {
  const clock = new TestClock();
  const server = useTestServer(backend, {}, clock);
  let admin: string;
  let aws: string;

  const get = (path: string, token: string, headers: Record<string, string> = {}) =>
    conditionalGet(server.url, path, { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip', ...headers });
  const idsOf = (answer: { json: unknown }) => (answer.json as { data: { id: string }[] }).data.map((token) => token.id);

  beforeAll(async () => {
    [admin, aws] = (await Promise.all([signIn(server.url, 'admin@example.com'), signIn(server.url, 'aws@example.com')])).map(
      (tokens) => tokens.accessToken,
    ) as [string, string];
    for (const [group, days] of [['TERRAKUBE_ADMIN', 1], ['TERRAKUBE_DEVELOPERS', 0], ['TERRAKUBE_ADMIN', 30]] as const) {
      await generateTeamToken(server.url, admin, { group, description: `${group} ${days}`, days });
    }
    await generateTeamToken(server.url, aws, { group: 'AWS_DEVELOPERS', description: 'AWS pipeline' });
  });

  it('gives every page, sort and search of a list its own answer and ETag', async () => {
    const queries = ['', '?sort=expired-at', '?sort=-expired-at', '?page%5Bsize%5D=1', '?page%5Bnumber%5D=2&page%5Bsize%5D=1', '?q=developers'];
    const answers = [];
    for (const query of queries) answers.push(await get(`${TEAM_TOKENS}${query}`, admin));
    // The default order is the expiry's; the links (which name the query) still tell the answers apart.
    expect(idsOf(answers[2]!)).toEqual([...idsOf(answers[1]!)].reverse());
    expect(idsOf(answers[3]!)).not.toEqual(idsOf(answers[4]!));
    expect(idsOf(answers[5]!)).toHaveLength(1);
    expect(new Set(answers.map((answer) => answer.headers.etag)).size).toBe(queries.length);
    for (const [index, query] of queries.entries()) {
      const own = answers[index]!.headers.etag!;
      expect((await get(`${TEAM_TOKENS}${query}`, admin, { 'if-none-match': own })).status, query).toBe(304);
      const other = answers[(index + 1) % queries.length]!.headers.etag!;
      expect((await get(`${TEAM_TOKENS}${query}`, admin, { 'if-none-match': other })).status, query).toBe(200);
    }
  });

  it('answers another person with other teams at the same URL with their own list', async () => {
    const own = await get(TEAM_TOKENS, admin);
    const other = await get(TEAM_TOKENS, aws, { 'if-none-match': own.headers.etag! });
    expect(other.status).toBe(200);
    expect(idsOf(other)).toHaveLength(1);
    expect(idsOf(own)).not.toContain(idsOf(other)[0]);
  });

  it('shows a bulk delete at once', async () => {
    const before = await get(TEAM_TOKENS, admin);
    const gone = idsOf(before).slice(0, 2);
    const deleted = await callV2(server.url, 'DELETE', '/organizations/simple/team-tokens', {
      token: admin,
      body: { data: gone.map((id) => ({ type: 'authentication-tokens', id })) },
    });
    expect(deleted.status).toBe(204);
    const after = await get(TEAM_TOKENS, admin, { 'if-none-match': before.headers.etag! });
    expect(after.status).toBe(200);
    expect(idsOf(after)).toEqual(idsOf(before).slice(2));
  });

  it('changes a status filter’s answer as time passes, and only that answer', async () => {
    const id = decodeJwt(await generateTeamToken(server.url, admin, { group: 'TERRAKUBE_ADMIN', description: 'Short', minutes: 5 })).jti!;
    const active = `${TEAM_TOKENS}?filter%5Bstatus%5D=active`;
    const [all, live] = [await get(TEAM_TOKENS, admin), await get(active, admin)];
    expect(idsOf(live)).toContain(`at-${id}`);
    clock.advance(6 * MINUTE);
    expect((await get(TEAM_TOKENS, admin, { 'if-none-match': all.headers.etag! })).status).toBe(304);
    const expired = await get(active, admin, { 'if-none-match': live.headers.etag! });
    expect(expired.status).toBe(200);
    expect(idsOf(expired)).not.toContain(`at-${id}`);
  });

  it('reads a huge or odd If-None-Match as no match, never an error', async () => {
    const { headers } = await get('/pat/v1', admin);
    const many = Array.from({ length: 700 }, (_, n) => `"${'x'.repeat(8)}${n}"`).join(', ');
    expect((await get('/pat/v1', admin, { 'if-none-match': many })).status).toBe(202);
    expect((await get('/pat/v1', admin, { 'if-none-match': `${many}, ${headers.etag!}` })).status).toBe(304);
    for (const odd of ['W/', '"', '"\u00ff\u00fe"', `${headers.etag!}"`, 'W/W/"x"', ',,,,']) {
      const answer = await rawRequest(server.url, {
        path: '/pat/v1',
        headers: { authorization: `Bearer ${admin}`, 'accept-encoding': 'gzip', 'if-none-match': odd },
      });
      expect(answer.status, odd).toBe(202);
    }
  });

  it('answers HEAD with the ETag and no body, and a 304 when it matches', async () => {
    const head = await rawRequest(server.url, { method: 'HEAD', path: '/pat/v1', headers: { authorization: `Bearer ${admin}` } });
    expect(head.status).toBe(202);
    expect(head.body).toBe('');
    const again = await rawRequest(server.url, {
      method: 'HEAD',
      path: '/pat/v1',
      headers: { authorization: `Bearer ${admin}`, 'if-none-match': String(head.headers.etag) },
    });
    expect(again.status).toBe(304);
  });
});
