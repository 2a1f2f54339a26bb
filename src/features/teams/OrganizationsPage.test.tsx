import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, type TokenApi } from '../../api';
import { currentPath, fakeTokenApi, never, ORGANIZATION, OTHER_ORGANIZATION, renderRoute, teamsApi } from '../../test/testKit';

describe('Teams navigation (/organizations)', () => {
  it('names its loading state through a status, not a label on the skeleton', async () => {
    const { container } = renderRoute('/organizations', { api: fakeTokenApi({ listOrganizations: never }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Teams' })).toBeInTheDocument();
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Loading organizations');
    expect(status.closest('[aria-busy="true"]')).not.toBeNull();
    expect(container.querySelector('.MuiSkeleton-root[aria-label]')).toBeNull();
  });

  it("goes straight to the only organization's teams", async () => {
    renderRoute('/organizations', { api: teamsApi({ organizations: [ORGANIZATION] }).api });
    expect(await screen.findByRole('link', { name: 'Edit TERRAKUBE_ADMIN' })).toBeInTheDocument();
    expect(currentPath()).toBe(`/organizations/${ORGANIZATION.id}/settings/teams`);
  });

  it('offers a picker when there are several organizations, asking for no teams yet', async () => {
    const { api } = teamsApi();
    renderRoute('/organizations', { api });
    const picker = await screen.findByRole('list', { name: 'Organizations' });
    expect(within(picker).getByRole('link', { name: 'simple' })).toHaveAttribute('href', `/organizations/${ORGANIZATION.id}/settings/teams`);
    expect(within(picker).getByRole('link', { name: 'other' })).toHaveAttribute('href', `/organizations/${OTHER_ORGANIZATION.id}/settings/teams`);
    expect(within(picker).getByText('Demo teams')).toBeInTheDocument();
    expect(api.listTeams).not.toHaveBeenCalled();
    expect(api.listTeamTokens).not.toHaveBeenCalled();
  });

  it('says so when the user is in no organization', async () => {
    renderRoute('/organizations', { api: teamsApi({ organizations: [] }).api });
    expect(await screen.findByText(/not in any organization yet/)).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Organizations' })).not.toBeInTheDocument();
  });

  it('says what failed, and Retry loads the organizations', async () => {
    const listOrganizations = vi
      .fn<TokenApi['listOrganizations']>()
      .mockRejectedValueOnce(new ApiError(500, 'The database is down.'))
      .mockResolvedValue([ORGANIZATION, OTHER_ORGANIZATION]);
    const { user } = renderRoute('/organizations', { api: fakeTokenApi({ listOrganizations }) });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Could not load your organizations');
    expect(alert).toHaveTextContent('The database is down.');
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('list', { name: 'Organizations' })).toBeInTheDocument();
  });
});
