import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, type TokenApi } from '../../api';
import { fakeTokenApi } from '../tokens/testing/tokenTestKit';
import { ADMIN_TEAM, ORGANIZATION, OTHER_ORGANIZATION, currentPath, renderTeamsRoute } from './testing/teamTestKit';

const never = () => new Promise<never>(() => undefined);

describe('Teams navigation (/organizations)', () => {
  it('names its loading state through a status, not a label on the skeleton', () => {
    const { container } = renderTeamsRoute('/organizations', fakeTokenApi({ listOrganizations: never }));
    expect(screen.getByRole('heading', { level: 1, name: 'Teams' })).toBeInTheDocument();
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Loading organizations');
    expect(status.closest('[aria-busy="true"]')).not.toBeNull();
    expect(container.querySelector('.MuiSkeleton-root[aria-label]')).toBeNull();
  });

  it("goes straight to the only organization's teams", async () => {
    const api = fakeTokenApi({
      listOrganizations: async () => [ORGANIZATION],
      listTeams: async () => [ADMIN_TEAM],
      currentTeams: async () => [],
      listTeamTokens: async () => [],
    });
    renderTeamsRoute('/organizations', api);
    expect(await screen.findByRole('link', { name: 'Edit TERRAKUBE_ADMIN' })).toBeInTheDocument();
    expect(currentPath()).toBe(`/organizations/${ORGANIZATION.id}/settings/teams`);
  });

  it('offers a picker when there are several organizations', async () => {
    const listTeams = vi.fn<TokenApi['listTeams']>();
    renderTeamsRoute('/organizations', fakeTokenApi({ listOrganizations: async () => [ORGANIZATION, OTHER_ORGANIZATION], listTeams }));
    const picker = await screen.findByRole('list', { name: 'Organizations' });
    expect(within(picker).getByRole('link', { name: 'simple' })).toHaveAttribute('href', `/organizations/${ORGANIZATION.id}/settings/teams`);
    expect(within(picker).getByRole('link', { name: 'other' })).toHaveAttribute('href', `/organizations/${OTHER_ORGANIZATION.id}/settings/teams`);
    expect(within(picker).getByText('Demo teams')).toBeInTheDocument();
    expect(listTeams).not.toHaveBeenCalled();
  });

  it('says so when the user is in no organization', async () => {
    renderTeamsRoute('/organizations', fakeTokenApi({ listOrganizations: async () => [] }));
    expect(await screen.findByText(/not in any organization yet/)).toBeInTheDocument();
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
  });

  it('says what failed, and Retry loads the organizations', async () => {
    const listOrganizations = vi
      .fn<TokenApi['listOrganizations']>()
      .mockRejectedValueOnce(new ApiError(500, 'The database is down.'))
      .mockResolvedValue([ORGANIZATION, OTHER_ORGANIZATION]);
    const { user } = renderTeamsRoute('/organizations', fakeTokenApi({ listOrganizations }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load your organizations');
    expect(alert).toHaveTextContent('The database is down.');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('list', { name: 'Organizations' })).toBeInTheDocument();
  });
});
