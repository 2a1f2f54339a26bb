import type { User } from 'oidc-client-ts';

/** What the app reads of a session: oidc-client-ts's `User`, or the same fields read from storage without it. */
export type SessionUser = Pick<User, 'access_token' | 'refresh_token' | 'profile' | 'expired' | 'state'>;

/** The part of oidc-client-ts's `UserManager` the sign-in flow uses (a fake in unit tests). */
export interface SessionManager {
  getUser(): Promise<SessionUser | null>;
  signinRedirect(args: { state: SignInState }): Promise<void>;
  signinRedirectCallback(url: string): Promise<SessionUser>;
  signinSilent(): Promise<SessionUser | null>;
  signoutRedirectCallback(url: string): Promise<unknown>;
  removeUser(): Promise<void>;
}

/** What the app keeps in the OIDC `state` across the redirect to the provider. */
export interface SignInState {
  returnTo: string;
}

export type SessionOutcome = { kind: 'signed-in'; user: SessionUser } | { kind: 'redirecting' };

interface PageLocation {
  href: string;
  pathname: string;
  search: string;
  hash: string;
}

function atRedirectPath(location: PageLocation, redirectUri: string): boolean {
  return new URL(redirectUri, location.href).pathname === location.pathname;
}

/** The provider sent the browser back with a sign-in answer (`?code=…&state=…` or `?error=…&state=…`). */
export function isSignInCallback(location: PageLocation, redirectUri: string): boolean {
  const params = new URLSearchParams(location.search);
  return atRedirectPath(location, redirectUri) && params.has('state') && (params.has('code') || params.has('error'));
}

/** The provider sent the browser back after signing out (`?state=…` alone). */
export function isSignOutCallback(location: PageLocation, redirectUri: string): boolean {
  const params = new URLSearchParams(location.search);
  return atRedirectPath(location, redirectUri) && params.has('state') && !params.has('code') && !params.has('error');
}

/** A same-origin path to go back to; anything else (absolute URLs, `//host`) becomes `/`. */
export function safeReturnTo(value: unknown): string {
  const returnTo = value && typeof value === 'object' ? (value as Partial<SignInState>).returnTo : undefined;
  if (typeof returnTo !== 'string' || !returnTo.startsWith('/') || returnTo.startsWith('//') || returnTo.includes('\\')) {
    return '/';
  }
  return returnTo;
}

/** The route the user is on, to come back to after signing in; `/` while on a callback URL. */
export function currentRoute(location: PageLocation, redirectUri: string): string {
  if (isSignInCallback(location, redirectUri) || isSignOutCallback(location, redirectUri)) return '/';
  return `${location.pathname}${location.search}${location.hash}`;
}

export function redirectToSignIn(manager: SessionManager, returnTo: string): Promise<void> {
  const state: SignInState = { returnTo: safeReturnTo({ returnTo }) };
  return manager.signinRedirect({ state });
}

/**
 * Establishes the session on page load: completes a sign-in callback (and puts the route the user wanted back
 * in the address bar with `replace`), reuses a stored session, renews an expired one with its refresh token,
 * or sends the browser to the provider keeping the current route in the OIDC state.
 */
export async function establishSession(
  manager: SessionManager,
  redirectUri: string,
  location: PageLocation = window.location,
  history: Pick<History, 'replaceState'> = window.history,
): Promise<SessionOutcome> {
  if (isSignInCallback(location, redirectUri)) {
    const user = await manager.signinRedirectCallback(location.href);
    history.replaceState(null, '', safeReturnTo(user.state));
    return { kind: 'signed-in', user };
  }
  let returnTo = currentRoute(location, redirectUri);
  if (isSignOutCallback(location, redirectUri)) {
    await manager.signoutRedirectCallback(location.href).catch(() => undefined);
    history.replaceState(null, '', '/');
    returnTo = '/';
  }

  const stored = await manager.getUser();
  if (stored && !stored.expired) return { kind: 'signed-in', user: stored };
  if (stored?.refresh_token) {
    const renewed = await manager.signinSilent().catch(() => null);
    if (renewed && !renewed.expired) return { kind: 'signed-in', user: renewed };
  }
  if (stored) await manager.removeUser();

  await redirectToSignIn(manager, returnTo);
  return { kind: 'redirecting' };
}
