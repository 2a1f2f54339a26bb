import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { useLocation } from '../ui/router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createUserManager, useAuth } from '../auth';
import { parseRuntimeConfig } from '../config';
import { App } from './App';

// The choice of sign-in is under test, not the screens: the API layer and the routes are stand-ins.
vi.mock('./ApiProviders', () => ({ ApiProviders: ({ children }: { children: ReactNode }) => children }));
vi.mock('./routes', () => ({
  AppRoutes: function StandInRoutes() {
    const { pathname } = useLocation();
    return <p>{`${useAuth().user.name} at ${pathname}`}</p>;
  },
}));
vi.mock('../auth', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../auth')>()),
  // A session that is still being established: enough to see that OIDC was chosen, with which settings.
  createUserManager: vi.fn(() => ({
    getUser: () => new Promise(() => undefined),
    events: { addUserLoaded: () => () => undefined, addAccessTokenExpiring: () => () => undefined, addAccessTokenExpired: () => () => undefined },
  })),
}));

const oidcVariables = {
  REACT_APP_AUTHORITY: 'https://dex.example.com/dex',
  REACT_APP_CLIENT_ID: 'example-app',
  REACT_APP_REDIRECT_URI: 'https://ui.example.com/',
  REACT_APP_SCOPE: 'openid email',
};
const tfe = { REACT_APP_TOKEN_BACKEND: 'tfe', REACT_APP_TFE_API_URL: '/api/v2/' };

beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(JSON.stringify({ data: { id: 'user-1', attributes: { username: 'alice' } } }))),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.mocked(createUserManager).mockClear();
  window.history.replaceState(null, '', '/');
});

describe('App', () => {
  it('signs in through the identity provider for Terrakube', () => {
    render(<App configResult={parseRuntimeConfig({ REACT_APP_TERRAKUBE_API_URL: 'https://api.example.com/api/v1/', ...oidcVariables })} />);
    expect(screen.getByRole('progressbar', { name: 'Signing in' })).toBeInTheDocument();
    expect(createUserManager).toHaveBeenCalledWith({
      authority: 'https://dex.example.com/dex',
      clientId: 'example-app',
      redirectUri: 'https://ui.example.com/',
      scope: 'openid email',
    });
  });

  it('signs in through the identity provider for HCP Terraform when one is configured', () => {
    render(<App configResult={parseRuntimeConfig({ ...tfe, ...oidcVariables })} />);
    expect(screen.getByRole('progressbar', { name: 'Signing in' })).toBeInTheDocument();
    expect(createUserManager).toHaveBeenCalledTimes(1);
  });

  it('asks for an API token for HCP Terraform without one, then opens the route the page was loaded on', async () => {
    window.history.replaceState(null, '', '/organizations/acme/settings/teams');
    render(<App configResult={parseRuntimeConfig(tfe)} />);
    expect(createUserManager).not.toHaveBeenCalled();
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to Terraform Enterprise' })).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('API token'), 'user-token{Enter}');
    expect(await screen.findByText('alice at /organizations/acme/settings/teams')).toBeInTheDocument();
    expect(String(vi.mocked(fetch).mock.calls[0]?.[0])).toBe(`${window.location.origin}/api/v2/account/details`);
  });

  it('lists the configuration problems instead of a blank screen', () => {
    render(<App configResult={parseRuntimeConfig({ REACT_APP_TOKEN_BACKEND: 'tfe' })} />);
    expect(screen.getByRole('heading', { level: 1, name: 'The app is not configured' })).toBeInTheDocument();
    expect(screen.getByText('REACT_APP_TFE_API_URL')).toBeInTheDocument();
  });
});
