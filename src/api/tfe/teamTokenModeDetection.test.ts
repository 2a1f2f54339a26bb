import { describe, expect, it } from 'vitest';
import { ApiError } from '../ApiError';
import { TEAM_CAPABILITIES } from './capabilities';
import { tfeApiOnFakeBackend } from './testing/tfeApiOnFakeBackend';

const TFE_URL = 'https://tfe.example.com/api/v2/';

/** A Terraform Enterprise (not HCP Terraform, so the mode is detected) with organization acme and team ci. */
function enterprise(teamTokens: 'multiple' | 'single') {
  const session = tfeApiOnFakeBackend({ teamTokens, baseUrl: TFE_URL });
  session.backend.addOrganization('acme');
  const ci = session.backend.addTeam('acme', 'ci');
  const paths = () => session.backend.requests.map(({ method, path }) => `${method} ${path}`);
  return { ...session, ci, paths };
}

describe('detecting how the server keeps team tokens', () => {
  it('takes a listed first page for "multiple", and shows that page instead of asking again', async () => {
    const { api, backend, ci, paths } = enterprise('multiple');
    backend.addToken('team', ci.id, { description: 'deploy' });
    expect(api.teamTokenMode).toBeUndefined();

    await expect(api.listTeamTokens('acme')).resolves.toHaveLength(1);
    expect(api.teamTokenMode).toBe('multiple');
    expect(paths().filter((path) => path.includes('team-tokens'))).toEqual(['GET organizations/acme/team-tokens']);
    expect(backend.requests[0]!.query).toEqual({ 'page[number]': '1', 'page[size]': '100' });

    await api.listTeamTokens('acme');
    expect(paths().filter((path) => path.includes('team-tokens'))).toHaveLength(2);
  });

  it('takes a missing list in an organization that exists for "single"', async () => {
    const { api, backend, ci, paths } = enterprise('single');
    backend.addToken('legacy', ci.id);
    await expect(api.listTeamTokens('acme')).resolves.toEqual([expect.objectContaining({ teamId: ci.id, description: '' })]);
    expect(api.teamTokenMode).toBe('single');
    expect(paths().sort()).toEqual(
      [
        'GET organizations/acme/team-tokens',
        'GET organizations/acme',
        'GET account/details',
        'GET organizations/acme/teams',
        `GET teams/${ci.id}/authentication-token`,
      ].sort(),
    );
  });

  it('decides nothing from an organization that is not there, and says so', async () => {
    const { api } = enterprise('single');
    const error = await api.listTeamTokens('nope').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 404, message: /organization does not exist/ });
    expect(api.teamTokenMode).toBeUndefined();
    await expect(api.detectTeamTokenMode('acme')).resolves.toBe('single');
  });

  it('decides nothing from a failure, and asks again next time', async () => {
    const { api, backend } = enterprise('multiple');
    backend.answerNext({ path: 'organizations/acme/team-tokens' }, { status: 503 });
    expect(await api.detectTeamTokenMode('acme').catch((caught: unknown) => caught)).toBeInstanceOf(ApiError);
    expect(api.teamTokenMode).toBeUndefined();
    backend.rateLimitNext(1, 2);
    expect(await api.detectTeamTokenMode('acme').catch((caught: unknown) => caught)).toMatchObject({ status: 429 });
    await expect(api.detectTeamTokenMode('acme')).resolves.toBe('multiple');
  });

  it('detects once per adapter, concurrent callers sharing one probe', async () => {
    const { api, ci, paths } = enterprise('multiple');
    const team = { organizationId: 'acme', teamId: ci.id };
    await Promise.all([
      api.listTeamTokens('acme'),
      api.detectTeamTokenMode('acme'),
      api.createTeamToken(team, { description: 'a', expiresAt: null }),
    ]);
    await api.createTeamToken(team, { description: 'b', expiresAt: null });
    expect(paths().filter((path) => path === 'GET organizations/acme/team-tokens')).toHaveLength(1);
  });

  it('asks nothing when the mode is configured', async () => {
    const session = tfeApiOnFakeBackend({ teamTokens: 'single', baseUrl: TFE_URL }, { teamTokens: 'single' });
    session.backend.addOrganization('acme');
    await session.api.listTeamTokens('acme');
    expect(session.api.teamTokenMode).toBe('single');
    expect(session.backend.requests.some(({ path }) => path.endsWith('team-tokens'))).toBe(false);
  });

  it('knows HCP Terraform keeps many tokens per team without asking', () => {
    const { api } = tfeApiOnFakeBackend();
    expect(api.teamTokenMode).toBe('multiple');
    expect(api.capabilities.team).toEqual(TEAM_CAPABILITIES.multiple);
  });

  it('describes team tokens cautiously until detected, then as detected, each as one stable object', async () => {
    const { api } = enterprise('multiple');
    const before = api.capabilities;
    expect(before.team).toEqual(TEAM_CAPABILITIES.single);
    expect(api.capabilities).toBe(before);
    await api.listTeamTokens('acme');
    expect(api.capabilities.team).toEqual(TEAM_CAPABILITIES.multiple);
    expect(api.capabilities).toBe(api.capabilities);
    expect(api.capabilities.cliHost).toBe('tfe.example.com');
  });

  it('suggests the configuration when a detected "multiple" server has no endpoint for many tokens', async () => {
    const { api, backend, ci } = enterprise('multiple');
    backend.answerNext({ method: 'POST', path: `teams/${ci.id}/authentication-tokens` }, { status: 404 });
    const error = await api
      .createTeamToken({ organizationId: 'acme', teamId: ci.id }, { description: 'x', expiresAt: null })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 404, message: /REACT_APP_TFE_TEAM_TOKENS=single/ });
  });
});
