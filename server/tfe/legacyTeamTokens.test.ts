import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../app';
import { call, generatePat, generateTeamToken } from '../test/api';
import { signIn } from '../test/signIn';
import { callV2, createLegacyTeamTokenV2, createTeamTokenV2, resourceDocument, TEAM_IDS, type Json } from '../test/tfeApi';
import { BACKENDS, createTestStorage, SKIP_POSTGRES_REASON, testConfig, TestClock, type TestStorage } from '../test/testServer';

const ADMIN_TEAM = TEAM_IDS.TERRAKUBE_ADMIN;
const LEGACY = `/teams/${ADMIN_TEAM}/authentication-token`;
const HOUR = 3_600_000;

/** Whether a secret still authenticates, at each surface. */
async function worksAt(url: string, secret: string): Promise<{ terrakube: number; tfe: number }> {
  const terrakube = (await call(url, 'GET', '/access-token/v1/teams/current-teams', { token: secret })).status;
  const tfe = (await callV2(url, 'GET', '/account/details', { token: secret })).status;
  return { terrakube, tfe };
}

describe.each(BACKENDS)('/api/v2 legacy team token on $name', (backend) => {
  if (!backend.available) {
    it.skip(SKIP_POSTGRES_REASON, () => {});
    return;
  }

  describe.each(['single', 'multiple'] as const)('with TFE_TEAM_TOKENS=%s', (mode) => {
    let storage: TestStorage;
    let server: RunningServer;
    let url: string;
    const clock = new TestClock();
    let admin: string;
    let aws: string;

    beforeAll(async () => {
      storage = await createTestStorage(backend);
      server = await startServer(testConfig(storage, { tfeTeamTokens: mode }), { now: clock.now });
      url = server.url;
      [admin, aws] = (await Promise.all([signIn(url, 'admin@example.com'), signIn(url, 'aws@example.com')])).map(
        (tokens) => tokens.accessToken,
      ) as [string, string];
    });
    afterAll(async () => {
      await server?.close();
      await storage?.cleanup();
    });

    it('answers 404 while the team has no token', async () => {
      const response = await callV2(url, 'GET', LEGACY, { token: admin });
      expect(response.status).toBe(404);
      expect(response.body?.errors[0]).toMatchObject({ status: '404', detail: 'Team TERRAKUBE_ADMIN has no team token.' });
      expect((await callV2(url, 'DELETE', LEGACY, { token: admin })).status).toBe(404);
    });

    it('creates the token (201) without a description, then reads it (200)', async () => {
      const expiredAt = new Date(clock.now().getTime() + HOUR).toISOString();
      const { id, resource, secret } = await createLegacyTeamTokenV2(url, admin, ADMIN_TEAM, { 'expired-at': expiredAt });
      expect(resource).toMatchObject({
        type: 'authentication-tokens',
        attributes: { description: null, 'expired-at': expiredAt, token: secret },
        relationships: { team: { data: { type: 'teams', id: ADMIN_TEAM } } },
      });
      expect(decodeJwt(secret).groups).toEqual(['TERRAKUBE_ADMIN']);
      const read = await callV2(url, 'GET', LEGACY, { token: admin });
      expect(read.status).toBe(200);
      expect(read.body?.data).toMatchObject({ id, attributes: { description: null, 'expired-at': expiredAt } });
      expect(read.body?.data.attributes.token).toBeUndefined();
      // The replaced token is shown on the Terrakube surface too, with a duration that reaches its expiry.
      const group = ((await call(url, 'GET', '/access-token/v1/teams', { token: admin })).body as Json[]).find((row) => `at-${row.id}` === id);
      expect(group).toMatchObject({ description: null, days: 0, hours: 1, minutes: 0 });
    });

    it('replaces the token: the old secret gets 401 at both surfaces, the new one works at both', async () => {
      const first = await createLegacyTeamTokenV2(url, admin, ADMIN_TEAM);
      expect(await worksAt(url, first.secret)).toEqual({ terrakube: 202, tfe: 200 });
      const second = await createLegacyTeamTokenV2(url, admin, ADMIN_TEAM, { 'expired-at': null });
      expect(second.resource.attributes['expired-at']).toBeNull();
      expect(await worksAt(url, first.secret)).toEqual({ terrakube: 401, tfe: 401 });
      expect(await worksAt(url, second.secret)).toEqual({ terrakube: 202, tfe: 200 });
      expect((await callV2(url, 'GET', LEGACY, { token: admin })).body?.data.id).toBe(second.id);
    });

    it('takes the singular or plural type, and no attributes as never expires', async () => {
      for (const type of ['authentication-token', 'authentication-tokens']) {
        const response = await callV2(url, 'POST', LEGACY, { token: admin, body: { data: { type } } });
        expect(response.status).toBe(201);
        expect(response.body?.data.attributes['expired-at']).toBeNull();
      }
    });

    it('deletes it (204): the secret then gets 401 at both surfaces, and reading is 404', async () => {
      const { secret } = await createLegacyTeamTokenV2(url, admin, ADMIN_TEAM);
      const deleted = await callV2(url, 'DELETE', LEGACY, { token: admin });
      expect(deleted.status).toBe(204);
      expect(deleted.text).toBe('');
      expect(await worksAt(url, secret)).toEqual({ terrakube: 401, tfe: 401 });
      expect((await callV2(url, 'GET', LEGACY, { token: admin })).status).toBe(404);
      expect((await callV2(url, 'DELETE', LEGACY, { token: admin })).status).toBe(404);
    });

    it('answers 404 to a non-member, whose calls change nothing', async () => {
      const { secret } = await createLegacyTeamTokenV2(url, admin, ADMIN_TEAM);
      for (const method of ['GET', 'POST', 'DELETE']) {
        const body = method === 'POST' ? resourceDocument({}, 'authentication-token') : undefined;
        expect((await callV2(url, method, LEGACY, { token: aws, body })).status).toBe(404);
      }
      expect(await worksAt(url, secret)).toEqual({ terrakube: 202, tfe: 200 });
    });

    it('refuses an API token (403), a description (422), and a bad content type (415)', async () => {
      const pat = await generatePat(url, admin, 'Cannot mint');
      expect((await callV2(url, 'POST', LEGACY, { token: pat, body: resourceDocument({}, 'authentication-token') })).status).toBe(403);
      const described = await callV2(url, 'POST', LEGACY, { token: admin, body: resourceDocument({ description: 'x' }, 'authentication-token') });
      expect(described.status).toBe(422);
      expect(described.body?.errors[0].source).toEqual({ pointer: '/data/attributes/description' });
      const past = await callV2(url, 'POST', LEGACY, { token: admin, body: resourceDocument({ 'expired-at': '2001-01-01T00:00:00Z' }, 'authentication-token') });
      expect(past.status).toBe(422);
      expect((await callV2(url, 'DELETE', LEGACY, { token: admin, contentType: null })).status).toBe(415);
      expect((await callV2(url, 'GET', LEGACY, { token: admin })).status).toBe(200);
    });

    if (mode === 'single') {
      it('hides the multiple-token routes (404), as an older Terraform Enterprise', async () => {
        const create = await callV2(url, 'POST', `/teams/${ADMIN_TEAM}/authentication-tokens`, { token: admin, body: resourceDocument({ description: 'Many' }) });
        expect(create.status).toBe(404);
        expect(create.body?.errors[0]).toMatchObject({ status: '404', title: 'not found' });
        expect((await callV2(url, 'GET', '/organizations/simple/team-tokens', { token: admin })).status).toBe(404);
        expect((await callV2(url, 'DELETE', '/organizations/simple/team-tokens', { token: admin, body: { data: [] } })).status).toBe(404);
      });

      it('counts every token of the team as its one token: replacing revokes a Terrakube-made token too', async () => {
        clock.advance(1000); // the newest token of the team is its one token
        const terrakubeMade = await generateTeamToken(url, admin, { group: 'TERRAKUBE_ADMIN', description: 'Made on Terrakube' });
        expect((await callV2(url, 'GET', LEGACY, { token: admin })).body?.data.attributes.description).toBe('Made on Terrakube');
        const replacement = await createLegacyTeamTokenV2(url, admin, ADMIN_TEAM);
        expect(await worksAt(url, terrakubeMade)).toEqual({ terrakube: 401, tfe: 401 });
        const groups = ((await call(url, 'GET', '/access-token/v1/teams', { token: admin })).body as Json[]).filter((row) => row.group === 'TERRAKUBE_ADMIN');
        expect(groups.map((row) => `at-${row.id}`)).toEqual([replacement.id]);
      });
    } else {
      it('replaces only the descriptionless token, leaving the described ones, as HCP Terraform does', async () => {
        const described = await createTeamTokenV2(url, admin, ADMIN_TEAM, { description: 'Stays' });
        const legacy = await createLegacyTeamTokenV2(url, admin, ADMIN_TEAM);
        const replacement = await createLegacyTeamTokenV2(url, admin, ADMIN_TEAM);
        expect(await worksAt(url, legacy.secret)).toEqual({ terrakube: 401, tfe: 401 });
        expect(await worksAt(url, described.secret)).toEqual({ terrakube: 202, tfe: 200 });
        expect((await callV2(url, 'GET', LEGACY, { token: admin })).body?.data.id).toBe(replacement.id);
        expect((await callV2(url, 'DELETE', LEGACY, { token: admin })).status).toBe(204);
        expect(await worksAt(url, described.secret)).toEqual({ terrakube: 202, tfe: 200 });
        expect((await callV2(url, 'GET', LEGACY, { token: admin })).status).toBe(404);
      });
    }
  });
});
