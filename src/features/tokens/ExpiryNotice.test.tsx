import { screen, waitFor, within } from '@testing-library/react';
import { useLocation } from '../../ui/router';
import { describe, expect, it } from 'vitest';
import type { Team } from '../../api';
import { ADMIN_TEAM, aTeamToken, aToken, AWS_TEAM, DAY, HOUR, personalTokensApi, renderWithProviders, teamsApi } from '../../test/testKit';
import { useTeamTokenCollection } from '../teams/teamQueries';
import { usePersonalTokens } from '../user-settings/usePersonalTokens';
import type { ListedToken } from './tokenRows';
import { TokensPanel } from './TokensPanel';

function Search() {
  return <p>Search: {useLocation().search}</p>;
}
const PersonalPanel = () => (
  <>
    <TokensPanel collection={usePersonalTokens()} />
    <Search />
  </>
);
const TeamPanel = ({ team }: { team: Team }) => <TokensPanel collection={useTeamTokenCollection(team)} />;

function renderPersonal(tokens: ListedToken[], path = '/settings/tokens') {
  return renderWithProviders(<PersonalPanel />, { api: personalTokensApi(tokens).api, path });
}

const list = () => screen.findByRole('list', { name: 'Your API tokens' });
const notice = () => screen.findByRole('note');

describe('Expiry notice', () => {
  it('counts the tokens that expire within seven days, above the generate button, and links to them', async () => {
    renderPersonal([
      aToken({ expiresIn: 2 * DAY }),
      aToken({ expiresIn: HOUR }),
      aToken({ expiresIn: 7 * DAY + HOUR }),
      aToken({ expiresIn: -DAY }),
      aToken({ expiresIn: null }),
    ]);
    const note = await notice();
    expect(note).toHaveTextContent(/^2 of your tokens expire this week\. Review them$/);
    expect(within(note).getByRole('link', { name: 'Review them' })).toHaveAttribute('href', '/settings/tokens?status=expiring');
    const generate = screen.getByRole('button', { name: 'Generate token' });
    expect(note.compareDocumentPosition(generate) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('speaks of one token in the singular', async () => {
    renderPersonal([aToken({ expiresIn: 3 * DAY }), aToken({ expiresIn: 30 * DAY })]);
    const note = await notice();
    expect(note).toHaveTextContent(/^1 of your tokens expires this week\. Review it$/);
    expect(within(note).getByRole('link', { name: 'Review it' })).toHaveAttribute('href', '/settings/tokens?status=expiring');
  });

  it("speaks of a team's tokens on the team screen", async () => {
    const { api } = teamsApi({ tokens: [aTeamToken(ADMIN_TEAM.id, { expiresIn: DAY }), aTeamToken(ADMIN_TEAM.id, { expiresIn: 2 * DAY })] });
    renderWithProviders(<TeamPanel team={ADMIN_TEAM} />, { api, path: `/teams/${ADMIN_TEAM.id}` });
    expect(await notice()).toHaveTextContent(/^2 of this team's tokens expire this week\. Review them$/);
    expect(screen.getByRole('link', { name: 'Review them' })).toHaveAttribute('href', `/teams/${ADMIN_TEAM.id}?status=expiring`);
  });

  it('is absent when no token expires within seven days: active, expired and never-expiring ones do not count', async () => {
    renderPersonal([aToken({ expiresIn: 7 * DAY + HOUR }), aToken({ expiresIn: -HOUR }), aToken({ expiresIn: null })]);
    await list();
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
    expect(screen.queryByText(/expires? this week/)).not.toBeInTheDocument();
  });

  it("is absent for a team whose tokens the person may not see, even once the organization's tokens have loaded", async () => {
    const { api } = teamsApi({ tokens: [aTeamToken(AWS_TEAM.id, { expiresIn: DAY })] });
    renderWithProviders(<TeamPanel team={AWS_TEAM} />, { api });
    expect(await screen.findByText(/^You are not a member of AWS_DEVELOPERS/)).toBeInTheDocument();
    await waitFor(() => expect(api.listTeamTokens).toHaveBeenCalled());
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
  });

  it('Review them filters the list to those tokens, keeping other parameters, then stays without the link', async () => {
    const { user } = renderPersonal(
      [aToken({ description: 'Soon', expiresIn: DAY }), aToken({ description: 'Sooner', expiresIn: HOUR }), aToken({ description: 'Later' })],
      '/settings/tokens?tab=keys',
    );
    const note = await notice();
    const link = within(note).getByRole('link', { name: 'Review them' });
    expect(link).toHaveAttribute('href', '/settings/tokens?tab=keys&status=expiring');

    await user.click(link);
    expect(screen.getByText(/^Search: /)).toHaveTextContent('Search: ?tab=keys&status=expiring');
    expect(within(await list()).getAllByRole('listitem')).toHaveLength(2);
    expect(within(screen.getByRole('group', { name: 'Status' })).getByRole('button', { name: 'Expires soon 2' })).toHaveAttribute('aria-pressed', 'true');
    // The link is gone; focus is on the tokens it was about.
    expect(note).toHaveTextContent(/^2 of your tokens expire this week\.$/);
    expect(within(note).queryByRole('link')).not.toBeInTheDocument();
    await waitFor(async () => expect(await list()).toHaveFocus());
  });

  it('offers no link while the list is filtered to those tokens already', async () => {
    renderPersonal([aToken({ expiresIn: DAY })], '/settings/tokens?status=expiring');
    expect(await notice()).toHaveTextContent(/^1 of your tokens expires this week\.$/);
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });
});
