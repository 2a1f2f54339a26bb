import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { TokenApiProvider, type TokenApi } from '../api';
import { AuthContext, type Auth } from '../auth/AuthContext';
import { createQueryClient } from './queryClient';
import { AppRoutes } from './routes';
import { AppTheme } from './theme';

function fakeApi(overrides: Partial<TokenApi> = {}): TokenApi {
  const unused = () => Promise.reject(new Error('not used in this test'));
  return {
    listPersonalTokens: unused,
    createPersonalToken: unused,
    deletePersonalToken: unused,
    listTeamTokens: unused,
    createTeamToken: unused,
    deleteTeamToken: unused,
    currentTeams: unused,
    listOrganizations: async () => [{ id: 'd9b58bd3-f3fc-4056-a026-1163297e80a8', name: 'simple', description: '' }],
    listTeams: unused,
    getTeam: unused,
    ...overrides,
  };
}

function renderShell(path: string, api: TokenApi = fakeApi()) {
  const auth: Auth = {
    user: { name: 'Admin User', email: 'admin@example.com', groups: ['TERRAKUBE_ADMIN'] },
    getAccessToken: async () => 'access-token',
    signInAgain: vi.fn(),
    signOut: vi.fn(async () => undefined),
  };
  render(
    <AppTheme>
      <AuthContext.Provider value={auth}>
        <TokenApiProvider api={api}>
          <QueryClientProvider client={createQueryClient()}>
            <MemoryRouter initialEntries={[path]}>
              <AppRoutes />
            </MemoryRouter>
          </QueryClientProvider>
        </TokenApiProvider>
      </AuthContext.Provider>
    </AppTheme>,
  );
  return auth;
}

describe('the app shell', () => {
  it('redirects / to API tokens, inside the landmarks, with the user and Sign out', async () => {
    const auth = renderShell('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'API tokens' })).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByRole('banner')).toHaveTextContent('Admin User');
    expect(screen.getByRole('main')).toContainElement(screen.getByRole('heading', { level: 1 }));

    const navigation = screen.getByRole('navigation', { name: 'Main' });
    expect(within(navigation).getByRole('link', { name: 'API tokens' })).toHaveAttribute('aria-current', 'page');
    expect(within(navigation).getByRole('link', { name: 'Teams' })).toHaveAttribute('href', '/organizations');

    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(auth.signOut).toHaveBeenCalledTimes(1);
  });

  it('starts with a skip link that moves focus to the main content', async () => {
    renderShell('/settings/tokens');
    await screen.findByRole('heading', { level: 1, name: 'API tokens' });
    await userEvent.tab();
    const skip = screen.getByRole('link', { name: 'Skip to main content' });
    expect(skip).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('main')).toHaveFocus();
  });

  it('navigates to Teams through the navigation', async () => {
    renderShell('/settings/tokens');
    await userEvent.click(await screen.findByRole('link', { name: 'Teams' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Teams' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveFocus();
  });

  it.each([
    ['/organizations/d9b58bd3-f3fc-4056-a026-1163297e80a8/settings/teams', 'Teams'],
    ['/organizations/d9b58bd3-f3fc-4056-a026-1163297e80a8/settings/teams/58529721-425e-44d7-8b0d-1d515043c2f7', 'Team'],
    ['/no/such/page', 'Page not found'],
    ['/settings/tokens/extra', 'Page not found'],
  ])('renders %s with the heading %s', async (path, heading) => {
    renderShell(path);
    expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeInTheDocument();
  });
});
