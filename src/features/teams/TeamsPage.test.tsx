import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type TokenApi } from '../../api';
import { DAY, fakeTokenApi, MINUTE } from '../tokens/testing/tokenTestKit';
import { activeTokenCounts } from './activeTokenCounts';
import {
  ADMIN_TEAM,
  aTeamToken,
  AWS_TEAM,
  DEVELOPERS_TEAM,
  ORGANIZATION,
  OTHER_ORGANIZATION,
  renderTeamsRoute,
} from './testing/teamTestKit';

const TEAMS_PATH = `/organizations/${ORGANIZATION.id}/settings/teams`;
const never = () => new Promise<never>(() => undefined);

/** The embedded server's demo, as admin@example.com (in TERRAKUBE_ADMIN and TERRAKUBE_DEVELOPERS) sees it. */
function teamsApi(overrides: Partial<TokenApi> = {}) {
  return fakeTokenApi({
    listOrganizations: async () => [ORGANIZATION, OTHER_ORGANIZATION],
    listTeams: async () => [ADMIN_TEAM, AWS_TEAM, DEVELOPERS_TEAM],
    currentTeams: async () => ['TERRAKUBE_ADMIN', 'TERRAKUBE_DEVELOPERS'],
    listTeamTokens: async () => [],
    ...overrides,
  });
}

const row = async (name: string) => (await screen.findByRole('heading', { level: 2, name })).closest('li')!;

afterEach(() => {
  vi.useRealTimers();
});

describe('Teams list', () => {
  it('names its loading state through a status, not a label on the skeletons', () => {
    const { container } = renderTeamsRoute(TEAMS_PATH, teamsApi({ listTeams: never }));
    expect(screen.getByRole('heading', { level: 1, name: 'Teams' })).toBeInTheDocument();
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Loading teams');
    expect(status.closest('[aria-busy="true"]')).not.toBeNull();
    expect(container.querySelector('.MuiSkeleton-root[aria-label]')).toBeNull();
  });

  it('names the organization, and links each team to its edit page', async () => {
    renderTeamsRoute(TEAMS_PATH, teamsApi());
    expect(await screen.findByText('simple')).toBeInTheDocument();
    expect(screen.getByText(/^Organization:/)).toHaveTextContent('Organization: simple');
    expect(document.title).toBe('Teams of simple · Terrakube');
    expect(await screen.findByRole('link', { name: 'Edit TERRAKUBE_ADMIN' })).toHaveAttribute('href', `${TEAMS_PATH}/${ADMIN_TEAM.id}`);
  });

  it("shows membership, and counts each of the user's teams' active tokens", async () => {
    const listTeamTokens = vi.fn<TokenApi['listTeamTokens']>(async () => [
      aTeamToken('TERRAKUBE_ADMIN', { expiresIn: 3 * DAY }),
      aTeamToken('TERRAKUBE_ADMIN', { expiresIn: null }),
      aTeamToken('TERRAKUBE_ADMIN', { expiresIn: 10 * MINUTE }),
      aTeamToken('TERRAKUBE_ADMIN', { expiresIn: -MINUTE }),
      // A creation date the API did not give readably: its expiry is unknown, so it does not count as active.
      aTeamToken('TERRAKUBE_ADMIN', { createdAt: null, expiresAt: null, duration: { days: 30, hours: 0, minutes: 0 } }),
    ]);
    renderTeamsRoute(TEAMS_PATH, teamsApi({ listTeamTokens }));

    const admin = await row('TERRAKUBE_ADMIN');
    expect(await within(admin).findByText('3 active tokens')).toBeInTheDocument();
    expect(within(admin).getByText('Member')).toBeInTheDocument();
    const developers = await row('TERRAKUBE_DEVELOPERS');
    expect(within(developers).getByText('Member')).toBeInTheDocument();
    expect(within(developers).getByText('0 active tokens')).toBeInTheDocument();
    const aws = await row('AWS_DEVELOPERS');
    expect(within(aws).getByText('Not a member')).toBeInTheDocument();
    expect(within(aws).getByText('Tokens visible to members')).toBeInTheDocument();
    expect(listTeamTokens).toHaveBeenCalledTimes(1);
  });

  it('stops counting a token once it expires, while the page is open', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderTeamsRoute(TEAMS_PATH, teamsApi({ listTeamTokens: async () => [aTeamToken('TERRAKUBE_ADMIN', { expiresIn: 20_000 })] }));
    const admin = await row('TERRAKUBE_ADMIN');
    expect(await within(admin).findByText('1 active token')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(31_000));
    expect(within(admin).getByText('0 active tokens')).toBeInTheDocument();
  });

  it('says when the organization has no teams', async () => {
    renderTeamsRoute(TEAMS_PATH, teamsApi({ listTeams: async () => [] }));
    expect(await screen.findByText('This organization has no teams yet.')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Teams' })).not.toBeInTheDocument();
  });

  it('says what failed when the teams cannot be loaded, and Retry loads them', async () => {
    const listTeams = vi
      .fn<TokenApi['listTeams']>()
      .mockRejectedValueOnce(new ApiError(500, 'The database is down.'))
      .mockResolvedValue([ADMIN_TEAM]);
    const { user } = renderTeamsRoute(TEAMS_PATH, teamsApi({ listTeams }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the teams');
    expect(alert).toHaveTextContent('The database is down.');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('link', { name: 'Edit TERRAKUBE_ADMIN' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says when the membership cannot be loaded, and Retry brings the chips and counts', async () => {
    const currentTeams = vi
      .fn<TokenApi['currentTeams']>()
      .mockRejectedValueOnce(new ApiError(0, 'Cannot reach the server.'))
      .mockResolvedValue(['TERRAKUBE_ADMIN']);
    const { user } = renderTeamsRoute(TEAMS_PATH, teamsApi({ currentTeams }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load your team membership');
    expect(screen.queryByText('Member')).not.toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    const admin = await row('TERRAKUBE_ADMIN');
    expect(await within(admin).findByText('Member')).toBeInTheDocument();
    expect(within(admin).getByText('0 active tokens')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says when the token counts cannot be loaded, and Retry brings them', async () => {
    const listTeamTokens = vi
      .fn<TokenApi['listTeamTokens']>()
      .mockRejectedValueOnce(new ApiError(403, 'Forbidden'))
      .mockResolvedValue([aTeamToken('TERRAKUBE_ADMIN')]);
    const { user } = renderTeamsRoute(TEAMS_PATH, teamsApi({ listTeamTokens }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the token counts');
    expect(within(await row('TERRAKUBE_ADMIN')).getByText('Token count unavailable')).toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await within(await row('TERRAKUBE_ADMIN')).findByText('1 active token')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('does not ask about counts it would not show: no count error for a user in none of the teams', async () => {
    renderTeamsRoute(TEAMS_PATH, teamsApi({ currentTeams: async () => ['GCP_DEVELOPERS'], listTeamTokens: () => Promise.reject(new ApiError(500, 'x')) }));
    expect(await within(await row('TERRAKUBE_ADMIN')).findByText('Not a member')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  describe('an organization that is not there', () => {
    it('is not found without asking the API when the id is not a UUID', async () => {
      const api = teamsApi({ listTeams: vi.fn(), currentTeams: vi.fn(), listTeamTokens: vi.fn(), listOrganizations: vi.fn() });
      renderTeamsRoute('/organizations/simple/settings/teams', api);
      expect(screen.getByRole('heading', { level: 1, name: 'Organization not found' })).toBeInTheDocument();
      expect(screen.getByRole('link', { name: 'Choose an organization' })).toHaveAttribute('href', '/organizations');
      for (const call of [api.listTeams, api.currentTeams, api.listTeamTokens, api.listOrganizations]) expect(call).not.toHaveBeenCalled();
    });

    it('is not found when the API answers 404 for its teams', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      renderTeamsRoute(`/organizations/${unknown}/settings/teams`, teamsApi({ listTeams: () => Promise.reject(new ApiError(404, 'No such organization.')) }));
      expect(await screen.findByRole('heading', { level: 1, name: 'Organization not found' })).toBeInTheDocument();
    });

    it("is not found when it is not among the user's organizations", async () => {
      renderTeamsRoute(TEAMS_PATH, teamsApi({ listOrganizations: async () => [OTHER_ORGANIZATION] }));
      expect(await screen.findByRole('heading', { level: 1, name: 'Organization not found' })).toBeInTheDocument();
    });
  });
});

describe('activeTokenCounts', () => {
  it('counts unexpired and never-expiring tokens per team, and neither expired nor undated ones', () => {
    const tokens = [
      aTeamToken('A', { expiresIn: DAY }),
      aTeamToken('A', { expiresIn: null }),
      aTeamToken('A', { expiresIn: 0 }),
      aTeamToken('B', { createdAt: null, expiresAt: null, duration: { days: 1, hours: 0, minutes: 0 } }),
      aTeamToken('B', { createdAt: null, expiresAt: null, duration: { days: 0, hours: 0, minutes: 0 } }),
    ];
    expect(activeTokenCounts(tokens, Date.now())).toEqual(new Map([['A', 2], ['B', 1]]));
  });
});
