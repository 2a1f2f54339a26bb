import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, type Team, type TokenApi } from '../../api';
import { fakeTokenApi } from '../tokens/testing/tokenTestKit';
import { ADMIN_TEAM, aTeamToken, DEVELOPERS_TEAM, ORGANIZATION, renderTeamsRoute } from './testing/teamTestKit';

const teamPathOf = (team: Team) => `/organizations/${ORGANIZATION.id}/settings/teams/${team.id}`;
const never = () => new Promise<never>(() => undefined);

/** admin@example.com's view: a member of TERRAKUBE_ADMIN and TERRAKUBE_DEVELOPERS, with a token in each. */
function teamApi(overrides: Partial<TokenApi> = {}) {
  return fakeTokenApi({
    listOrganizations: async () => [ORGANIZATION],
    getTeam: vi.fn(async (_organizationId: string, teamId: string) => {
      const team = [ADMIN_TEAM, DEVELOPERS_TEAM].find((candidate) => candidate.id === teamId);
      if (!team) throw new ApiError(404, 'No such team.');
      return team;
    }),
    currentTeams: vi.fn(async () => ['TERRAKUBE_ADMIN', 'TERRAKUBE_DEVELOPERS']),
    listTeamTokens: vi.fn(async () => [
      aTeamToken('TERRAKUBE_ADMIN', { description: 'Admin deploy', createdBy: 'admin@example.com' }),
      aTeamToken('TERRAKUBE_DEVELOPERS', { description: 'Developers CI', createdBy: 'dev@example.com' }),
    ]),
    ...overrides,
  });
}

// These drive the real generate and delete dialogs, which take seconds in jsdom on a busy machine.
const DIALOG_FLOW_TIMEOUT_MS = 15_000;

const tokenList = (name: string) => screen.findByRole('list', { name: `${name} tokens` });

describe('Teams › Edit', () => {
  it('names its loading state through a status, not a label on the skeleton', () => {
    const { container } = renderTeamsRoute(teamPathOf(ADMIN_TEAM), teamApi({ getTeam: never }));
    expect(screen.getByRole('heading', { level: 1, name: 'Team' })).toBeInTheDocument();
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Loading the team');
    expect(status.closest('[aria-busy="true"]')).not.toBeNull();
    expect(container.querySelector('.MuiSkeleton-root[aria-label]')).toBeNull();
  });

  it('asks for the team, the membership and the team tokens at once, each once', async () => {
    let answerTeam: (team: Team) => void = () => undefined;
    const api = teamApi({ getTeam: vi.fn(() => new Promise<Team>((resolve) => (answerTeam = resolve))) });
    renderTeamsRoute(teamPathOf(ADMIN_TEAM), api);
    await waitFor(() => expect(api.listTeamTokens).toHaveBeenCalledTimes(1));
    expect(api.currentTeams).toHaveBeenCalledTimes(1);
    expect(api.getTeam).toHaveBeenCalledWith(ORGANIZATION.id, ADMIN_TEAM.id, expect.any(AbortSignal));

    answerTeam(ADMIN_TEAM);
    expect(await tokenList('TERRAKUBE_ADMIN')).toBeInTheDocument();
    for (const call of [api.getTeam, api.currentTeams, api.listTeamTokens]) expect(call).toHaveBeenCalledTimes(1);
  });

  it("shows the team's permissions, what team tokens are, and only this team's tokens with their creator", async () => {
    renderTeamsRoute(teamPathOf(DEVELOPERS_TEAM), teamApi());
    expect(await screen.findByRole('heading', { level: 1, name: 'Team: TERRAKUBE_DEVELOPERS' })).toBeInTheDocument();
    expect(document.title).toBe('Team: TERRAKUBE_DEVELOPERS · Terrakube');

    const permissions = screen.getByRole('region', { name: 'Permissions' });
    expect(within(permissions).getByText('Manages state')).toBeInTheDocument();
    expect(within(permissions).getByText('Manages workspaces')).toBeInTheDocument();
    expect(within(permissions).getByText('Cannot manage VCS connections')).toBeInTheDocument();

    const section = screen.getByRole('region', { name: 'Team API tokens' });
    expect(section).toHaveTextContent(/CI\/CD/);
    expect(section).toHaveTextContent(/not tied to a person/);
    expect(section).toHaveTextContent(/act with this team's permissions/);

    const list = await tokenList('TERRAKUBE_DEVELOPERS');
    const rows = within(list).getAllByRole('listitem');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('Developers CI');
    expect(rows[0]).toHaveTextContent('dev@example.com');
    expect(screen.queryByText('Admin deploy')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Generate team token' })).toBeEnabled();
  });

  it('says when the team has no tokens yet', async () => {
    renderTeamsRoute(teamPathOf(ADMIN_TEAM), teamApi({ listTeamTokens: async () => [aTeamToken('TERRAKUBE_DEVELOPERS')] }));
    expect(await screen.findByText('TERRAKUBE_ADMIN has no API tokens yet.')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'TERRAKUBE_ADMIN tokens' })).not.toBeInTheDocument();
  });

  it('tells a non-member why they cannot generate, and why they see no tokens', async () => {
    renderTeamsRoute(teamPathOf(ADMIN_TEAM), teamApi({ currentTeams: async () => ['AWS_DEVELOPERS'] }));
    const generate = await screen.findByRole('button', { name: 'Generate team token' });
    expect(generate).toBeDisabled();
    expect(generate).toHaveAccessibleDescription('Only members of TERRAKUBE_ADMIN can create its tokens.');
    expect(screen.getByText(/You are not a member of TERRAKUBE_ADMIN, so you cannot see its tokens/)).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'TERRAKUBE_ADMIN tokens' })).not.toBeInTheDocument();
  });

  it('says when the membership cannot be loaded, and Retry recovers', async () => {
    const currentTeams = vi
      .fn<TokenApi['currentTeams']>()
      .mockRejectedValueOnce(new ApiError(500, 'The database is down.'))
      .mockResolvedValue(['TERRAKUBE_ADMIN']);
    const { user } = renderTeamsRoute(teamPathOf(ADMIN_TEAM), teamApi({ currentTeams }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load your team membership');
    expect(screen.queryByRole('button', { name: 'Generate team token' })).not.toBeInTheDocument();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await tokenList('TERRAKUBE_ADMIN')).toBeInTheDocument();
  });

  it('says when the token list cannot be loaded, and Retry recovers', async () => {
    const listTeamTokens = vi
      .fn<TokenApi['listTeamTokens']>()
      .mockRejectedValueOnce(new ApiError(500, 'The database is down.'))
      .mockResolvedValue([aTeamToken('TERRAKUBE_ADMIN', { description: 'Admin deploy' })]);
    const { user } = renderTeamsRoute(teamPathOf(ADMIN_TEAM), teamApi({ listTeamTokens }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('TERRAKUBE_ADMIN tokens');
    expect(alert).toHaveTextContent('The database is down.');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(within(await tokenList('TERRAKUBE_ADMIN')).getByText('Admin deploy')).toBeInTheDocument();
  });

  it('says what failed for a server error on the team (not "not found"), and Retry recovers', async () => {
    const getTeam = vi
      .fn<TokenApi['getTeam']>()
      .mockRejectedValueOnce(new ApiError(500, 'The database is down.'))
      .mockResolvedValue(ADMIN_TEAM);
    const { user } = renderTeamsRoute(teamPathOf(ADMIN_TEAM), teamApi({ getTeam }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the team');
    expect(screen.queryByRole('heading', { name: 'Team not found' })).not.toBeInTheDocument();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Team: TERRAKUBE_ADMIN' })).toBeInTheDocument();
  });

  describe('a team that is not there', () => {
    it.each([404, 400])('is not found when the API answers %i, with a way back to the teams', async (status) => {
      renderTeamsRoute(teamPathOf(ADMIN_TEAM), teamApi({ getTeam: () => Promise.reject(new ApiError(status, 'No.')) }));
      expect(await screen.findByRole('heading', { level: 1, name: 'Team not found' })).toBeInTheDocument();
      await waitFor(() =>
        expect(screen.getByRole('link', { name: 'Back to Teams' })).toHaveAttribute('href', `/organizations/${ORGANIZATION.id}/settings/teams`),
      );
      expect(document.title).toBe('Team not found · Terrakube');
    });

    it('is not found in an organization the user does not have, with a way back to the Teams navigation', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      const listOrganizations = vi.fn(async () => [ORGANIZATION]);
      renderTeamsRoute(
        `/organizations/${unknown}/settings/teams/${ADMIN_TEAM.id}`,
        teamApi({ listOrganizations, getTeam: () => Promise.reject(new ApiError(404, 'No such organization.')) }),
      );
      expect(await screen.findByRole('heading', { level: 1, name: 'Team not found' })).toBeInTheDocument();
      await waitFor(() => expect(listOrganizations).toHaveBeenCalled());
      expect(screen.getByRole('link', { name: 'Back to Teams' })).toHaveAttribute('href', '/organizations');
    });

    it.each([
      ['a team id', `/organizations/${ORGANIZATION.id}/settings/teams/admins`, `/organizations/${ORGANIZATION.id}/settings/teams`],
      ['an organization id', `/organizations/simple/settings/teams/${ADMIN_TEAM.id}`, '/organizations'],
    ])('is not found, without asking the API about it, for %s that is not a UUID', async (_what, path, back) => {
      const api = teamApi();
      renderTeamsRoute(path, api);
      expect(screen.getByRole('heading', { level: 1, name: 'Team not found' })).toBeInTheDocument();
      await waitFor(() => expect(screen.getByRole('link', { name: 'Back to Teams' })).toHaveAttribute('href', back));
      for (const call of [api.getTeam, api.currentTeams, api.listTeamTokens]) expect(call).not.toHaveBeenCalled();
    });
  });

  it('generates with the team as group and deletes through the team token API', async () => {
    const createTeamToken = vi.fn<TokenApi['createTeamToken']>(async () => ({ token: 'header.payload.signature' }));
    const deleteTeamToken = vi.fn<TokenApi['deleteTeamToken']>(async () => undefined);
    const token = aTeamToken('TERRAKUBE_ADMIN', { description: 'Admin deploy' });
    const { user } = renderTeamsRoute(teamPathOf(ADMIN_TEAM), teamApi({ createTeamToken, deleteTeamToken, listTeamTokens: async () => [token] }));

    await user.click(await screen.findByRole('button', { name: 'Generate team token' }));
    const dialog = await screen.findByRole('dialog', { name: 'Generate team token' });
    await user.type(within(dialog).getByLabelText(/Description/), 'Nightly');
    await user.click(within(dialog).getByRole('radio', { name: '15 minutes' }));
    await user.click(within(dialog).getByRole('button', { name: 'Generate' }));
    expect(await within(dialog).findByLabelText('Token')).toHaveValue('header.payload.signature');
    expect(createTeamToken).toHaveBeenCalledWith({ group: 'TERRAKUBE_ADMIN', description: 'Nightly', days: 0, hours: 0, minutes: 15 });
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: 'Delete token Admin deploy' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(deleteTeamToken).toHaveBeenCalledWith(token.id));
  }, DIALOG_FLOW_TIMEOUT_MS);

  it('after a not-a-member refusal, keeps the dialog with the reason and shows the membership as it now is', async () => {
    const currentTeams = vi
      .fn<TokenApi['currentTeams']>()
      .mockResolvedValueOnce(['TERRAKUBE_ADMIN'])
      .mockResolvedValue([]);
    const createTeamToken = vi.fn<TokenApi['createTeamToken']>(() => Promise.reject(new ApiError(403, 'You are not a member of TERRAKUBE_ADMIN.')));
    const { user } = renderTeamsRoute(teamPathOf(ADMIN_TEAM), teamApi({ currentTeams, createTeamToken }));

    await user.click(await screen.findByRole('button', { name: 'Generate team token' }));
    const dialog = await screen.findByRole('dialog', { name: 'Generate team token' });
    await user.type(within(dialog).getByLabelText(/Description/), 'Nightly');
    await user.click(within(dialog).getByRole('button', { name: 'Generate' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('You are not a member of TERRAKUBE_ADMIN.');
    expect(within(dialog).getByLabelText(/Description/)).toHaveValue('Nightly');

    await waitFor(() => expect(currentTeams).toHaveBeenCalledTimes(2));
    expect(await screen.findByText('Only members of TERRAKUBE_ADMIN can create its tokens.')).toBeInTheDocument();
  }, DIALOG_FLOW_TIMEOUT_MS);
});
