import { describe, expect, it } from 'vitest';
import { ApiError } from '../ApiError';
import { tfeApiOnFakeBackend } from './testing/tfeApiOnFakeBackend';

const IN_A_DAY = new Date(Date.now() + 24 * 3600 * 1000);

async function errorOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

function acme(teamTokens: 'multiple' | 'single', backendOptions: Parameters<typeof tfeApiOnFakeBackend>[0] = {}) {
  const session = tfeApiOnFakeBackend({ teamTokens, ...backendOptions }, { teamTokens });
  session.backend.addOrganization('acme');
  const ci = session.backend.addTeam('acme', 'ci');
  const ops = session.backend.addTeam('acme', 'ops');
  return { ...session, ci, ops, ref: (team: { id: string }) => ({ organizationId: 'acme', teamId: team.id }) };
}

describe('team tokens, many per team (current HCP Terraform)', () => {
  it("lists the organization's team tokens, each with its team, the legacy one among them", async () => {
    const { api, backend, ci, ops } = acme('multiple');
    const deploy = backend.addToken('team', ci.id, { description: 'deploy', expiredAt: IN_A_DAY.toISOString() });
    const legacy = backend.addToken('legacy', ops.id);
    const hidden = backend.addTeam('acme', 'secret', { canManageTokens: false });
    backend.addToken('team', hidden.id, { description: 'not shown' });

    const tokens = await api.listTeamTokens('acme');
    expect(tokens).toEqual([
      expect.objectContaining({ id: deploy.id, teamId: ci.id, description: 'deploy', expiresAt: IN_A_DAY.toISOString(), createdBy: 'alice' }),
      expect.objectContaining({ id: legacy.id, teamId: ops.id, description: '', expiresAt: null, lastUsedAt: null }),
    ]);
  });

  it('generates a token with a description and an expiry', async () => {
    const { api, backend, ci, ref } = acme('multiple');
    const created = await api.createTeamToken(ref(ci), { description: 'pipeline', expiresAt: IN_A_DAY });
    expect(created).toEqual({ secret: backend.state.tokens[0]!.secret, expiresAt: IN_A_DAY.toISOString() });
    expect(backend.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: `teams/${ci.id}/authentication-tokens`,
      contentType: 'application/vnd.api+json',
      body: { data: { type: 'authentication-tokens', attributes: { description: 'pipeline', 'expired-at': IN_A_DAY.toISOString() } } },
    });
  });

  it('says a duplicate description is taken, under the description field', async () => {
    const { api, ci, ref } = acme('multiple');
    await api.createTeamToken(ref(ci), { description: 'pipeline', expiresAt: null });
    const error = await errorOf(api.createTeamToken(ref(ci), { description: 'pipeline', expiresAt: null }));
    expect(error).toMatchObject({ status: 422, field: 'description', message: 'Description has already been taken' });
  });

  it('deletes a token by its own id; deleting it again is a 404', async () => {
    const { api, backend, ci, ref } = acme('multiple');
    const token = backend.addToken('team', ci.id);
    await api.deleteTeamToken(ref(ci), token.id);
    expect(backend.requests.at(-1)).toMatchObject({ method: 'DELETE', path: `authentication-tokens/${token.id}` });
    expect(backend.state.tokens).toEqual([]);
    expect(await errorOf(api.deleteTeamToken(ref(ci), token.id))).toMatchObject({ status: 404, message: 'This token was already deleted.' });
  });

  it('deletes several tokens in one request', async () => {
    const { api, backend, ci, ops } = acme('multiple');
    const ids = [backend.addToken('team', ci.id).id, backend.addToken('team', ops.id).id];
    backend.addToken('team', ci.id, { description: 'kept' });
    await api.deleteTeamTokens('acme', ids);
    expect(backend.requests.at(-1)).toMatchObject({
      method: 'DELETE',
      path: 'organizations/acme/team-tokens',
      contentType: 'application/vnd.api+json',
      body: { data: ids.map((id) => ({ type: 'authentication-tokens', id })) },
    });
    expect(backend.state.tokens.map((token) => token.description)).toEqual(['kept']);
  });

  it('sends the JSON:API media type with every request, and as the content type of every write', async () => {
    const { api, backend, ci, ref } = acme('multiple');
    const first = backend.addToken('team', ci.id);
    const second = backend.addToken('team', ci.id, { description: 'second' });
    const mine = backend.addToken('user', backend.me.id);
    await api.listTeamTokens('acme');
    await api.createTeamToken(ref(ci), { description: 'new', expiresAt: null });
    await api.createPersonalToken({ description: 'new', expiresAt: null });
    await api.deleteTeamToken(ref(ci), first.id);
    await api.deleteTeamTokens('acme', [second.id]);
    await api.deletePersonalToken(mine.id);
    const writes = backend.requests.filter(({ method }) => method !== 'GET');
    expect(writes).toHaveLength(5);
    expect(writes.every(({ contentType }) => contentType === 'application/vnd.api+json')).toBe(true);
    expect(backend.requests.every(({ accept }) => accept === 'application/vnd.api+json')).toBe(true);
  });
});

describe('team tokens, one per team (older Terraform Enterprise)', () => {
  it('asks each team the person may manage for its token, a few at a time; a 404 means none', async () => {
    const { api, backend, ci } = acme('single', { latencyMs: 2 });
    const teams = Array.from({ length: 8 }, (_, index) => backend.addTeam('acme', `team-${index}`));
    const locked = backend.addTeam('acme', 'locked', { canManageTokens: false });
    const tokens = [ci, ...teams.slice(0, 3)].map((team) => backend.addToken('legacy', team.id));
    backend.addToken('legacy', locked.id);
    await api.listPersonalTokens(); // learns who is signed in first, so that only the token reads overlap
    backend.clearRequests();

    const listed = await api.listTeamTokens('acme');
    expect(listed.map(({ id, teamId, description }) => ({ id, teamId, description }))).toEqual(
      tokens.map((token) => ({ id: token.id, teamId: token.ownerId, description: '' })),
    );
    const tokenReads = backend.requests.filter(({ path }) => path.endsWith('/authentication-token'));
    expect(tokenReads).toHaveLength(10);
    expect(tokenReads.some(({ path }) => path.includes(locked.id))).toBe(false);
    expect(backend.maxInFlight).toBe(4);
  });

  it('generates with the legacy body, which revokes and replaces the team’s token', async () => {
    const { api, backend, ci, ref } = acme('single');
    const old = backend.addToken('legacy', ci.id);
    const created = await api.createTeamToken(ref(ci), { description: '', expiresAt: IN_A_DAY });
    expect(created.expiresAt).toBe(IN_A_DAY.toISOString());
    expect(backend.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: `teams/${ci.id}/authentication-token`,
      contentType: 'application/vnd.api+json',
      body: { data: { type: 'authentication-token', attributes: { 'expired-at': IN_A_DAY.toISOString() } } },
    });
    const listed = await api.listTeamTokens('acme');
    expect(listed).toHaveLength(1);
    expect(listed[0]!.id).not.toBe(old.id);
  });

  it('says nothing of an expiry a release without expiring team tokens does not send', async () => {
    const { api, ci, ref } = acme('single', { legacyTokensExpire: false });
    const created = await api.createTeamToken(ref(ci), { description: '', expiresAt: IN_A_DAY });
    expect(created).not.toHaveProperty('expiresAt');
  });

  it('deletes the team’s token, making sure it is still the one chosen', async () => {
    const { api, backend, ci, ref } = acme('single');
    const token = backend.addToken('legacy', ci.id);
    await api.deleteTeamToken(ref(ci), token.id);
    expect(backend.requests.slice(-2).map(({ method, path, contentType }) => [method, path, contentType])).toEqual([
      ['GET', `teams/${ci.id}/authentication-token`, null],
      ['DELETE', `teams/${ci.id}/authentication-token`, 'application/vnd.api+json'],
    ]);
    expect(await errorOf(api.deleteTeamToken(ref(ci), token.id))).toMatchObject({ status: 404, message: 'This token was already deleted.' });
  });

  it('does not delete a replacement generated since the list was shown', async () => {
    const { api, backend, ci, ref } = acme('single');
    const shown = backend.addToken('legacy', ci.id);
    await api.createTeamToken(ref(ci), { description: '', expiresAt: null });
    const error = await errorOf(api.deleteTeamToken(ref(ci), shown.id));
    expect(error).toMatchObject({ status: 404, message: /replaced by a newer one/ });
    expect(backend.state.tokens).toHaveLength(1);
  });

  it('deletes no tokens in bulk', async () => {
    const { api, backend } = acme('single');
    expect((await errorOf(api.deleteTeamTokens('acme', ['at-1']))).message).toMatch(/one at a time/);
    expect(backend.requests.filter(({ method }) => method === 'DELETE')).toHaveLength(0);
  });
});
