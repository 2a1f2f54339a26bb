import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../app';
import { generatePat, generateTeamToken } from '../test/api';
import { signIn } from '../test/signIn';
import { callV2, resourceDocument, TEAM_IDS, userIdOfCaller } from '../test/tfeApi';
import { createTestStorage, startTestServer, TestClock, type TestStorage } from '../test/testServer';

const DAY = 24 * 3_600_000;

/** With TFE_SIGN_IN=token the app signs people in with a user API token, which must then be able to generate. */
describe('/api/v2 with TFE_SIGN_IN=token', () => {
  let storage: TestStorage;
  let server: RunningServer;
  let url: string;
  const clock = new TestClock();
  let admin: string;
  const inDays = (days: number) => new Date(clock.now().getTime() + days * DAY).toISOString();

  beforeAll(async () => {
    storage = await createTestStorage();
    server = await startTestServer(storage, clock.now, { tokenBackend: 'tfe', tfeSignIn: 'token' });
    url = server.url;
    admin = (await signIn(url, 'admin@example.com')).accessToken;
  });
  afterAll(async () => {
    await server?.close();
    await storage?.cleanup();
  });

  it('lets a personal token generate tokens that expire no later than itself', async () => {
    const pat = await generatePat(url, admin, 'Signed in with', 30);
    const path = `/users/${await userIdOfCaller(url, pat)}/authentication-tokens`;
    const within = await callV2(url, 'POST', path, { token: pat, body: resourceDocument({ description: 'Child', 'expired-at': inDays(29) }) });
    expect(within.status).toBe(201);
    for (const expiredAt of [inDays(31), null]) {
      const outliving = await callV2(url, 'POST', path, { token: pat, body: resourceDocument({ description: 'Too long', 'expired-at': expiredAt }) });
      expect(outliving.status).toBe(422);
      expect(outliving.body?.errors[0]).toMatchObject({ detail: expect.stringContaining('cannot outlive it'), source: { pointer: '/data/attributes/expired-at' } });
    }
    const team = await callV2(url, 'POST', `/teams/${TEAM_IDS.TERRAKUBE_ADMIN}/authentication-tokens`, {
      token: pat,
      body: resourceDocument({ description: 'Team child', 'expired-at': inDays(7) }),
    });
    expect(team.status).toBe(201);
  });

  it('lets a never-expiring personal token generate any token', async () => {
    const pat = await generatePat(url, admin, 'Forever', 0);
    const path = `/users/${await userIdOfCaller(url, pat)}/authentication-tokens`;
    expect((await callV2(url, 'POST', path, { token: pat, body: resourceDocument({ 'expired-at': null }) })).status).toBe(201);
  });

  it('still refuses a team token (403)', async () => {
    const teamToken = await generateTeamToken(url, admin, { group: 'TERRAKUBE_ADMIN', description: 'No minting' });
    const response = await callV2(url, 'POST', `/teams/${TEAM_IDS.TERRAKUBE_ADMIN}/authentication-tokens`, {
      token: teamToken,
      body: resourceDocument({ description: 'Minted', 'expired-at': inDays(1) }),
    });
    expect(response.status).toBe(403);
  });
});
