import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { AuthContext, type Auth } from './AuthContext';
import { SignInErrorPage, SigningInPage } from './AuthStatusPages';
import { signedInUserOf } from './signedInUser';
import { currentRoute, establishSession, redirectToSignIn, type SessionOutcome, type SessionUser } from './signInFlow';
import type { OidcManager } from './userManager';


type Status = { kind: 'pending' } | { kind: 'signed-in'; user: SessionUser } | { kind: 'error'; reason: string };

/** One session bootstrap per manager, so a second mount (React StrictMode) does not replay the callback. */
const sessions = new WeakMap<OidcManager, Promise<SessionOutcome>>();
/** Managers whose page is on its way to the provider: one redirect, however many 401s arrive. */
const redirecting = new WeakSet<OidcManager>();
/**
 * The renewal in flight per manager. Refresh tokens are single-use (the provider may revoke the whole grant when
 * one is replayed), so every caller that finds the session expiring or expired shares one renewal.
 */
const renewals = new WeakMap<OidcManager, Promise<SessionUser | null>>();

/** Renews the session with its refresh token, once at a time; `null` when it cannot be renewed. */
function renewSession(manager: OidcManager): Promise<SessionUser | null> {
  let renewal = renewals.get(manager);
  if (!renewal) {
    renewal = manager
      .getUser()
      .then((user) => (user?.refresh_token ? manager.signinSilent() : null))
      .then((user) => (user && !user.expired ? user : null))
      .catch(() => null)
      .finally(() => renewals.delete(manager));
    renewals.set(manager, renewal);
  }
  return renewal;
}

/** When the API answered 401 and the app sent the user to sign in again; a second 401 soon after is not a session problem. */
const REAUTH_KEY = 'token-settings:reauth-at';
const REAUTH_WINDOW_MS = 60_000;

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  return message ? `The identity provider answered: ${message}` : 'The identity provider could not be reached.';
}

interface AuthProviderProps {
  manager: OidcManager;
  redirectUri: string;
  children: ReactNode;
}

/**
 * Signs the user in before rendering `children`: a centered progress while signing in, a page with the reason
 * and "Try again" when it fails. Keeps the session fresh (renewing with the refresh token shortly before the
 * access token expires, and again if it expired anyway, e.g. after the computer slept) and signs in again, back to
 * the same route, only when renewing fails.
 */
export function AuthProvider({ manager, redirectUri, children }: AuthProviderProps) {
  const [status, setStatus] = useState<Status>({ kind: 'pending' });

  useEffect(() => {
    let session = sessions.get(manager);
    if (!session) {
      session = establishSession(manager, redirectUri);
      sessions.set(manager, session);
    }
    let active = true;
    session.then(
      (outcome) => {
        if (active && outcome.kind === 'signed-in') setStatus({ kind: 'signed-in', user: outcome.user });
      },
      (error: unknown) => {
        if (active) setStatus({ kind: 'error', reason: reasonOf(error) });
      },
    );
    return () => {
      active = false;
    };
  }, [manager, redirectUri]);

  const startSignIn = useCallback(
    (returnTo: string) => {
      if (redirecting.has(manager)) return;
      redirecting.add(manager);
      setStatus({ kind: 'pending' });
      manager
        .removeUser()
        .then(() => redirectToSignIn(manager, returnTo))
        .catch((error: unknown) => {
          redirecting.delete(manager);
          setStatus({ kind: 'error', reason: reasonOf(error) });
        });
    },
    [manager],
  );

  const signInAgain = useCallback(() => {
    const last = Number(window.sessionStorage.getItem(REAUTH_KEY) ?? 0);
    if (Date.now() - last < REAUTH_WINDOW_MS) {
      window.sessionStorage.removeItem(REAUTH_KEY);
      setStatus({
        kind: 'error',
        reason:
          'The API did not accept your sign-in (401) right after you signed in. Check that the API trusts this identity provider (REACT_APP_AUTHORITY) and client (REACT_APP_CLIENT_ID).',
      });
      return;
    }
    window.sessionStorage.setItem(REAUTH_KEY, String(Date.now()));
    startSignIn(currentRoute(window.location, redirectUri));
  }, [redirectUri, startSignIn]);

  useEffect(() => {
    const { events } = manager;
    const removers = [
      events.addUserLoaded((user) => setStatus({ kind: 'signed-in', user })),
      events.addAccessTokenExpiring(() => void renewSession(manager)),
      events.addAccessTokenExpired(() => {
        void renewSession(manager).then((renewed) => {
          if (!renewed) startSignIn(currentRoute(window.location, redirectUri));
        });
      }),
    ];
    return () => removers.forEach((remove) => remove());
  }, [manager, redirectUri, startSignIn]);

  const signOut = useCallback(async () => {
    redirecting.add(manager);
    setStatus({ kind: 'pending' });
    try {
      await manager.signoutRedirect();
    } catch {
      // The provider has no end-session endpoint: end the local session and start over.
      await manager.removeUser();
      window.location.assign(redirectUri);
    }
  }, [manager, redirectUri]);

  const getAccessToken = useCallback(async () => {
    const user = await manager.getUser();
    if (!user?.expired) return user?.access_token ?? null;
    // An expired token would only earn a 401 and a redirect: renew first when the session allows it.
    return (await renewSession(manager))?.access_token ?? user.access_token;
  }, [manager]);

  const user = status.kind === 'signed-in' ? status.user : null;
  const auth = useMemo<Auth | null>(
    () => (user ? { user: signedInUserOf(user), getAccessToken, signInAgain, signOut } : null),
    [user, getAccessToken, signInAgain, signOut],
  );

  if (status.kind === 'error') {
    return <SignInErrorPage reason={status.reason} onRetry={() => startSignIn(currentRoute(window.location, redirectUri))} />;
  }
  if (!auth) return <SigningInPage />;
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}
