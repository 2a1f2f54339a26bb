import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../app';
import { call, generatePat, generateTeamToken } from '../test/api';
import { signIn } from '../test/signIn';
import { callV2 } from '../test/tfeApi';
import { describeOnEachBackend, useTestServer, createTestStorage, startTestServer, TEST_TOKEN_SIGNING_KEY, TestClock, type TestStorage } from '../test/testServer';
import { signIssuedToken } from '../tokens/issuedTokens';

/** `secret` signed again with the server's key, keeping its id and dates, claiming to be admin@example.com. */
async function claimingToBeAdmin(secret: string, groups = ['TERRAKUBE_ADMIN', 'TERRAKUBE_DEVELOPERS']): Promise<string> {
  const claims = decodeJwt(secret);
  return signIssuedToken(TEST_TOKEN_SIGNING_KEY, {
    id: claims.jti!,
    subject: 'Admin User (Token)',
    name: 'Admin User (Token)',
    email: 'admin@example.com',
    groups,
    issuedAt: new Date(claims.iat! * 1000),
    expiresAt: claims.exp ? new Date(claims.exp * 1000) : null,
  });
}

const idOf = (secret: string) => decodeJwt(secret).jti!;
const idsIn = (body: unknown) => (body as { id: string }[]).map((token) => token.id);

/** Who an issued token acts as comes from its row; its claims, even correctly signed, change nothing. */
describeOnEachBackend('the identity of an issued token', (backend) => {
  const clock = new TestClock();
  const server = useTestServer(backend, { tokenSigningKey: TEST_TOKEN_SIGNING_KEY }, clock);
  let adminPat: string;
  let adminTeamToken: string;
  let awsPat: string;
  let awsTeamToken: string;

  beforeAll(async () => {
    const admin = (await signIn(server.url, 'admin@example.com')).accessToken;
    const aws = (await signIn(server.url, 'aws@example.com')).accessToken;
    adminPat = await generatePat(server.url, admin, 'Admin own');
    adminTeamToken = await generateTeamToken(server.url, admin, { group: 'TERRAKUBE_ADMIN', description: 'Admin team' });
    awsPat = await generatePat(server.url, aws, 'AWS own');
    awsTeamToken = await generateTeamToken(server.url, aws, { group: 'AWS_DEVELOPERS', description: 'AWS team' });
  });

  it('a genuine personal token acts as its maker, with the groups they had', async () => {
    expect((await call(server.url, 'GET', '/access-token/v1/teams/current-teams', { token: awsPat })).body).toEqual({ groups: ['AWS_DEVELOPERS'] });
    expect((await call(server.url, 'GET', '/access-token/v1/teams/current-teams', { token: adminPat })).body).toEqual({
      groups: ['TERRAKUBE_ADMIN', 'TERRAKUBE_DEVELOPERS'],
    });
    expect((await callV2(server.url, 'GET', '/account/details', { token: awsPat })).body?.data.attributes.email).toBe('aws@example.com');
  });

  it('a personal token re-signed with someone else’s email and groups still acts as its maker', async () => {
    const forged = await claimingToBeAdmin(awsPat);
    expect((await call(server.url, 'GET', '/access-token/v1/teams/current-teams', { token: forged })).body).toEqual({ groups: ['AWS_DEVELOPERS'] });
    expect(idsIn((await call(server.url, 'GET', '/pat/v1', { token: forged })).body)).toEqual([idOf(awsPat)]);
    expect(idsIn((await call(server.url, 'GET', '/access-token/v1/teams', { token: forged })).body)).toEqual([idOf(awsTeamToken)]);
    expect((await callV2(server.url, 'GET', '/account/details', { token: forged })).body?.data.attributes.email).toBe('aws@example.com');
    const v2Admin = await callV2(server.url, 'GET', `/authentication-tokens/at-${idOf(adminPat)}`, { token: forged });
    expect(v2Admin.status).toBe(404);
  });

  it('cannot delete the tokens of the person it claims to be', async () => {
    const forged = await claimingToBeAdmin(awsPat);
    expect((await call(server.url, 'DELETE', `/pat/v1/${idOf(adminPat)}`, { token: forged })).status).toBe(404);
    expect((await call(server.url, 'DELETE', `/access-token/v1/teams/${idOf(adminTeamToken)}`, { token: forged })).status).toBe(404);
    expect((await callV2(server.url, 'DELETE', `/authentication-tokens/at-${idOf(adminTeamToken)}`, { token: forged })).status).toBe(404);
    expect((await call(server.url, 'GET', '/access-token/v1/teams/current-teams', { token: adminPat })).status).toBe(202);
    expect((await call(server.url, 'GET', '/access-token/v1/teams/current-teams', { token: adminTeamToken })).status).toBe(202);
  });

  it('a team token re-signed with other groups still acts for its one team only', async () => {
    const forged = await claimingToBeAdmin(awsTeamToken, ['TERRAKUBE_ADMIN', 'AWS_DEVELOPERS']);
    expect((await call(server.url, 'GET', '/access-token/v1/teams/current-teams', { token: forged })).body).toEqual({ groups: ['AWS_DEVELOPERS'] });
    expect(idsIn((await call(server.url, 'GET', '/access-token/v1/teams', { token: forged })).body)).toEqual([idOf(awsTeamToken)]);
    // Still a team token: no personal tokens, whoever it claims to be.
    expect((await call(server.url, 'GET', '/pat/v1', { token: forged })).status).toBe(403);
    const account = (await callV2(server.url, 'GET', '/account/details', { token: forged })).body?.data;
    expect(account.attributes).toMatchObject({ username: 'api-team_AWS_DEVELOPERS', 'is-service-account': true });
  });
});

describe('the identity of an issued token with TFE_SIGN_IN=token', () => {
  let storage: TestStorage;
  let server: RunningServer;
  let url: string;

  beforeAll(async () => {
    storage = await createTestStorage();
    server = await startTestServer(storage, undefined, {
      tokenSigningKey: TEST_TOKEN_SIGNING_KEY,
      tokenBackend: 'tfe',
      tfeSignIn: 'token',
    });
    url = server.url;
  });
  afterAll(async () => {
    await server?.close();
    await storage?.cleanup();
  });

  it('a re-signed personal token signs in as its maker and mints only for them', async () => {
    const aws = (await signIn(url, 'aws@example.com')).accessToken;
    const forged = await claimingToBeAdmin(await generatePat(url, aws, 'Sign-in token', 0));
    const account = (await callV2(url, 'GET', '/account/details', { token: forged })).body?.data;
    expect(account.attributes.email).toBe('aws@example.com');
    const adminUserId = `user-${Buffer.from('admin@example.com').toString('base64url')}`;
    const body = { data: { type: 'authentication-tokens', attributes: { description: 'As admin', 'expired-at': null } } };
    expect((await callV2(url, 'POST', `/users/${adminUserId}/authentication-tokens`, { token: forged, body })).status).toBe(404);
    // A child token it mints carries its maker's identity, not the claims it was shown.
    const minted = await callV2(url, 'POST', `/users/${account.id}/authentication-tokens`, { token: forged, body });
    expect(minted.status).toBe(201);
    const child = minted.body?.data.attributes.token as string;
    expect(decodeJwt(child)).toMatchObject({ email: 'aws@example.com', groups: ['AWS_DEVELOPERS'], name: 'AWS Developer (Token)' });
  });
});
