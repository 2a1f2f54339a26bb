import type { User } from 'oidc-client-ts';
import { describe, expect, it, vi } from 'vitest';
import { signedInUserOf } from './signedInUser';
import {
  currentRoute,
  establishSession,
  isSignInCallback,
  isSignOutCallback,
  safeReturnTo,
  type SessionManager,
} from './signInFlow';

const REDIRECT_URI = 'https://app.example.com/';

function at(url: string) {
  const { href, pathname, search, hash } = new URL(url);
  return { href, pathname, search, hash };
}

function fakeUser(fields: Partial<User> = {}): User {
  return { expired: false, access_token: 'access', refresh_token: 'refresh', state: undefined, profile: {}, ...fields } as User;
}

function fakeManager(overrides: Partial<SessionManager> = {}) {
  return {
    getUser: vi.fn(async () => null),
    signinRedirect: vi.fn(async () => undefined),
    signinRedirectCallback: vi.fn(async () => fakeUser()),
    signinSilent: vi.fn(async () => null),
    signoutRedirectCallback: vi.fn(async () => ({}) as never),
    removeUser: vi.fn(async () => undefined),
    ...overrides,
  } satisfies SessionManager;
}

describe('callback detection', () => {
  it('recognises the sign-in answer at the redirect path', () => {
    expect(isSignInCallback(at('https://app.example.com/?code=c&state=s'), REDIRECT_URI)).toBe(true);
    expect(isSignInCallback(at('https://app.example.com/?error=access_denied&state=s'), REDIRECT_URI)).toBe(true);
    expect(isSignInCallback(at('https://app.example.com/settings/tokens?code=c&state=s'), REDIRECT_URI)).toBe(false);
    expect(isSignInCallback(at('https://app.example.com/?code=c'), REDIRECT_URI)).toBe(false);
  });

  it('recognises the return from signing out', () => {
    expect(isSignOutCallback(at('https://app.example.com/?state=s'), REDIRECT_URI)).toBe(true);
    expect(isSignOutCallback(at('https://app.example.com/?code=c&state=s'), REDIRECT_URI)).toBe(false);
    expect(isSignOutCallback(at('https://app.example.com/'), REDIRECT_URI)).toBe(false);
  });

  it('keeps the route the user is on, but not a callback URL', () => {
    expect(currentRoute(at('https://app.example.com/organizations/o/settings/teams?x=1#y'), REDIRECT_URI)).toBe(
      '/organizations/o/settings/teams?x=1#y',
    );
    expect(currentRoute(at('https://app.example.com/?code=c&state=s'), REDIRECT_URI)).toBe('/');
  });

  it.each([
    [{ returnTo: '/settings/tokens' }, '/settings/tokens'],
    [{ returnTo: '//evil.example.com/' }, '/'],
    [{ returnTo: 'https://evil.example.com/' }, '/'],
    [{ returnTo: '/\\evil.example.com' }, '/'],
    [undefined, '/'],
    ['/settings/tokens', '/'],
  ])('only returns to a same-origin path: %j → %s', (state, expected) => {
    expect(safeReturnTo(state)).toBe(expected);
  });
});

describe('establishSession', () => {
  it('sends a visitor without a session to sign in, keeping the route in the OIDC state', async () => {
    const manager = fakeManager();
    const outcome = await establishSession(
      manager,
      REDIRECT_URI,
      at('https://app.example.com/organizations/o/settings/teams'),
      { replaceState: vi.fn() },
    );
    expect(outcome).toEqual({ kind: 'redirecting' });
    expect(manager.signinRedirect).toHaveBeenCalledWith({ state: { returnTo: '/organizations/o/settings/teams' } });
  });

  it('completes the callback and replaces the URL with the route the user wanted', async () => {
    const user = fakeUser({ state: { returnTo: '/organizations/o/settings/teams/t' } });
    const manager = fakeManager({ signinRedirectCallback: vi.fn(async () => user) });
    const history = { replaceState: vi.fn() };
    const location = at('https://app.example.com/?code=c&state=s');
    const outcome = await establishSession(manager, REDIRECT_URI, location, history);
    expect(outcome).toEqual({ kind: 'signed-in', user });
    expect(manager.signinRedirectCallback).toHaveBeenCalledWith(location.href);
    expect(history.replaceState).toHaveBeenCalledWith(null, '', '/organizations/o/settings/teams/t');
    expect(manager.signinRedirect).not.toHaveBeenCalled();
  });

  it('lets a failed callback fail, for the error page', async () => {
    const manager = fakeManager({ signinRedirectCallback: vi.fn(async () => Promise.reject(new Error('access_denied'))) });
    await expect(
      establishSession(manager, REDIRECT_URI, at('https://app.example.com/?error=access_denied&state=s'), {
        replaceState: vi.fn(),
      }),
    ).rejects.toThrow('access_denied');
  });

  it('reuses a stored session that has not expired', async () => {
    const user = fakeUser();
    const manager = fakeManager({ getUser: vi.fn(async () => user) });
    const outcome = await establishSession(manager, REDIRECT_URI, at('https://app.example.com/settings/tokens'));
    expect(outcome).toEqual({ kind: 'signed-in', user });
    expect(manager.signinRedirect).not.toHaveBeenCalled();
  });

  it('renews an expired session with its refresh token', async () => {
    const renewed = fakeUser({ access_token: 'new' });
    const manager = fakeManager({
      getUser: vi.fn(async () => fakeUser({ expired: true })),
      signinSilent: vi.fn(async () => renewed),
    });
    const outcome = await establishSession(manager, REDIRECT_URI, at('https://app.example.com/settings/tokens'));
    expect(outcome).toEqual({ kind: 'signed-in', user: renewed });
  });

  it('signs in again, keeping the route, when renewing fails', async () => {
    const manager = fakeManager({
      getUser: vi.fn(async () => fakeUser({ expired: true })),
      signinSilent: vi.fn(async () => Promise.reject(new Error('invalid_grant'))),
    });
    const outcome = await establishSession(manager, REDIRECT_URI, at('https://app.example.com/settings/tokens'));
    expect(outcome).toEqual({ kind: 'redirecting' });
    expect(manager.removeUser).toHaveBeenCalled();
    expect(manager.signinRedirect).toHaveBeenCalledWith({ state: { returnTo: '/settings/tokens' } });
  });

  it('after signing out, clears the answer from the URL and signs in to the start page', async () => {
    const manager = fakeManager();
    const history = { replaceState: vi.fn() };
    await establishSession(manager, REDIRECT_URI, at('https://app.example.com/?state=s'), history);
    expect(manager.signoutRedirectCallback).toHaveBeenCalled();
    expect(history.replaceState).toHaveBeenCalledWith(null, '', '/');
    expect(manager.signinRedirect).toHaveBeenCalledWith({ state: { returnTo: '/' } });
  });
});

describe('signedInUserOf', () => {
  it('takes name, email and groups from the claims', () => {
    const user = fakeUser({
      profile: { sub: 's', iss: 'i', aud: 'a', exp: 0, iat: 0, name: 'Admin User', email: 'admin@example.com', groups: ['A', 'B'] },
    });
    expect(signedInUserOf(user)).toEqual({ name: 'Admin User', email: 'admin@example.com', groups: ['A', 'B'] });
  });

  it('falls back to the email when there is no name, and to no groups', () => {
    const user = fakeUser({ profile: { sub: 's', iss: 'i', aud: 'a', exp: 0, iat: 0, email: 'aws@example.com' } });
    expect(signedInUserOf(user)).toEqual({ name: 'aws@example.com', email: 'aws@example.com', groups: [] });
  });
});
