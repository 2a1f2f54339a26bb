import { describe, expect, it } from 'vitest';
import { ApiError } from '../ApiError';
import { tfeApiOnFakeBackend } from './testing/tfeApiOnFakeBackend';

const IN_30_DAYS = new Date(Date.now() + 30 * 24 * 3600 * 1000);

async function errorOf(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('HCP Terraform TokenApi: personal tokens', () => {
  it('lists the signed-in user’s tokens, creator named, last use and expiry as given', async () => {
    const { api, backend } = tfeApiOnFakeBackend();
    const used = backend.addToken('user', backend.me.id, {
      description: 'Laptop',
      createdAt: '2024-01-02T03:04:05.000Z',
      expiredAt: '2026-01-02T03:04:05.000Z',
      lastUsedAt: '2024-02-01T00:00:00.000Z',
    });
    backend.addToken('user', backend.me.id, { description: null, createdBy: { type: 'users', id: 'user-someone' } });
    backend.addToken('user', 'user-other', { description: 'Not mine' });

    const tokens = await api.listPersonalTokens();
    expect(tokens).toEqual([
      {
        id: used.id,
        description: 'Laptop',
        createdAt: '2024-01-02T03:04:05.000Z',
        createdBy: 'alice',
        expiresAt: '2026-01-02T03:04:05.000Z',
        lastUsedAt: '2024-02-01T00:00:00.000Z',
      },
      expect.objectContaining({ description: '', createdBy: null, expiresAt: null, lastUsedAt: null }),
    ]);
    expect(backend.requests.map(({ method, path }) => `${method} ${path}`)).toEqual([
      'GET account/details',
      'GET users/user-me000001/authentication-tokens',
    ]);
  });

  it('says nothing of last use where a release sends no last-used-at', async () => {
    const { api, backend } = tfeApiOnFakeBackend();
    await api.listPersonalTokens(); // who is signed in, asked once
    const resource = { id: 'at-old', type: 'authentication-tokens', attributes: { 'created-at': '2024-01-02T03:04:05.000Z', 'expired-at': null } };
    backend.answerNext({ path: /authentication-tokens$/ }, { status: 200, body: { data: [resource] } });
    const [token] = await api.listPersonalTokens();
    expect(token).toMatchObject({ id: 'at-old', expiresAt: null });
    expect(token).not.toHaveProperty('lastUsedAt');
  });

  it('asks who is signed in once per adapter, sharing the request between concurrent callers', async () => {
    const { api, backend } = tfeApiOnFakeBackend();
    await Promise.all([api.listPersonalTokens(), api.listPersonalTokens(), api.createPersonalToken({ description: 'x', expiresAt: null })]);
    await api.listPersonalTokens();
    expect(backend.requests.filter(({ path }) => path === 'account/details')).toHaveLength(1);
  });

  it('asks again who is signed in after that failed', async () => {
    const { api, backend } = tfeApiOnFakeBackend();
    backend.answerNext({ path: 'account/details' }, { status: 503 });
    expect((await errorOf(api.listPersonalTokens())).status).toBe(503);
    await expect(api.listPersonalTokens()).resolves.toEqual([]);
    expect(backend.requests.filter(({ path }) => path === 'account/details')).toHaveLength(2);
  });

  it('reports an account answer without an id as an unexpected answer', async () => {
    const { api, backend } = tfeApiOnFakeBackend();
    backend.answerNext({ path: 'account/details' }, { status: 200, body: { data: { type: 'users' } } });
    expect((await errorOf(api.listPersonalTokens())).message).toBe('The server sent an unexpected answer for your account.');
  });

  it('generates a token with its description and expiry, and answers the secret untouched', async () => {
    const { api, backend } = tfeApiOnFakeBackend();
    const created = await api.createPersonalToken({ description: 'CI laptop', expiresAt: IN_30_DAYS });
    const stored = backend.state.tokens.at(-1)!;
    expect(created).toEqual({ secret: stored.secret, expiresAt: IN_30_DAYS.toISOString() });
    expect(backend.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: 'users/user-me000001/authentication-tokens',
      contentType: 'application/vnd.api+json',
      body: { data: { type: 'authentication-tokens', attributes: { description: 'CI laptop', 'expired-at': IN_30_DAYS.toISOString() } } },
    });
  });

  it('sends expired-at: null for a token that never expires, since leaving it out means two years', async () => {
    const { api, backend } = tfeApiOnFakeBackend();
    await expect(api.createPersonalToken({ description: 'forever', expiresAt: null })).resolves.toMatchObject({ expiresAt: null });
    const body = backend.requests.at(-1)!.body as { data: { attributes: Record<string, unknown> } };
    expect(body.data.attributes).toHaveProperty('expired-at', null);
  });

  it('refuses an invalid date before sending anything', async () => {
    const { api, backend } = tfeApiOnFakeBackend();
    const error = await errorOf(api.createPersonalToken({ description: 'x', expiresAt: new Date('nope') }));
    expect(error.field).toBe('expiresAt');
    expect(backend.requests.filter(({ method }) => method === 'POST')).toHaveLength(0);
  });

  it('deletes a token with the JSON:API content type, and a second delete is a 404 "already deleted"', async () => {
    const { api, backend } = tfeApiOnFakeBackend();
    const token = backend.addToken('user', backend.me.id);
    await api.deletePersonalToken(token.id);
    expect(backend.requests.at(-1)).toMatchObject({ method: 'DELETE', path: `authentication-tokens/${token.id}`, contentType: 'application/vnd.api+json' });
    const error = await errorOf(api.deletePersonalToken(token.id));
    expect(error).toMatchObject({ status: 404, message: 'This token was already deleted.' });
  });

  it('reports a generate answer without a secret, rather than showing an empty one', async () => {
    const { api, backend } = tfeApiOnFakeBackend();
    backend.answerNext({ method: 'POST', path: /authentication-tokens$/ }, {
      status: 201,
      body: { data: { id: 'at-1', type: 'authentication-tokens', attributes: { token: '' } } },
    });
    expect((await errorOf(api.createPersonalToken({ description: 'x', expiresAt: null }))).message).toMatch(/without the new token/);
  });
});

describe('HCP Terraform TokenApi: organizations and teams', () => {
  it('lists organizations by name, described by their email', async () => {
    const { api, backend } = tfeApiOnFakeBackend();
    backend.addOrganization('acme', { email: 'ops@acme.example' });
    backend.addOrganization('hidden', { member: false });
    await expect(api.listOrganizations()).resolves.toEqual([{ id: 'acme', name: 'acme', description: 'ops@acme.example' }]);
  });

  it('lists only the configured organization when there is one, and says plainly when it is not there', async () => {
    const { api, backend } = tfeApiOnFakeBackend({}, { organization: 'acme' });
    backend.addOrganization('acme', { email: 'ops@acme.example' });
    backend.addOrganization('other');
    await expect(api.listOrganizations()).resolves.toEqual([{ id: 'acme', name: 'acme', description: 'ops@acme.example' }]);
    const missing = tfeApiOnFakeBackend({}, { organization: 'gone' });
    await expect(missing.api.listOrganizations()).rejects.toMatchObject({
      status: 404,
      message: 'The organization gone does not exist, or you are not in it.',
    });
  });

  it('lists teams with whether the person may manage their tokens and their organization access in words', async () => {
    const { api, backend } = tfeApiOnFakeBackend();
    backend.addOrganization('acme');
    const ci = backend.addTeam('acme', 'ci', { organizationAccess: { 'manage-workspaces': true, 'read-projects': false } });
    const ops = backend.addTeam('acme', 'ops', { canManageTokens: false, organizationAccess: {} });
    await expect(api.listTeams('acme')).resolves.toEqual([
      {
        id: ci.id,
        organizationId: 'acme',
        name: 'ci',
        canManageTokens: true,
        permissions: [
          { label: 'Manage workspaces', granted: true },
          { label: 'Read projects', granted: false },
        ],
      },
      { id: ops.id, organizationId: 'acme', name: 'ops', canManageTokens: false, permissions: [] },
    ]);
  });

  it('gets one team, and a team of another organization is not found there', async () => {
    const { api, backend } = tfeApiOnFakeBackend();
    backend.addOrganization('acme');
    backend.addOrganization('other');
    const team = backend.addTeam('acme', 'ci');
    await expect(api.getTeam({ organizationId: 'acme', teamId: team.id })).resolves.toMatchObject({ id: team.id, name: 'ci' });
    expect((await errorOf(api.getTeam({ organizationId: 'other', teamId: team.id }))).status).toBe(404);
    const unknown = await errorOf(api.getTeam({ organizationId: 'acme', teamId: 'team-nope' }));
    expect(unknown).toMatchObject({ status: 404, message: 'This team does not exist, or you may not see it.' });
  });

  it('says an unknown organization is not found', async () => {
    const { api } = tfeApiOnFakeBackend();
    expect(await errorOf(api.listTeams('nope'))).toMatchObject({ status: 404, message: /organization does not exist/ });
  });
});

describe('HCP Terraform TokenApi: errors', () => {
  it('keeps the field a 422 points at, named as the generate input names it', async () => {
    const { api, backend } = tfeApiOnFakeBackend();
    backend.answerNext({ method: 'POST', path: /authentication-tokens$/ }, {
      status: 422,
      body: { errors: [{ status: '422', title: 'invalid attribute', detail: 'Validation failed: Expired at is too far away', source: { pointer: '/data/attributes/expired-at' } }] },
    });
    const error = await errorOf(api.createPersonalToken({ description: 'x', expiresAt: IN_30_DAYS }));
    expect(error).toMatchObject({ status: 422, field: 'expiresAt', message: 'Expired at is too far away' });
  });

  it('says to wait on a 429, for as long as Retry-After says, and never sends a generate again', async () => {
    const { api, backend } = tfeApiOnFakeBackend();
    await api.listPersonalTokens();
    backend.clearRequests();
    backend.rateLimitNext(1, 12);
    const error = await errorOf(api.createPersonalToken({ description: 'x', expiresAt: null }));
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 12, message: 'Too many requests (429). Wait 12 seconds and try again.' });
    expect(backend.requests.filter(({ method }) => method === 'POST')).toHaveLength(1);
    expect(backend.state.tokens).toHaveLength(0);
  });

  it('says to wait a moment on a 429 without Retry-After', async () => {
    const { api, backend } = tfeApiOnFakeBackend();
    backend.rateLimitNext(1);
    expect((await errorOf(api.listOrganizations())).message).toBe('Too many requests (429). Wait a moment and try again.');
  });

  it('words a 415 for people, should the media type ever be refused', async () => {
    const { api, backend } = tfeApiOnFakeBackend();
    backend.answerNext({ method: 'DELETE', path: /^authentication-tokens\// }, { status: 415, body: { errors: [{ status: '415', title: 'unsupported media type' }] } });
    expect((await errorOf(api.deletePersonalToken('at-1'))).message).toMatch(/did not accept the format of the request \(415/);
  });

  it.each([
    [401, /Sign in again/],
    [500, /server had a problem \(500\)/],
  ])('uses the app’s words for a %i, whose body says only "%s"', async (status, message) => {
    const { api, backend } = tfeApiOnFakeBackend();
    backend.answerNext({ path: 'organizations' }, { status, body: { errors: [{ status: String(status), title: 'terse' }] } });
    expect(await errorOf(api.listOrganizations())).toMatchObject({ status, message });
  });

  it('asks to sign in again when the token stops working', async () => {
    const session = tfeApiOnFakeBackend();
    session.backend.me.accessToken = 'rotated';
    expect(await errorOf(session.api.listOrganizations())).toMatchObject({ status: 401, message: /Sign in again/ });
    expect(session.signInRequests).toBe(1);
  });
});
