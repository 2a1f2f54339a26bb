import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, tokenKeys, type Team, type TokenApi } from '../../api';
import {
  ADMIN_TEAM,
  aTeam,
  aTeamToken,
  aToken,
  AWS_TEAM,
  DAY,
  fakeTokenApi,
  personalTokensApi,
  renderWithProviders,
  SINGLE_TEAM_TOKEN_CAPABILITIES,
  teamsApi,
} from '../../test/testKit';
import { useTeamTokenCollection } from '../teams/teamQueries';
import { usePersonalTokens } from '../user-settings/usePersonalTokens';
import type { TokenListData } from './tokenListData';
import { TokensPanel } from './TokensPanel';

/** The panel as each screen wires it. */
const PersonalPanel = () => <TokensPanel collection={usePersonalTokens()} />;
const TeamPanel = ({ team }: { team: Team }) => <TokensPanel collection={useTeamTokenCollection(team)} />;

const PERSONAL_LIST = 'Your API tokens';

describe('TokensPanel', () => {
  it('disables the generate button for a non-member, with the reason next to it, and says why there is no list', async () => {
    const { api } = teamsApi({ tokens: [aTeamToken(AWS_TEAM.id, { description: 'AWS deploy' })] });
    const { queryClient } = renderWithProviders(<TeamPanel team={AWS_TEAM} />, { api });
    const button = screen.getByRole('button', { name: 'Generate team token' });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription('Only members of AWS_DEVELOPERS can create its tokens.');
    expect(screen.getByText('Only members of AWS_DEVELOPERS can create its tokens.')).toBeVisible();
    expect(
      screen.getByText("You are not a member of AWS_DEVELOPERS, so you cannot see its tokens: Terrakube shows a team's tokens to its members only."),
    ).toBeInTheDocument();
    expect(screen.queryByText('Loading tokens')).not.toBeInTheDocument();
    // Even once the organization's team tokens have loaded.
    await waitFor(() => expect(queryClient.getQueryState(tokenKeys.team(AWS_TEAM.organizationId))?.status).toBe('success'));
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
    expect(screen.queryByText('AWS deploy')).not.toBeInTheDocument();
  });

  it('says so where the backend does not tell membership but the person may not manage the tokens', () => {
    const team = aTeam('PLATFORM', '11111111-2222-4333-8444-555555555555', { member: undefined, canManageTokens: false });
    renderWithProviders(<TeamPanel team={team} />, { api: teamsApi({ teams: [team] }).api });
    expect(screen.getByRole('button', { name: 'Generate team token' })).toBeDisabled();
    expect(screen.getByText(/^You may not manage the tokens of PLATFORM, so you cannot see them/)).toBeInTheDocument();
  });

  it("lists a team's tokens, and says when there are none, with the button enabled for those who may manage them", async () => {
    const { api } = teamsApi({ tokens: [aTeamToken(AWS_TEAM.id, { description: 'Not this team' })] });
    renderWithProviders(<TeamPanel team={ADMIN_TEAM} />, { api });
    expect(await screen.findByText('TERRAKUBE_ADMIN has no API tokens yet.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Generate team token' })).toBeEnabled();
    expect(screen.queryByText('Not this team')).not.toBeInTheDocument();
  });

  it('keeps the list when a background refresh fails, and says so', async () => {
    const listPersonalTokens = vi
      .fn<TokenApi['listPersonalTokens']>()
      .mockResolvedValueOnce([aToken({ description: 'Deploy' })])
      .mockRejectedValue(new ApiError(0, 'Cannot reach the server. Check your connection and try again.'));
    const { queryClient } = renderWithProviders(<PersonalPanel />, { api: fakeTokenApi({ listPersonalTokens }) });
    await screen.findByRole('list', { name: PERSONAL_LIST });

    await queryClient.refetchQueries({ queryKey: tokenKeys.personal() });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('could not be refreshed');
    expect(alert).toHaveTextContent('Cannot reach the server.');
    expect(within(screen.getByRole('list', { name: PERSONAL_LIST })).getAllByRole('listitem')).toHaveLength(1);
  });

  it('never shows a deleted row again, even if a refresh that started earlier answers with it', async () => {
    const doomed = aToken({ description: 'Doomed', expiresIn: DAY });
    const keep = aToken({ description: 'Kept' });
    let finishDelete: () => void = () => undefined;
    const { api, store } = personalTokensApi([doomed, keep], {
      deletePersonalToken: vi.fn(
        () =>
          new Promise<void>((resolve) => {
            finishDelete = () => {
              store.splice(store.indexOf(doomed), 1);
              resolve();
            };
          }),
      ),
    });
    const { user, queryClient } = renderWithProviders(<PersonalPanel />, { api });
    await screen.findByRole('list', { name: PERSONAL_LIST });

    await user.click(screen.getByRole('button', { name: 'Delete token Doomed' }));
    await user.click(within(await screen.findByRole('alertdialog', { name: 'Delete token?' })).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Delete token Doomed' })).not.toBeInTheDocument());

    // While the delete is on its way, a refresh (say, on window focus) still lists the token.
    await queryClient.refetchQueries({ queryKey: tokenKeys.personal() });
    expect(queryClient.getQueryData<TokenListData>(tokenKeys.personal())?.items).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Delete token Doomed' })).not.toBeInTheDocument();

    finishDelete();
    expect(await screen.findByText('Token Doomed deleted')).toBeInTheDocument();
    await waitFor(() => expect(queryClient.isMutating()).toBe(0));
    // The delete stayed pending until the list was fetched again, after the server had deleted the token.
    expect(api.listPersonalTokens).toHaveBeenCalledTimes(3);
    expect(queryClient.getQueryData<TokenListData>(tokenKeys.personal())?.items).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Delete token Doomed' })).not.toBeInTheDocument();
  });

  it("deletes a team's token through the team token API, naming the team", async () => {
    const token = aTeamToken(ADMIN_TEAM.id, { description: 'Admin deploy' });
    const { api, store } = teamsApi({ tokens: [token] });
    const { user } = renderWithProviders(<TeamPanel team={ADMIN_TEAM} />, { api });
    await user.click(await screen.findByRole('button', { name: 'Delete token Admin deploy' }));
    await user.click(within(await screen.findByRole('alertdialog', { name: 'Delete token?' })).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Token Admin deploy deleted')).toBeInTheDocument();
    expect(api.deleteTeamToken).toHaveBeenCalledExactlyOnceWith({ organizationId: ADMIN_TEAM.organizationId, teamId: ADMIN_TEAM.id }, token.id);
    expect(store).toEqual([]);
    expect(await screen.findByText('TERRAKUBE_ADMIN has no API tokens yet.')).toBeInTheDocument();
  });

  describe('a team that has one token, without a description', () => {
    const single = (tokens = [aTeamToken(ADMIN_TEAM.id, { description: '' })]) =>
      teamsApi({ tokens }, { capabilities: SINGLE_TEAM_TOKEN_CAPABILITIES }).api;

    it('names the token as untitled, and asks before generating replaces it', async () => {
      const { user } = renderWithProviders(<TeamPanel team={ADMIN_TEAM} />, { api: single() });
      expect(await screen.findByRole('button', { name: 'Delete token Untitled token' })).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Generate team token' }));
      const dialog = await screen.findByRole('dialog', { name: 'Generate team token' });
      expect(dialog).toHaveTextContent('The current token will be revoked when the new one is generated.');
      expect(within(dialog).getByRole('button', { name: 'Replace token' })).toBeInTheDocument();
      expect(within(dialog).queryByRole('button', { name: 'Generate' })).not.toBeInTheDocument();
    });

    it('offers no generate while the current token is not known, as generating could revoke it unannounced', async () => {
      let answer: (tokens: ReturnType<typeof aTeamToken>[]) => void = () => undefined;
      const api = teamsApi({}, { capabilities: SINGLE_TEAM_TOKEN_CAPABILITIES, listTeamTokens: () => new Promise((resolve) => (answer = resolve)) }).api;
      renderWithProviders(<TeamPanel team={ADMIN_TEAM} />, { api });
      const button = screen.getByRole('button', { name: 'Generate team token' });
      expect(button).toBeDisabled();
      expect(button).toHaveAccessibleDescription('Generating replaces the current token, so it is offered once the current token has loaded.');
      answer([aTeamToken(ADMIN_TEAM.id, { description: '' })]);
      await waitFor(() => expect(screen.getByRole('button', { name: 'Generate team token' })).toBeEnabled());
    });

    it('goes straight to the form while the team has no token', async () => {
      const { user } = renderWithProviders(<TeamPanel team={ADMIN_TEAM} />, { api: single([]) });
      await screen.findByText('TERRAKUBE_ADMIN has no API tokens yet.');
      await user.click(screen.getByRole('button', { name: 'Generate team token' }));
      const dialog = await screen.findByRole('dialog', { name: 'Generate team token' });
      expect(within(dialog).getByRole('button', { name: 'Generate' })).toBeInTheDocument();
      expect(within(dialog).queryByRole('button', { name: 'Replace token' })).not.toBeInTheDocument();
      expect(within(dialog).queryByRole('textbox', { name: 'Description' })).not.toBeInTheDocument();
    });
  });
});
