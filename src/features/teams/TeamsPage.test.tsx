import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type TokenApi } from '../../api';
import {
  ADMIN_TEAM,
  aTeam,
  aTeamToken,
  AWS_TEAM,
  DAY,
  DEVELOPERS_TEAM,
  MINUTE,
  never,
  ORGANIZATION,
  OTHER_ORGANIZATION,
  renderRoute,
  teamsApi,
  type TeamsWorld,
} from '../../test/testKit';
import { EXPIRES_SOON_MS } from '../tokens/tokenExpiry';
import { activeTokenCounts } from './activeTokenCounts';

const TEAMS_PATH = `/organizations/${ORGANIZATION.id}/settings/teams`;

function renderTeams(world: TeamsWorld = {}, overrides: Partial<TokenApi> = {}, path = TEAMS_PATH) {
  const { api } = teamsApi(world, overrides);
  return { api, ...renderRoute(path, { api }) };
}

const row = async (name: string) => (await screen.findByRole('heading', { level: 2, name })).closest('li')!;

afterEach(() => {
  vi.useRealTimers();
});

describe('Teams list', () => {
  it('names its loading state through a status, not a label on the skeletons', async () => {
    const { container } = renderTeams({}, { listTeams: never });
    expect(await screen.findByRole('heading', { level: 1, name: 'Teams' })).toBeInTheDocument();
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Loading teams');
    expect(status.closest('[aria-busy="true"]')).not.toBeNull();
    expect(container.querySelector('.MuiSkeleton-root[aria-label]')).toBeNull();
  });

  it('names the organization, and links each team to its edit page', async () => {
    renderTeams();
    expect(await screen.findByText('simple')).toBeInTheDocument();
    expect(screen.getByText(/^Organization:/)).toHaveTextContent('Organization: simple');
    expect(document.title).toBe('Teams of simple · Terrakube');
    expect(await screen.findByRole('link', { name: 'Edit TERRAKUBE_ADMIN' })).toHaveAttribute('href', `${TEAMS_PATH}/${ADMIN_TEAM.id}`);
  });

  it("shows membership, and counts the active tokens of each team whose tokens the user may manage, by team id", async () => {
    const { api } = renderTeams({
      tokens: [
        aTeamToken(ADMIN_TEAM.id, { expiresIn: 3 * DAY }),
        aTeamToken(ADMIN_TEAM.id, { expiresIn: null }),
        aTeamToken(ADMIN_TEAM.id, { expiresIn: 10 * MINUTE }),
        aTeamToken(ADMIN_TEAM.id, { expiresIn: -MINUTE }),
        aTeamToken(DEVELOPERS_TEAM.id, { expiresIn: 3 * DAY }),
        // Listed by a backend that shows them: not counted for a team the user may not manage.
        aTeamToken(AWS_TEAM.id, { expiresIn: 3 * DAY }),
      ],
    });

    const admin = await row('TERRAKUBE_ADMIN');
    expect(await within(admin).findByText('3 active tokens')).toBeInTheDocument();
    expect(within(admin).getByText('Member')).toBeInTheDocument();
    const developers = await row('TERRAKUBE_DEVELOPERS');
    expect(within(developers).getByText('Member')).toBeInTheDocument();
    expect(within(developers).getByText('1 active token')).toBeInTheDocument();
    const aws = await row('AWS_DEVELOPERS');
    expect(within(aws).getByText('Not a member')).toBeInTheDocument();
    expect(within(aws).getByText('Tokens visible to members')).toBeInTheDocument();
    expect(api.listTeamTokens).toHaveBeenCalledExactlyOnceWith(ORGANIZATION.id, expect.any(AbortSignal));
  });

  it('says how many of the counted tokens expire within seven days, beside the count, and nothing where none do', async () => {
    renderTeams({
      tokens: [
        aTeamToken(ADMIN_TEAM.id, { expiresIn: 3 * DAY }),
        aTeamToken(ADMIN_TEAM.id, { expiresIn: 10 * MINUTE }),
        aTeamToken(ADMIN_TEAM.id, { expiresIn: 8 * DAY }),
        aTeamToken(ADMIN_TEAM.id, { expiresIn: -MINUTE }),
        aTeamToken(DEVELOPERS_TEAM.id, { expiresIn: 6 * DAY }),
        aTeamToken(DEVELOPERS_TEAM.id, { expiresIn: null }),
        // Not counted for a team the user may not manage, nor said to expire.
        aTeamToken(AWS_TEAM.id, { expiresIn: DAY }),
      ],
    });
    const admin = await row('TERRAKUBE_ADMIN');
    const adminCount = await within(admin).findByText('3 active tokens');
    const adminExpiring = within(admin).getByText('2 tokens expire this week');
    expect(adminCount.parentElement).toBe(adminExpiring.parentElement);
    expect(within(await row('TERRAKUBE_DEVELOPERS')).getByText('1 token expires this week')).toBeInTheDocument();
    expect(within(await row('AWS_DEVELOPERS')).queryByText(/expires? this week/)).not.toBeInTheDocument();
  });

  it('says nothing of expiry for a team whose tokens all have more than seven days left', async () => {
    renderTeams({ teams: [ADMIN_TEAM], tokens: [aTeamToken(ADMIN_TEAM.id, { expiresIn: 30 * DAY }), aTeamToken(ADMIN_TEAM.id, { expiresIn: null })] });
    const admin = await row('TERRAKUBE_ADMIN');
    expect(await within(admin).findByText('2 active tokens')).toBeInTheDocument();
    expect(within(admin).queryByText(/expires? this week/)).not.toBeInTheDocument();
  });

  it('takes membership and the right to the tokens from each team as the backend describes it', async () => {
    const manager = aTeam('PLATFORM_ADMINS', '11111111-2222-4333-8444-555555555555', { member: false, canManageTokens: true });
    const unsaid = aTeam('OWNERS', '21111111-2222-4333-8444-555555555555', { member: undefined, canManageTokens: true });
    renderTeams({ teams: [manager, unsaid], tokens: [aTeamToken(manager.id), aTeamToken(unsaid.id), aTeamToken(unsaid.id)] });

    // May manage the tokens without being a member: counted.
    const platform = await row('PLATFORM_ADMINS');
    expect(within(platform).getByText('Not a member')).toBeInTheDocument();
    expect(await within(platform).findByText('1 active token')).toBeInTheDocument();
    // A backend that does not say who is a member: no membership chip, neither way.
    const owners = await row('OWNERS');
    expect(within(owners).queryByText(/member/i)).not.toBeInTheDocument();
    expect(within(owners).getByText('2 active tokens')).toBeInTheDocument();
  });

  it('stops counting a token once it expires, while the page is open', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    renderTeams({ tokens: [aTeamToken(ADMIN_TEAM.id, { expiresIn: 20_000 })] });
    const admin = await row('TERRAKUBE_ADMIN');
    expect(await within(admin).findByText('1 active token')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(31_000));
    expect(within(admin).getByText('0 active tokens')).toBeInTheDocument();
  });

  it('says when the organization has no teams', async () => {
    renderTeams({ teams: [] });
    expect(await screen.findByText('This organization has no teams yet.')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Teams' })).not.toBeInTheDocument();
  });

  it('says what failed when the teams cannot be loaded, and Retry loads them', async () => {
    const listTeams = vi
      .fn<TokenApi['listTeams']>()
      .mockRejectedValueOnce(new ApiError(500, 'The database is down.'))
      .mockResolvedValue([ADMIN_TEAM]);
    const { user } = renderTeams({}, { listTeams });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the teams');
    expect(alert).toHaveTextContent('The database is down.');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('link', { name: 'Edit TERRAKUBE_ADMIN' })).toBeInTheDocument();
    expect(within(await row('TERRAKUBE_ADMIN')).getByText('Member')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says when the token counts cannot be loaded, and Retry brings them', async () => {
    const listTeamTokens = vi
      .fn<TokenApi['listTeamTokens']>()
      .mockRejectedValueOnce(new ApiError(503, 'Service Unavailable'))
      .mockResolvedValue([aTeamToken(ADMIN_TEAM.id)]);
    const { user } = renderTeams({}, { listTeamTokens });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load the token counts');
    expect(within(await row('TERRAKUBE_ADMIN')).getByText('Token count unavailable')).toBeInTheDocument();
    // Membership does not depend on the tokens.
    expect(within(await row('TERRAKUBE_ADMIN')).getByText('Member')).toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await within(await row('TERRAKUBE_ADMIN')).findByText('1 active token')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('does not ask about counts it would not show: no count error for a user who may manage none of the teams', async () => {
    renderTeams({ teams: [AWS_TEAM] }, { listTeamTokens: () => Promise.reject(new ApiError(500, 'x')) });
    expect(await within(await row('AWS_DEVELOPERS')).findByText('Not a member')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  describe('an organization that is not there', () => {
    it.each([
      ['an id that is not a UUID', 'simple'],
      ['an unknown UUID', '00000000-0000-4000-8000-000000000000'],
    ])('is not found for %s when the API answers 404 for its teams', async (_name, organizationId) => {
      // The organizations never answer: the teams' 404 alone decides.
      const { api } = renderTeams({}, { listOrganizations: never }, `/organizations/${organizationId}/settings/teams`);
      expect(await screen.findByRole('heading', { level: 1, name: 'Organization not found' })).toBeInTheDocument();
      expect(screen.getByRole('link', { name: 'Choose an organization' })).toHaveAttribute('href', '/organizations');
      expect(api.listTeams).toHaveBeenCalledWith(organizationId, expect.any(AbortSignal));
    });

    it('is a failure, not "not found", when the API answers otherwise', async () => {
      renderTeams({}, { listTeams: () => Promise.reject(new ApiError(400, 'Bad organization id.')) });
      expect(await screen.findByRole('alert')).toHaveTextContent('Bad organization id.');
      expect(screen.queryByRole('heading', { name: 'Organization not found' })).not.toBeInTheDocument();
    });

    it("is not found when it is not among the user's organizations", async () => {
      renderTeams({ organizations: [OTHER_ORGANIZATION] }, { listTeams: async () => [ADMIN_TEAM] });
      expect(await screen.findByRole('heading', { level: 1, name: 'Organization not found' })).toBeInTheDocument();
    });
  });
});

describe('Teams list: your access in the organization', () => {
  it('says what your teams there let you do, where the backend says', async () => {
    const getOrganizationAccess = vi.fn(async () => [
      { label: 'Manage state', granted: true },
      { label: 'Manage modules', granted: false },
      { label: 'Manage jobs', granted: true },
    ]);
    renderTeams({}, { getOrganizationAccess });
    expect(await screen.findByText('Your teams here let you manage state and manage jobs.')).toBeInTheDocument();
    expect(getOrganizationAccess).toHaveBeenCalledExactlyOnceWith(ORGANIZATION.id, expect.any(AbortSignal));
  });

  it('says nothing of it where the backend does not say', async () => {
    renderTeams();
    expect(await screen.findByRole('link', { name: 'Edit TERRAKUBE_ADMIN' })).toBeInTheDocument();
    expect(screen.queryByText(/^Your teams here/)).toBeNull();
    expect(screen.queryByText(/permissions in this organization could not/)).toBeNull();
  });

  it('says when it cannot be loaded, and the teams still show', async () => {
    renderTeams({}, { getOrganizationAccess: vi.fn(async () => Promise.reject(new ApiError(500, 'Boom'))) });
    expect(await screen.findByText('Your permissions in this organization could not be loaded.')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Edit TERRAKUBE_ADMIN' })).toBeInTheDocument();
  });
});

describe('activeTokenCounts', () => {
  const now = Date.parse('2026-11-23T10:00:00Z');
  const expiringIn = (teamId: string, ms: number) => aTeamToken(teamId, { expiresAt: new Date(now + ms).toISOString() });

  it('counts unexpired and never-expiring tokens per team id, and not expired ones', () => {
    const tokens = [
      expiringIn('team-a', 30 * DAY),
      aTeamToken('team-a', { expiresIn: null }),
      expiringIn('team-a', 0),
      expiringIn('team-b', 1),
      expiringIn('team-c', -DAY),
      aTeamToken('team-c', { expiresAt: 'not a date' }),
    ];
    expect(activeTokenCounts(tokens, now)).toEqual(
      new Map([
        ['team-a', { active: 2, expiringSoon: 0 }],
        ['team-b', { active: 1, expiringSoon: 1 }],
      ]),
    );
  });

  it('counts, among them, those with less than seven days left, as the token list says "Expires soon"', () => {
    const tokens = [
      expiringIn('team-a', EXPIRES_SOON_MS),
      expiringIn('team-a', EXPIRES_SOON_MS - 1),
      expiringIn('team-a', 2 * DAY),
      expiringIn('team-b', EXPIRES_SOON_MS + 1),
      aTeamToken('team-b', { expiresIn: null }),
    ];
    expect(activeTokenCounts(tokens, now)).toEqual(
      new Map([
        ['team-a', { active: 3, expiringSoon: 2 }],
        ['team-b', { active: 2, expiringSoon: 0 }],
      ]),
    );
    // A day on, the one with seven days and a millisecond left has less than seven.
    expect(activeTokenCounts(tokens, now + DAY).get('team-b')).toEqual({ active: 2, expiringSoon: 1 });
  });
});
