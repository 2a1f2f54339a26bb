/**
 * What the TokenApi port promises, run against every adapter over a fake of its backend's wire. A new backend
 * passes this suite before any screen uses it.
 */
import { describe, expect, it } from 'vitest';
import { isNotFound } from './ApiError';
import { createHttpClient } from './httpClient';
import { createTerrakubeTokenApi } from './terrakube/terrakubeTokenApi';
import { FAKE_ORGANIZATION_ID, FAKE_TEAMS, fakeTerrakubeBackend } from './terrakube/testing/fakeTerrakubeBackend';
import { tfeApiOnFakeBackend } from './tfe/testing/tfeApiOnFakeBackend';
import type { TokenApi } from './tokenApi';

interface Subject {
  api: TokenApi;
  organizationId: string;
  /** A team the signed-in person may manage, and one they may not. */
  managedTeamId: string;
  otherTeamId: string;
  /** Puts `count` tokens in the managed team, as if made elsewhere. */
  seedTeamTokens(count: number): void;
}

const DAY = 86_400_000;

function terrakube(): Subject {
  const backend = fakeTerrakubeBackend();
  const api = createTerrakubeTokenApi({ http: createHttpClient({ getAccessToken: () => 'token', fetch: backend.fetch }), apiUrl: backend.apiUrl });
  const [managed, other] = FAKE_TEAMS;
  return {
    api,
    organizationId: FAKE_ORGANIZATION_ID,
    managedTeamId: managed!.id,
    otherTeamId: other!.id,
    seedTeamTokens(count) {
      for (let i = 0; i < count; i++) {
        const id = `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
        const createdDate = new Date().toISOString();
        backend.teamTokens.push({ id, description: `Seeded ${i}`, days: 30, hours: 0, minutes: 0, group: managed!.name, createdDate, createdBy: 'ci@example.com' });
      }
    },
  };
}

function tfe(teamTokens: 'multiple' | 'single') {
  return (): Subject => {
    const { api, backend } = tfeApiOnFakeBackend({ teamTokens, baseUrl: 'https://tfe.example.com/api/v2/' });
    backend.addOrganization('acme');
    const managed = backend.addTeam('acme', 'owners', { canManageTokens: true });
    const other = backend.addTeam('acme', 'others', { canManageTokens: false });
    return {
      api,
      organizationId: 'acme',
      managedTeamId: managed.id,
      otherTeamId: other.id,
      seedTeamTokens(count) {
        for (let i = 0; i < count; i++) backend.addToken(teamTokens === 'single' ? 'legacy' : 'team', managed.id, { description: `Seeded ${i}` });
      },
    };
  };
}

const SUBJECTS: [string, () => Subject][] = [
  ['Terrakube', terrakube],
  ['HCP Terraform (multiple team tokens)', tfe('multiple')],
  ['Terraform Enterprise (one token per team)', tfe('single')],
];

describe.each(SUBJECTS)('the TokenApi port: %s', (_name, makeSubject) => {
  it('generates a personal token: the secret once, then listed without it, expiring as asked', async () => {
    const { api } = makeSubject();
    const expiresAt = new Date(Date.now() + 30 * DAY);
    const created = await api.createPersonalToken({ description: 'Laptop', expiresAt });
    expect(created.secret.length).toBeGreaterThan(8);
    const listed = await api.listPersonalTokens();
    const token = listed.find((candidate) => candidate.description === 'Laptop');
    expect(token).toBeDefined();
    expect(JSON.stringify(listed)).not.toContain(created.secret);
    expect(Math.abs(Date.parse(token!.expiresAt!) - expiresAt.getTime())).toBeLessThan(60_000);
    if (created.expiresAt !== undefined) expect(Math.abs(Date.parse(created.expiresAt!) - expiresAt.getTime())).toBeLessThan(60_000);
  });

  it('generates a token that never expires', async () => {
    const { api } = makeSubject();
    await api.createPersonalToken({ description: 'Forever', expiresAt: null });
    const token = (await api.listPersonalTokens()).find((candidate) => candidate.description === 'Forever');
    expect(token?.expiresAt).toBeNull();
  });

  it('deletes a token: gone from the list, and deleting it again is "not found"', async () => {
    const { api } = makeSubject();
    await api.createPersonalToken({ description: 'Short-lived', expiresAt: new Date(Date.now() + 7 * DAY) });
    const [token] = await api.listPersonalTokens();
    await api.deletePersonalToken(token!.id);
    expect(await api.listPersonalTokens()).toEqual([]);
    const again = await api.deletePersonalToken(token!.id).catch((error: unknown) => error);
    expect(isNotFound(again)).toBe(true);
  });

  it('answers "not found" for a team that does not exist', async () => {
    const { api, organizationId } = makeSubject();
    const error = await api.getTeam({ organizationId, teamId: 'team-does-not-exist' }).catch((caught: unknown) => caught);
    expect(isNotFound(error)).toBe(true);
  });

  it('refuses bad input with a 4xx and creates nothing', async () => {
    const { api } = makeSubject();
    const error = await api.createPersonalToken({ description: '', expiresAt: new Date(Date.now() - DAY) }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: expect.any(Number) });
    expect((error as { status: number }).status).toBeGreaterThanOrEqual(400);
    expect((error as { status: number }).status).toBeLessThan(500);
    expect(await api.listPersonalTokens()).toEqual([]);
  });

  it('says which teams the person may manage', async () => {
    const { api, organizationId, managedTeamId, otherTeamId } = makeSubject();
    const teams = await api.listTeams(organizationId);
    expect(teams.find((team) => team.id === managedTeamId)?.canManageTokens).toBe(true);
    expect(teams.find((team) => team.id === otherTeamId)?.canManageTokens).toBe(false);
    const team = await api.getTeam({ organizationId, teamId: managedTeamId });
    expect(team).toMatchObject({ id: managedTeamId, organizationId, canManageTokens: true });
    expect(team.permissions.every((permission) => permission.label !== '' && typeof permission.granted === 'boolean')).toBe(true);
  });

  it("generates a team token listed under its team, and deletes it", async () => {
    const { api, organizationId, managedTeamId } = makeSubject();
    const ref = { organizationId, teamId: managedTeamId };
    const description = api.capabilities.team.takesDescription ? 'Pipeline' : '';
    const created = await api.createTeamToken(ref, { description, expiresAt: new Date(Date.now() + DAY) });
    expect(created.secret).not.toBe('');
    const listed = (await api.listTeamTokens(organizationId)).filter((token) => token.teamId === managedTeamId);
    expect(listed).toHaveLength(1);
    expect(listed[0]!.description).toBe(description);
    await api.deleteTeamToken(ref, listed[0]!.id);
    expect((await api.listTeamTokens(organizationId)).filter((token) => token.teamId === managedTeamId)).toEqual([]);
  });

  it('refuses a team token for a team the person may not manage', async () => {
    const { api, organizationId, otherTeamId } = makeSubject();
    const error = await api
      .createTeamToken({ organizationId, teamId: otherTeamId }, { description: 'Sneaky', expiresAt: null })
      .catch((caught: unknown) => caught);
    expect([403, 404]).toContain((error as { status?: number }).status);
  });

  it('lists every team token, however many pages the backend answers in', async () => {
    const { api, organizationId, managedTeamId, seedTeamTokens } = makeSubject();
    const many = api.capabilities.team.tokensPerCollection === 'many';
    seedTeamTokens(many ? 150 : 1);
    const listed = (await api.listTeamTokens(organizationId)).filter((token) => token.teamId === managedTeamId);
    expect(listed).toHaveLength(many ? 150 : 1);
    expect(new Set(listed.map((token) => token.id)).size).toBe(listed.length);
  });

  it('replaces the one team token where a team has one, and adds one where it has many', async () => {
    const { api, organizationId, managedTeamId } = makeSubject();
    const ref = { organizationId, teamId: managedTeamId };
    const description = (label: string) => (api.capabilities.team.takesDescription ? label : '');
    await api.createTeamToken(ref, { description: description('First'), expiresAt: null });
    await api.createTeamToken(ref, { description: description('Second'), expiresAt: null });
    const listed = (await api.listTeamTokens(organizationId)).filter((token) => token.teamId === managedTeamId);
    expect(listed).toHaveLength(api.capabilities.team.tokensPerCollection === 'one' ? 1 : 2);
  });
});
