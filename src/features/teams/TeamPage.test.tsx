import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, type Team, type TeamToken, type TokenApi } from '../../api';
import {
  ADMIN_TEAM,
  aTeamToken,
  AWS_TEAM,
  deferred,
  DEVELOPERS_TEAM,
  MINUTE,
  never,
  notFoundError,
  ORGANIZATION,
  renderRoute,
  teamsApi,
} from '../../test/testKit';

const teamPathOf = (team: Team) => `/organizations/${team.organizationId}/settings/teams/${team.id}`;
const refOf = (team: Team) => ({ organizationId: team.organizationId, teamId: team.id });

/** admin@example.com's view: a member of TERRAKUBE_ADMIN and TERRAKUBE_DEVELOPERS, with a token in each. */
function renderTeam(path: string, overrides: Partial<TokenApi> = {}) {
  const tokens = [
    aTeamToken(ADMIN_TEAM.id, { description: 'Admin deploy', createdBy: 'admin@example.com' }),
    aTeamToken(DEVELOPERS_TEAM.id, { description: 'Developers CI', createdBy: 'dev@example.com' }),
  ];
  const { api, store } = teamsApi({ tokens }, overrides);
  return { api, store, tokens, ...renderRoute(path, { api }) };
}

// These drive the real generate and delete dialogs, which take seconds in jsdom on a busy machine.
const DIALOG_FLOW_TIMEOUT_MS = 15_000;

const tokenList = (name: string) => screen.findByRole('list', { name: `${name} tokens` });

describe('Teams › Edit', () => {
  it('names its loading state through a status, not a label on the skeleton', async () => {
    const { container } = renderTeam(teamPathOf(ADMIN_TEAM), { getTeam: never });
    expect(await screen.findByRole('heading', { level: 1, name: 'Team' })).toBeInTheDocument();
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Loading the team');
    expect(status.closest('[aria-busy="true"]')).not.toBeNull();
    expect(container.querySelector('.MuiSkeleton-root[aria-label]')).toBeNull();
  });

  it('asks for the team and the team tokens at once, each once', async () => {
    const team = deferred<Team>();
    const { api } = renderTeam(teamPathOf(ADMIN_TEAM), { getTeam: vi.fn(() => team.promise) });
    await waitFor(() => expect(api.listTeamTokens).toHaveBeenCalledTimes(1));
    expect(api.listTeamTokens).toHaveBeenCalledWith(ORGANIZATION.id, expect.any(AbortSignal));
    expect(api.getTeam).toHaveBeenCalledWith(refOf(ADMIN_TEAM), expect.any(AbortSignal));

    team.resolve(ADMIN_TEAM);
    expect(await tokenList('TERRAKUBE_ADMIN')).toBeInTheDocument();
    for (const call of [api.getTeam, api.listTeamTokens]) expect(call).toHaveBeenCalledTimes(1);
  });

  it("shows the team's permissions, what team tokens are, and only this team's tokens with their creator", async () => {
    renderTeam(teamPathOf(DEVELOPERS_TEAM));
    expect(await screen.findByRole('heading', { level: 1, name: 'Team: TERRAKUBE_DEVELOPERS' })).toBeInTheDocument();
    expect(document.title).toBe('Team: TERRAKUBE_DEVELOPERS · Terrakube');

    const permissions = within(screen.getByRole('region', { name: 'Permissions' })).getAllByRole('listitem');
    expect(permissions.map((item) => item.textContent)).toEqual([
      'Manage state: allowed',
      'Manage workspaces: allowed',
      'Manage modules: not allowed',
      'Manage providers: not allowed',
    ]);

    const section = screen.getByRole('region', { name: 'Team API tokens' });
    expect(section).toHaveTextContent(/CI\/CD/);
    expect(section).toHaveTextContent(/not tied to a person/);
    expect(section).toHaveTextContent(/act with this team's permissions/);

    const rows = within(await tokenList('TERRAKUBE_DEVELOPERS')).getAllByRole('listitem');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent('Developers CI');
    expect(rows[0]).toHaveTextContent('dev@example.com');
    expect(screen.queryByText('Admin deploy')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Generate team token' })).toBeEnabled();
  });

  it('says when the team has no tokens yet', async () => {
    renderTeam(teamPathOf(ADMIN_TEAM), { listTeamTokens: async () => [aTeamToken(DEVELOPERS_TEAM.id)] });
    expect(await screen.findByText('TERRAKUBE_ADMIN has no API tokens yet.')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'TERRAKUBE_ADMIN tokens' })).not.toBeInTheDocument();
  });

  it('tells a non-member why they cannot generate, and why they see no tokens', async () => {
    renderTeam(teamPathOf(AWS_TEAM));
    const generate = await screen.findByRole('button', { name: 'Generate team token' });
    expect(generate).toBeDisabled();
    expect(generate).toHaveAccessibleDescription('Only members of AWS_DEVELOPERS can create its tokens.');
    expect(screen.getByText(/You are not a member of AWS_DEVELOPERS, so you cannot see its tokens/)).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'AWS_DEVELOPERS tokens' })).not.toBeInTheDocument();
  });

  it('says when the token list cannot be loaded, and Retry recovers', async () => {
    const firstList = deferred<TeamToken[]>();
    const listTeamTokens = vi
      .fn<TokenApi['listTeamTokens']>()
      .mockReturnValueOnce(firstList.promise)
      .mockResolvedValue([aTeamToken(ADMIN_TEAM.id, { description: 'Admin deploy' })]);
    const { user } = renderTeam(teamPathOf(ADMIN_TEAM), { listTeamTokens });
    await screen.findByRole('heading', { level: 1, name: 'Team: TERRAKUBE_ADMIN' });
    firstList.reject(new ApiError(500, 'The database is down.'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the tokens of TERRAKUBE_ADMIN');
    expect(alert).toHaveTextContent('The database is down.');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(within(await tokenList('TERRAKUBE_ADMIN')).getByText('Admin deploy')).toBeInTheDocument();
  });

  it('says what failed for a server error on the team (not "not found"), and Retry recovers', async () => {
    const getTeam = vi.fn<TokenApi['getTeam']>().mockRejectedValueOnce(new ApiError(500, 'The database is down.')).mockResolvedValue(ADMIN_TEAM);
    const { user } = renderTeam(teamPathOf(ADMIN_TEAM), { getTeam });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the team');
    expect(screen.queryByRole('heading', { name: 'Team not found' })).not.toBeInTheDocument();
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Team: TERRAKUBE_ADMIN' })).toBeInTheDocument();
  });

  describe('a team that is not there', () => {
    it('is not found when the API answers 404, with a way back to the teams', async () => {
      const unknown = '99999999-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
      renderTeam(`/organizations/${ORGANIZATION.id}/settings/teams/${unknown}`);
      expect(await screen.findByRole('heading', { level: 1, name: 'Team not found' })).toBeInTheDocument();
      await waitFor(() =>
        expect(screen.getByRole('link', { name: 'Back to Teams' })).toHaveAttribute('href', `/organizations/${ORGANIZATION.id}/settings/teams`),
      );
      expect(document.title).toBe('Team not found · Terrakube');
    });

    it.each([
      ['a team id', ORGANIZATION.id, 'admins', `/organizations/${ORGANIZATION.id}/settings/teams`],
      ['an organization id', 'simple', ADMIN_TEAM.id, '/organizations'],
    ])('leaves %s that is not a UUID to the API, whose 404 makes it not found', async (_what, organizationId, teamId, back) => {
      const { api } = renderTeam(`/organizations/${organizationId}/settings/teams/${teamId}`);
      expect(await screen.findByRole('heading', { level: 1, name: 'Team not found' })).toBeInTheDocument();
      expect(api.getTeam).toHaveBeenCalledWith({ organizationId, teamId }, expect.any(AbortSignal));
      await waitFor(() => expect(screen.getByRole('link', { name: 'Back to Teams' })).toHaveAttribute('href', back));
    });

    it('is not found in an organization the user does not have, with a way back to the Teams navigation', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      const { api } = renderTeam(`/organizations/${unknown}/settings/teams/${ADMIN_TEAM.id}`);
      expect(await screen.findByRole('heading', { level: 1, name: 'Team not found' })).toBeInTheDocument();
      await waitFor(() => expect(api.listOrganizations).toHaveBeenCalled());
      await waitFor(() => expect(screen.getByRole('link', { name: 'Back to Teams' })).toHaveAttribute('href', '/organizations'));
    });
  });

  it('generates and deletes through the team token API, naming the team', async () => {
    const { user, api, tokens } = renderTeam(teamPathOf(ADMIN_TEAM));
    await tokenList('TERRAKUBE_ADMIN');

    await user.click(screen.getByRole('button', { name: 'Generate team token' }));
    const dialog = await screen.findByRole('dialog', { name: 'Generate team token' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Description' }), 'Nightly');
    await user.click(within(dialog).getByRole('radio', { name: '15 minutes' }));
    const before = Date.now();
    await user.click(within(dialog).getByRole('button', { name: 'Generate' }));
    expect((await within(dialog).findByRole('textbox', { name: 'Token' }) as HTMLTextAreaElement).value).toMatch(/^test-secret-/);
    expect(api.createTeamToken).toHaveBeenCalledExactlyOnceWith(refOf(ADMIN_TEAM), { description: 'Nightly', expiresAt: expect.any(Date) });
    const { expiresAt } = vi.mocked(api.createTeamToken).mock.calls[0]![1];
    expect(expiresAt!.getTime() - before).toBeGreaterThanOrEqual(15 * MINUTE);
    expect(expiresAt!.getTime() - Date.now()).toBeLessThanOrEqual(15 * MINUTE);
    // The new token is listed behind the dialog (hidden from assistive technology while the dialog is open).
    expect(within(screen.getByRole('list', { name: 'TERRAKUBE_ADMIN tokens', hidden: true })).getByText('Nightly')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: 'Delete token Admin deploy' }));
    await user.click(within(await screen.findByRole('alertdialog', { name: 'Delete token?' })).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(api.deleteTeamToken).toHaveBeenCalledExactlyOnceWith(refOf(ADMIN_TEAM), tokens[0]!.id));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Delete token Admin deploy' })).not.toBeInTheDocument());
  }, DIALOG_FLOW_TIMEOUT_MS);

  it('after a not-a-member refusal, keeps the dialog with the reason and shows the membership as it now is', async () => {
    const nonMember = { ...ADMIN_TEAM, canManageTokens: false, isMember: false };
    const getTeam = vi.fn<TokenApi['getTeam']>().mockResolvedValueOnce(ADMIN_TEAM).mockResolvedValue(nonMember);
    const createTeamToken = vi.fn<TokenApi['createTeamToken']>(() => Promise.reject(new ApiError(403, 'You are not a member of TERRAKUBE_ADMIN.')));
    const { user } = renderTeam(teamPathOf(ADMIN_TEAM), { getTeam, createTeamToken });

    await user.click(await screen.findByRole('button', { name: 'Generate team token' }));
    const dialog = await screen.findByRole('dialog', { name: 'Generate team token' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Description' }), 'Nightly');
    await user.click(within(dialog).getByRole('button', { name: 'Generate' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('You are not a member of TERRAKUBE_ADMIN.');
    expect(within(dialog).getByRole('textbox', { name: 'Description' })).toHaveValue('Nightly');

    await waitFor(() => expect(getTeam).toHaveBeenCalledTimes(2));
    expect(await screen.findByText('Only members of TERRAKUBE_ADMIN can create its tokens.')).toBeInTheDocument();
  }, DIALOG_FLOW_TIMEOUT_MS);

  it('shows the team as not found when generating finds it gone', async () => {
    const getTeam = vi.fn<TokenApi['getTeam']>().mockResolvedValueOnce(ADMIN_TEAM).mockRejectedValue(notFoundError('This team'));
    const createTeamToken = vi.fn<TokenApi['createTeamToken']>(() => Promise.reject(notFoundError('This team')));
    const { user } = renderTeam(teamPathOf(ADMIN_TEAM), { getTeam, createTeamToken });

    await user.click(await screen.findByRole('button', { name: 'Generate team token' }));
    const dialog = await screen.findByRole('dialog', { name: 'Generate team token' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Description' }), 'Nightly');
    await user.click(within(dialog).getByRole('button', { name: 'Generate' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Team not found' })).toBeInTheDocument();
    expect(getTeam).toHaveBeenCalledTimes(2);
  }, DIALOG_FLOW_TIMEOUT_MS);
});
