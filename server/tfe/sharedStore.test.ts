import { decodeJwt } from 'jose';
import { beforeAll, expect, it } from 'vitest';
import { call, generatePat, generateTeamToken } from '../test/api';
import { signIn } from '../test/signIn';
import { callV2, createTeamTokenV2, createUserTokenV2, TEAM_IDS, type Json } from '../test/tfeApi';
import { describeOnEachBackend, useTestServer, TEST_TOKEN_SIGNING_KEY, TestClock } from '../test/testServer';
import { signIssuedToken } from '../tokens/issuedTokens';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** The Terrakube surface and `/api/v2` over one store: what one makes, the other lists, accepts and revokes. */
describeOnEachBackend('one token store behind both surfaces', (backend) => {
  const clock = new TestClock();
  const server = useTestServer(backend, { tokenSigningKey: TEST_TOKEN_SIGNING_KEY }, clock);
  let admin: string;
  let adminId: string;

  const v2Token = async (id: string) => (await callV2(server.url, 'GET', `/authentication-tokens/at-${id}`, { token: admin })).body?.data;
  const v2UserTokens = async () => (await callV2(server.url, 'GET', `/users/${adminId}/authentication-tokens`, { token: admin })).body?.data as Json[];
  const v2TeamTokens = async () =>
    (await callV2(server.url, 'GET', '/organizations/simple/team-tokens?page[size]=100', { token: admin })).body?.data as Json[];
  const pats = async () => (await call(server.url, 'GET', '/pat/v1', { token: admin })).body as Json[];
  const groups = async () => (await call(server.url, 'GET', '/access-token/v1/teams', { token: admin })).body as Json[];
  const statusAt = async (secret: string) => [
    (await call(server.url, 'GET', '/access-token/v1/teams/current-teams', { token: secret })).status,
    (await callV2(server.url, 'GET', '/account/details', { token: secret })).status,
  ];

  beforeAll(async () => {
    admin = (await signIn(server.url, 'admin@example.com')).accessToken;
    adminId = (await callV2(server.url, 'GET', '/account/details', { token: admin })).body?.data.id;
  });

  it('shows a personal token made on the Terrakube surface on /api/v2, with its expiry, and accepts it there', async () => {
    const secret = await generatePat(server.url, admin, 'From Terrakube', 30);
    const id = decodeJwt(secret).jti!;
    const expected = new Date(clock.now().getTime() + 30 * DAY).toISOString();
    expect(await v2Token(id)).toMatchObject({ attributes: { description: 'From Terrakube', 'expired-at': expected } });
    expect((await v2UserTokens()).map((row) => row.id)).toContain(`at-${id}`);
    expect(await statusAt(secret)).toEqual([202, 200]);
  });

  it('shows a team token made on the Terrakube surface on /api/v2, with its team and expiry', async () => {
    const secret = await generateTeamToken(server.url, admin, { group: 'TERRAKUBE_DEVELOPERS', description: 'From Terrakube', days: 1, hours: 2, minutes: 3 });
    const id = decodeJwt(secret).jti!;
    const expected = new Date(clock.now().getTime() + DAY + 123 * MINUTE).toISOString();
    const listed = (await v2TeamTokens()).find((row) => row.id === `at-${id}`);
    expect(listed).toMatchObject({
      attributes: { description: 'From Terrakube', 'expired-at': expected },
      relationships: { team: { data: { type: 'teams', id: TEAM_IDS.TERRAKUBE_DEVELOPERS } } },
    });
    expect(await statusAt(secret)).toEqual([202, 200]);
  });

  it('shows tokens made on /api/v2 on the Terrakube surface, and accepts them there', async () => {
    const personal = await createUserTokenV2(server.url, admin, { description: 'From HCP', 'expired-at': new Date(clock.now().getTime() + 7 * DAY).toISOString() });
    expect((await pats()).find((row) => `at-${row.id}` === personal.id)).toMatchObject({ description: 'From HCP', days: 7 });
    const team = await createTeamTokenV2(server.url, admin, TEAM_IDS.TERRAKUBE_ADMIN, { description: 'From HCP', 'expired-at': null });
    expect((await groups()).find((row) => `at-${row.id}` === team.id)).toMatchObject({
      group: 'TERRAKUBE_ADMIN',
      description: 'From HCP',
      days: 0,
      hours: 0,
      minutes: 0,
    });
    expect(await statusAt(personal.secret)).toEqual([202, 200]);
    expect(await statusAt(team.secret)).toEqual([202, 200]);
  });

  it('revokes for both when either surface deletes', async () => {
    const madeOnTerrakube = await generatePat(server.url, admin, 'Deleted on HCP');
    expect((await callV2(server.url, 'DELETE', `/authentication-tokens/at-${decodeJwt(madeOnTerrakube).jti}`, { token: admin })).status).toBe(204);
    expect(await statusAt(madeOnTerrakube)).toEqual([401, 401]);

    const madeOnHcp = await createTeamTokenV2(server.url, admin, TEAM_IDS.TERRAKUBE_ADMIN, { description: 'Deleted on Terrakube' });
    expect((await call(server.url, 'DELETE', `/access-token/v1/teams/${madeOnHcp.id.slice(3)}`, { token: admin })).status).toBe(202);
    expect(await statusAt(madeOnHcp.secret)).toEqual([401, 401]);
    expect((await v2TeamTokens()).map((row) => row.id)).not.toContain(madeOnHcp.id);
    expect((await groups()).map((row) => `at-${row.id}`)).not.toContain(madeOnHcp.id);
  });

  it('expires a Terrakube token at the same moment on both surfaces', async () => {
    const secret = await generateTeamToken(server.url, admin, { group: 'TERRAKUBE_ADMIN', description: 'Two minutes', minutes: 2 });
    clock.advance(2 * MINUTE - 1000);
    try {
      expect(await statusAt(secret)).toEqual([202, 200]);
      clock.advance(2000);
      expect(await statusAt(secret)).toEqual([401, 401]);
    } finally {
      clock.advance(-(2 * MINUTE + 1000));
    }
  });

  it('expires an /api/v2 token at its expired-at, not at the end of its rounded Terrakube duration', async () => {
    // 90 seconds: the Terrakube surface shows 2 minutes, but the token stops at 90 seconds everywhere.
    const expiredAt = new Date(clock.now().getTime() + 90_000).toISOString();
    const { id, secret } = await createTeamTokenV2(server.url, admin, TEAM_IDS.TERRAKUBE_ADMIN, { description: 'Ninety seconds', 'expired-at': expiredAt });
    expect((await groups()).find((row) => `at-${row.id}` === id)).toMatchObject({ days: 0, hours: 0, minutes: 2 });
    // The same row without an exp claim: only the row's expiry can stop it.
    const withoutExp = await signIssuedToken(TEST_TOKEN_SIGNING_KEY, {
      id: id.slice(3),
      subject: 'TERRAKUBE_ADMIN (Team Token)',
      name: 'TERRAKUBE_ADMIN (Token)',
      email: 'admin@example.com',
      groups: ['TERRAKUBE_ADMIN'],
      issuedAt: clock.now(),
      expiresAt: null,
    });
    expect(await statusAt(withoutExp)).toEqual([202, 200]);
    clock.advance(91_000);
    try {
      expect(await statusAt(secret)).toEqual([401, 401]);
      expect(await statusAt(withoutExp)).toEqual([401, 401]);
      expect((await v2Token(id.slice(3)))?.attributes['expired-at']).toBe(expiredAt);
    } finally {
      clock.advance(-91_000);
    }
  });
});
