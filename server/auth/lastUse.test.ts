import { decodeJwt } from 'jose';
import { beforeAll, expect, it } from 'vitest';
import { call, generatePat, generateTeamToken } from '../test/api';
import { accessTokensOf } from '../test/signIn';
import { callV2, createTeamTokenV2, TEAM_IDS, type Json } from '../test/tfeApi';
import { describeOnEachBackend, TestClock, useTestServer } from '../test/testServer';
import { formatTerrakubeDate } from '../tokens/terrakubeDate';

const MINUTE = 60_000;

/** When each issued token was last used, as both surfaces list it, and what counts as a use. */
describeOnEachBackend('the last use of issued tokens', (backend) => {
  const clock = new TestClock();
  const server = useTestServer(backend, {}, clock);
  let admin: string;
  let gcp: string;

  beforeAll(async () => {
    [admin, gcp] = (await accessTokensOf(server.url, 'admin@example.com', 'gcp@example.com')) as [string, string];
  });

  const listed = async (signIn: string, path: string, id: string) =>
    ((await call(server.url, 'GET', path, { token: signIn })).body as Json[]).find((row) => row.id === id);
  const v2Shown = async (signIn: string, id: string) =>
    (await callV2(server.url, 'GET', `/authentication-tokens/at-${id}`, { token: signIn })).body?.data.attributes['last-used-at'];
  const v2Listed = async (signIn: string, path: string, id: string) =>
    ((await callV2(server.url, 'GET', path, { token: signIn })).body?.data as Json[]).find((row) => row.id === `at-${id}`)?.attributes[
      'last-used-at'
    ];

  /** A personal and a team token of admin, and where each is listed on either surface. */
  const KINDS = [
    {
      kind: 'personal',
      make: () => generatePat(server.url, admin, 'Laptop'),
      terrakubeList: '/pat/v1',
      v2List: '/users/user-YWRtaW5AZXhhbXBsZS5jb20/authentication-tokens',
    },
    {
      kind: 'team',
      make: () => generateTeamToken(server.url, admin, { group: 'TERRAKUBE_ADMIN', description: 'Pipeline' }),
      terrakubeList: '/access-token/v1/teams',
      v2List: '/organizations/simple/team-tokens?page[size]=100',
    },
  ];

  /** When the token `id` was last used, as each surface says: [Terrakube list, /api/v2 show, /api/v2 list]. */
  const lastUseOf = async (kind: (typeof KINDS)[number], id: string) => [
    (await listed(admin, kind.terrakubeList, id))?.lastUsedDate,
    await v2Shown(admin, id),
    await v2Listed(admin, kind.v2List, id),
  ];
  const at = (date: Date) => [formatTerrakubeDate(date), date.toISOString(), date.toISOString()];
  const NEVER = [null, null, null];

  it.each(KINDS)('lists a new $kind token as never used, and a use, to the minute, on both surfaces', async (kind) => {
    const secret = await kind.make();
    const id = decodeJwt(secret).jti!;
    expect(await lastUseOf(kind, id)).toEqual(NEVER);

    const firstUse = clock.now();
    expect((await callV2(server.url, 'GET', '/account/details', { token: secret })).status).toBe(200);
    expect(await lastUseOf(kind, id)).toEqual(at(firstUse));

    // Another use within the minute, at either surface, leaves it as it was.
    clock.advance(MINUTE - 1);
    expect((await call(server.url, 'GET', '/access-token/v1/teams/current-teams', { token: secret })).status).toBe(202);
    expect((await callV2(server.url, 'GET', '/account/details', { token: secret })).status).toBe(200);
    expect(await lastUseOf(kind, id)).toEqual(at(firstUse));

    // A minute after the recorded use, the next one is recorded.
    clock.advance(1);
    const secondUse = clock.now();
    expect((await call(server.url, 'GET', '/access-token/v1/teams/current-teams', { token: secret })).status).toBe(202);
    expect(await lastUseOf(kind, id)).toEqual(at(secondUse));
    clock.advance(MINUTE);
  });

  it('shows the use that authenticates a listing in that listing, in Terrakube’s date format', async () => {
    const secret = await generatePat(server.url, admin, 'Lists itself');
    const id = decodeJwt(secret).jti!;
    const list = await call(server.url, 'GET', '/pat/v1', { token: secret });
    expect(list.status).toBe(202);
    expect((list.body as Json[]).find((row) => row.id === id)?.lastUsedDate).toBe(formatTerrakubeDate(clock.now()));
    expect((list.body as Json[]).find((row) => row.id === id)?.lastUsedDate).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$/);
    clock.advance(MINUTE);
  });

  it('records a use of one token only: the others stay as they were', async () => {
    const [used, untouched] = [await KINDS[0]!.make(), await KINDS[0]!.make()];
    const team = await createTeamTokenV2(server.url, admin, TEAM_IDS.TERRAKUBE_ADMIN, { description: 'Untouched team token' });
    expect(team.resource.attributes['last-used-at']).toBeNull();
    expect((await callV2(server.url, 'GET', '/account/details', { token: used })).status).toBe(200);
    expect(await lastUseOf(KINDS[0]!, decodeJwt(used).jti!)).toEqual(at(clock.now()));
    expect(await lastUseOf(KINDS[0]!, decodeJwt(untouched).jti!)).toEqual(NEVER);
    expect(await lastUseOf(KINDS[1]!, team.id.slice(3))).toEqual(NEVER);
    clock.advance(MINUTE);
  });

  it('records nothing for an expired token, used or not before it expired', async () => {
    const used = await generateTeamToken(server.url, admin, { group: 'TERRAKUBE_ADMIN', description: 'Used, then expired', minutes: 1 });
    const unused = await generateTeamToken(server.url, admin, { group: 'TERRAKUBE_ADMIN', description: 'Expired unused', minutes: 1 });
    const usedAt = clock.now();
    expect((await callV2(server.url, 'GET', '/account/details', { token: used })).status).toBe(200);
    clock.advance(2 * MINUTE);
    for (const secret of [used, unused]) {
      expect((await callV2(server.url, 'GET', '/account/details', { token: secret })).status).toBe(401);
      expect((await call(server.url, 'GET', '/access-token/v1/teams/current-teams', { token: secret })).status).toBe(401);
    }
    // Still listed on the Terrakube surface, as expired tokens are, with the use from before.
    expect((await listed(admin, '/access-token/v1/teams', decodeJwt(used).jti!))?.lastUsedDate).toBe(formatTerrakubeDate(usedAt));
    expect((await listed(admin, '/access-token/v1/teams', decodeJwt(unused).jti!))?.lastUsedDate).toBeNull();
    expect(await v2Shown(admin, decodeJwt(used).jti!)).toBe(usedAt.toISOString());
  });

  it('records nothing for a sign-in: its requests leave every token of the person never used', async () => {
    const pat = decodeJwt(await generatePat(server.url, gcp, 'Never used')).jti!;
    const team = decodeJwt(await generateTeamToken(server.url, gcp, { group: 'GCP_DEVELOPERS', description: 'Never used' })).jti!;
    for (let minute = 0; minute < 3; minute += 1) {
      expect((await call(server.url, 'GET', '/access-token/v1/teams/current-teams', { token: gcp })).status).toBe(202);
      expect((await callV2(server.url, 'GET', '/account/details', { token: gcp })).status).toBe(200);
      clock.advance(MINUTE);
    }
    expect((await listed(gcp, '/pat/v1', pat))?.lastUsedDate).toBeNull();
    expect((await listed(gcp, '/access-token/v1/teams', team))?.lastUsedDate).toBeNull();
    expect(await v2Shown(gcp, pat)).toBeNull();
    expect(await v2Shown(gcp, team)).toBeNull();
  });

  it('sorts team tokens by last use: most recent first with never used last, or the reverse', async () => {
    type Made = Awaited<ReturnType<typeof createTeamTokenV2>>;
    const made: Made[] = [];
    for (const description of ['Used second', 'Not used', 'Used first']) {
      made.push(await createTeamTokenV2(server.url, gcp, TEAM_IDS.GCP_DEVELOPERS, { description }));
      clock.advance(1);
    }
    const [second, never, first] = made as [Made, Made, Made];
    expect((await callV2(server.url, 'GET', '/account/details', { token: first.secret })).status).toBe(200);
    clock.advance(2 * MINUTE);
    expect((await callV2(server.url, 'GET', '/account/details', { token: second.secret })).status).toBe(200);
    const order = async (sort: string) => {
      const response = await callV2(server.url, 'GET', `/organizations/simple/team-tokens?sort=${sort}&q=GCP`, { token: gcp });
      return (response.body?.data as Json[]).filter((row) => made.some((token) => token.id === row.id)).map((row) => row.attributes.description);
    };
    expect(await order('-last-used-at')).toEqual(['Used second', 'Used first', 'Not used']);
    expect(await order('last-used-at')).toEqual(['Not used', 'Used first', 'Used second']);
    expect(never.resource.attributes['last-used-at']).toBeNull();
  });
});
