import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ADMIN_TEAM, currentPath, ORGANIZATION, renderRoute, teamsApi } from '../test/testKit';
import { preloadScreenFor } from './routes';

/** The embedded server's demo, as admin@example.com sees it, without personal tokens. */
const demoApi = () => teamsApi({ organizations: [ORGANIZATION] }, { listPersonalTokens: async () => [] }).api;

describe('the app shell', () => {
  it('redirects / to API tokens, inside the landmarks, with the platform, the user and Sign out', async () => {
    const { user, auth } = renderRoute('/', { api: demoApi() });
    expect(await screen.findByRole('heading', { level: 1, name: 'API tokens' })).toBeInTheDocument();
    expect(currentPath()).toBe('/settings/tokens');
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByRole('banner')).toHaveTextContent('Terrakube');
    expect(screen.getByRole('banner')).toHaveTextContent('Admin User');
    expect(screen.getByRole('main')).toContainElement(screen.getByRole('heading', { level: 1 }));

    const navigation = screen.getByRole('navigation', { name: 'Main' });
    expect(within(navigation).getByRole('link', { name: 'API tokens' })).toHaveAttribute('aria-current', 'page');
    expect(within(navigation).getByRole('link', { name: 'Teams' })).toHaveAttribute('href', '/organizations');

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(auth.signOut).toHaveBeenCalledTimes(1);
  });

  it("names the configured platform in the app bar", async () => {
    const api = { ...demoApi(), platformName: 'HCP Terraform' };
    renderRoute('/settings/tokens', { api });
    await screen.findByRole('heading', { level: 1, name: 'API tokens' });
    expect(screen.getByRole('banner')).toHaveTextContent('HCP Terraform');
    expect(screen.getByRole('banner')).not.toHaveTextContent('Terrakube');
  });

  it('starts with a skip link that moves focus to the main content', async () => {
    const { user } = renderRoute('/settings/tokens', { api: demoApi() });
    await screen.findByRole('heading', { level: 1, name: 'API tokens' });
    await user.tab();
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('main')).toHaveFocus();
  });

  it("navigates to Teams through the navigation, landing on the only organization's teams", async () => {
    const { user } = renderRoute('/settings/tokens', { api: demoApi() });
    await user.click(await screen.findByRole('link', { name: 'Teams' }));
    expect(await screen.findByRole('link', { name: 'Edit TERRAKUBE_ADMIN' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Teams' })).toBeInTheDocument();
    expect(currentPath()).toBe(`/organizations/${ORGANIZATION.id}/settings/teams`);
    expect(screen.getByRole('main')).toHaveFocus();
  });

  it('shows a screen that loads on demand in its first render once its code is in, with no placeholder', async () => {
    const path = `/organizations/${ORGANIZATION.id}/settings/teams/${ADMIN_TEAM.id}`;
    await preloadScreenFor(path);
    renderRoute(path, { api: demoApi() });
    expect(screen.getByRole('heading', { level: 1, name: 'Team' })).toBeInTheDocument();
    expect(screen.queryByLabelText('Loading page')).not.toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'Team: TERRAKUBE_ADMIN' })).toBeInTheDocument();
  });

  it.each([
    [`/organizations/${ORGANIZATION.id}/settings/teams`, 'Teams'],
    [`/organizations/${ORGANIZATION.id}/settings/teams/${ADMIN_TEAM.id}`, 'Team: TERRAKUBE_ADMIN'],
    ['/no/such/page', 'Page not found'],
    ['/settings/tokens/extra', 'Page not found'],
  ])('renders %s with the heading %s', async (path, heading) => {
    renderRoute(path, { api: demoApi() });
    expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeInTheDocument();
  });
});
