import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter, useRoutes } from '../../ui/router';
import { describe, expect, it } from 'vitest';
import { parseRuntimeConfig } from '../../config';
import { fakeTokenApi, renderWithProviders } from '../../test/testKit';
import { AppTheme } from '../theme';
import { ConfigErrorPage } from './ConfigErrorPage';
import { NotFoundPage } from './NotFoundPage';

function TokensOrNotFound() {
  return useRoutes([
    { path: 'settings/tokens', element: <h1>API tokens</h1> },
    { path: '*', element: <NotFoundPage /> },
  ]);
}

describe('NotFoundPage', () => {
  it('says the page is not found and links back to API tokens', async () => {
    const { user } = renderWithProviders(
      <TokensOrNotFound />,
      { path: '/no/such/page' },
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    expect(screen.getByText('/no/such/page')).toBeInTheDocument();
    expect(document.title).toBe('Page not found · Terrakube');

    const link = screen.getByRole('link', { name: 'Go to API tokens' });
    expect(link).toHaveAttribute('href', '/settings/tokens');
    await user.click(link);
    expect(screen.getByRole('heading', { level: 1, name: 'API tokens' })).toBeInTheDocument();
  });

  it('names the platform in the title, and a neutral name where no API is set up', () => {
    renderWithProviders(<NotFoundPage />, { api: fakeTokenApi({ platformName: 'Terraform Enterprise' }), path: '/x' });
    expect(document.title).toBe('Page not found · Terraform Enterprise');
    cleanup();
    render(
      <MemoryRouter initialEntries={['/x']}>
        <NotFoundPage />
      </MemoryRouter>,
    );
    expect(document.title).toBe('Page not found · API tokens');
  });
});

describe('ConfigErrorPage', () => {
  it('names every variable that is missing or malformed, and what is wrong with it', () => {
    const result = parseRuntimeConfig({
      REACT_APP_TERRAKUBE_API_URL: 'not a url',
      REACT_APP_AUTHORITY: 'https://dex.example.com/dex',
      REACT_APP_REDIRECT_URI: 'https://ui.example.com/',
      REACT_APP_SCOPE: 'email profile',
    });
    if (result.ok) throw new Error('expected problems');
    render(
      <AppTheme>
        <ConfigErrorPage problems={result.problems} />
      </AppTheme>,
    );

    expect(screen.getByRole('main')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'The app is not configured' })).toBeInTheDocument();
    const items = within(screen.getByRole('list', { name: 'Configuration problems' })).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'REACT_APP_TERRAKUBE_API_URL must be an absolute http(s) URL, for example https://terrakube-api.example.com/api/v1/.',
      'REACT_APP_CLIENT_ID is missing or empty.',
      'REACT_APP_SCOPE must include "openid", for example "email openid profile offline_access groups".',
    ]);
  });

  it('names the HCP Terraform variables that are wrong, and shows an example for each backend', () => {
    const result = parseRuntimeConfig({ REACT_APP_TOKEN_BACKEND: 'tfe', REACT_APP_TFE_TEAM_TOKENS: 'legacy' });
    if (result.ok) throw new Error('expected problems');
    render(<ConfigErrorPage problems={result.problems} />);
    const items = within(screen.getByRole('list', { name: 'Configuration problems' })).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'REACT_APP_TFE_API_URL is missing or empty.',
      'REACT_APP_TFE_TEAM_TOKENS must be "multiple" or "single".',
    ]);
    expect(screen.getByText('REACT_APP_TERRAKUBE_API_URL=https://terrakube-api.example.com/api/v1/')).toBeInTheDocument();
    expect(screen.getByText('REACT_APP_TFE_API_URL=https://app.terraform.io/api/v2/')).toBeInTheDocument();
  });

  it('explains a missing /env-config.js', () => {
    const result = parseRuntimeConfig(undefined);
    if (result.ok) throw new Error('expected problems');
    render(<ConfigErrorPage problems={result.problems} />);
    expect(screen.getByText('window._env_', { selector: 'li code' })).toBeInTheDocument();
    expect(screen.getByText(/did not load/)).toBeInTheDocument();
  });
});
