import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { User, UserManager } from 'oidc-client-ts';
import { StrictMode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useAuth } from './AuthContext';
import { AuthProvider } from './AuthProvider';

const REDIRECT_URI = `${window.location.origin}/`;

function fakeManager(getUser: () => Promise<User | null>) {
  const handlers: Record<'userLoaded' | 'expiring' | 'expired', ((user?: User) => void)[]> = {
    userLoaded: [],
    expiring: [],
    expired: [],
  };
  const subscribe = (kind: keyof typeof handlers) => (handler: (user?: User) => void) => {
    handlers[kind].push(handler);
    return () => handlers[kind].splice(handlers[kind].indexOf(handler), 1);
  };
  return {
    getUser: vi.fn(getUser),
    signinRedirect: vi.fn(async () => undefined),
    signinRedirectCallback: vi.fn(),
    signinSilent: vi.fn<() => Promise<User | null>>(async () => null),
    signoutRedirect: vi.fn(async () => undefined),
    signoutRedirectCallback: vi.fn(),
    removeUser: vi.fn(async () => undefined),
    events: {
      addUserLoaded: subscribe('userLoaded'),
      addAccessTokenExpiring: subscribe('expiring'),
      addAccessTokenExpired: subscribe('expired'),
    },
    /** Fires a UserManager event as oidc-client-ts would. */
    emit(kind: keyof typeof handlers, user?: User) {
      handlers[kind].forEach((handler) => handler(user));
    },
  };
}

const signedIn = {
  expired: false,
  access_token: 'access-token',
  profile: { name: 'Admin User', email: 'admin@example.com', groups: ['TERRAKUBE_ADMIN'] },
} as unknown as User;

const renewedUser = {
  ...signedIn,
  access_token: 'renewed-access-token',
  refresh_token: 'refresh-token-2',
} as unknown as User;
const expiredWithRefreshToken = {
  ...signedIn,
  expired: true,
  access_token: 'expired-access-token',
  refresh_token: 'refresh-token-1',
} as unknown as User;

let tokensSeen: (string | null)[] = [];

function Whoami() {
  const auth = useAuth();
  return (
    <>
      <p>{auth.user.name}</p>
      <button
        onClick={() => {
          // Two API calls at once, as when a page loads two resources.
          void Promise.all([auth.getAccessToken(), auth.getAccessToken()]).then((tokens) => (tokensSeen = tokens));
        }}
      >
        Call the API twice
      </button>
      <button onClick={() => void auth.signOut()}>Sign out</button>
      <button onClick={() => auth.signInAgain()}>Unauthorized</button>
    </>
  );
}

function renderWith(manager: ReturnType<typeof fakeManager>) {
  return render(
    <StrictMode>
      <AuthProvider manager={manager as unknown as UserManager} redirectUri={REDIRECT_URI}>
        <Whoami />
      </AuthProvider>
    </StrictMode>,
  );
}

afterEach(() => {
  tokensSeen = [];
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});

describe('AuthProvider', () => {
  it('shows a labelled progress while signing in, then the app with the user', async () => {
    let resolve: (user: User) => void = () => undefined;
    const manager = fakeManager(() => new Promise((done) => (resolve = done)));
    renderWith(manager);
    expect(screen.getByRole('progressbar', { name: 'Signing in' })).toBeInTheDocument();
    resolve(signedIn);
    expect(await screen.findByText('Admin User')).toBeInTheDocument();
    expect(manager.getUser).toHaveBeenCalledTimes(1);
  });

  it('sends a visitor without a session to sign in once, keeping the route', async () => {
    window.history.replaceState(null, '', '/organizations/o/settings/teams');
    const manager = fakeManager(async () => null);
    renderWith(manager);
    await vi.waitFor(() => expect(manager.signinRedirect).toHaveBeenCalledTimes(1));
    expect(manager.signinRedirect).toHaveBeenCalledWith({ state: { returnTo: '/organizations/o/settings/teams' } });
    expect(screen.getByRole('progressbar', { name: 'Signing in' })).toBeInTheDocument();
  });

  it('shows the reason and "Try again" when signing in fails', async () => {
    const manager = fakeManager(async () => Promise.reject(new Error('Failed to fetch the discovery document')));
    renderWith(manager);
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign-in failed' })).toBeInTheDocument();
    expect(screen.getByText(/Failed to fetch the discovery document/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await vi.waitFor(() => expect(manager.signinRedirect).toHaveBeenCalledWith({ state: { returnTo: '/' } }));
  });

  it('signs out through the provider', async () => {
    const manager = fakeManager(async () => signedIn);
    renderWith(manager);
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(manager.signoutRedirect).toHaveBeenCalledTimes(1);
  });

  it('signs in again on a 401, once, and stops with an explanation when it repeats right away', async () => {
    window.history.replaceState(null, '', '/settings/tokens');
    const manager = fakeManager(async () => signedIn);
    const { unmount } = renderWith(manager);
    await userEvent.click(await screen.findByRole('button', { name: 'Unauthorized' }));
    await vi.waitFor(() => expect(manager.signinRedirect).toHaveBeenCalledWith({ state: { returnTo: '/settings/tokens' } }));
    expect(manager.removeUser).toHaveBeenCalled();
    unmount();

    // Back from the provider, the API still answers 401: no sign-in loop.
    const again = fakeManager(async () => signedIn);
    renderWith(again);
    await userEvent.click(await screen.findByRole('button', { name: 'Unauthorized' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign-in failed' })).toBeInTheDocument();
    expect(screen.getByText(/did not accept your sign-in/)).toBeInTheDocument();
    expect(again.signinRedirect).not.toHaveBeenCalled();
  });

  it('renews an expired access token once for concurrent API calls, without leaving the page', async () => {
    let current: User = signedIn;
    const manager = fakeManager(async () => current);
    manager.signinSilent.mockImplementation(async () => {
      current = renewedUser;
      return renewedUser;
    });
    renderWith(manager);
    await screen.findByText('Admin User');
    current = expiredWithRefreshToken;
    await userEvent.click(screen.getByRole('button', { name: 'Call the API twice' }));
    await vi.waitFor(() => expect(tokensSeen).toEqual(['renewed-access-token', 'renewed-access-token']));
    expect(manager.signinSilent).toHaveBeenCalledTimes(1);
    expect(manager.signinRedirect).not.toHaveBeenCalled();
  });

  it('renews when the access token is about to expire and when it expired, sharing one renewal', async () => {
    let current: User = { ...signedIn, refresh_token: 'refresh-token-1' } as unknown as User;
    const manager = fakeManager(async () => current);
    let finishRenewal: () => void = () => undefined;
    manager.signinSilent.mockImplementation(
      () =>
        new Promise((resolve) => {
          finishRenewal = () => {
            current = renewedUser;
            resolve(renewedUser);
          };
        }),
    );
    renderWith(manager);
    await screen.findByText('Admin User');
    act(() => {
      manager.emit('expiring');
      manager.emit('expired');
    });
    await vi.waitFor(() => expect(manager.signinSilent).toHaveBeenCalledTimes(1));
    await act(async () => finishRenewal());
    expect(manager.signinSilent).toHaveBeenCalledTimes(1);
    expect(manager.signinRedirect).not.toHaveBeenCalled();
    expect(screen.getByText('Admin User')).toBeInTheDocument();
  });

  it('signs in again, back to the same route, when an expired session cannot be renewed', async () => {
    window.history.replaceState(null, '', '/settings/tokens?sort=expiry');
    let current: User = signedIn;
    const manager = fakeManager(async () => current);
    manager.signinSilent.mockRejectedValue(new Error('invalid_grant'));
    renderWith(manager);
    await screen.findByText('Admin User');
    current = expiredWithRefreshToken;
    act(() => manager.emit('expired'));
    await vi.waitFor(() =>
      expect(manager.signinRedirect).toHaveBeenCalledWith({ state: { returnTo: '/settings/tokens?sort=expiry' } }),
    );
    expect(manager.signinSilent).toHaveBeenCalledTimes(1);
  });
});
