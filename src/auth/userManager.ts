import type { UserManager } from 'oidc-client-ts';
import type { OidcConfig } from '../config';
import type { SessionManager, SessionUser } from './signInFlow';
import { readStoredSession, sessionTimers, storedSessionKey } from './storedSession';

/** The part of oidc-client-ts's `UserManager` AuthProvider uses. */
export interface OidcManager extends SessionManager {
  signoutRedirect(): Promise<void>;
  events: {
    addUserLoaded(callback: (user: SessionUser) => void): () => void;
    addAccessTokenExpiring(callback: () => void): () => void;
    addAccessTokenExpired(callback: () => void): () => void;
  };
}

/**
 * The OIDC client: authorization code + PKCE, renewal with the refresh token (driven by AuthProvider), the OIDC
 * session kept in sessionStorage (it ends with the tab). API token secrets are never stored anywhere.
 */
async function loadUserManager(config: OidcConfig): Promise<UserManager> {
  const { UserManager, WebStorageStateStore } = await import('oidc-client-ts');
  return new UserManager({
    authority: config.authority,
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    post_logout_redirect_uri: config.redirectUri,
    response_type: 'code',
    scope: config.scope,
    // AuthProvider renews the session itself, so that only one refresh is ever in flight.
    automaticSilentRenew: false,
    monitorSession: false,
    // Dex and the embedded provider put `name`, `email` and `groups` in the ID token. Userinfo is not asked:
    // access tokens issued for the API's audience are not accepted there.
    loadUserInfo: false,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

type Listeners<T extends unknown[]> = Set<(...args: T) => void>;

function subscribe<T extends unknown[]>(listeners: Listeners<T>, callback: (...args: T) => void): () => void {
  listeners.add(callback);
  return () => listeners.delete(callback);
}

/**
 * oidc-client-ts's `UserManager`, loaded when it is needed. A page load with a valid session in storage (every
 * signed-in reload and deep link) reads it as the library would and sets the library's access-token timers, without
 * downloading the library; signing in, renewing, signing out and anything unusual in storage load it, and from
 * then on it does everything, its timers and events included.
 */
export function createUserManager(config: OidcConfig): OidcManager {
  const key = storedSessionKey(config.authority, config.clientId);
  const userLoaded: Listeners<[SessionUser]> = new Set();
  const expiring: Listeners<[]> = new Set();
  const expired: Listeners<[]> = new Set();
  let loading: Promise<UserManager> | null = null;
  let timers: { expiresAt: number; stop: () => void } | null = null;

  const library = (): Promise<UserManager> => {
    loading ??= loadUserManager(config).then(
      (manager) => {
        manager.events.addUserLoaded((user) => userLoaded.forEach((callback) => callback(user)));
        manager.events.addAccessTokenExpiring(() => expiring.forEach((callback) => callback()));
        manager.events.addAccessTokenExpired(() => expired.forEach((callback) => callback()));
        if (timers) {
          // Its own timers take over from those set for it: loading the session sets them.
          timers.stop();
          timers = null;
          void manager.getUser().catch(() => null);
        }
        return manager;
      },
      (error: unknown) => {
        // A failed download is tried again by the next call (Try again on the sign-in error page).
        loading = null;
        throw error;
      },
    );
    return loading;
  };

  // Without a session to reuse, signing in starts at once and needs the library: its download starts now.
  if (!readStoredSession(window.sessionStorage, key)) void library().catch(() => undefined);

  return {
    async getUser() {
      const session = loading ? null : readStoredSession(window.sessionStorage, key);
      if (!session) return (await library()).getUser();
      if (timers?.expiresAt !== session.expiresAt) {
        timers?.stop();
        const stop = sessionTimers(
          session,
          () => expiring.forEach((callback) => callback()),
          () => expired.forEach((callback) => callback()),
        );
        timers = { expiresAt: session.expiresAt, stop };
      }
      return session;
    },
    signinRedirect: async (args) => (await library()).signinRedirect(args),
    signinRedirectCallback: async (url) => (await library()).signinRedirectCallback(url),
    signinSilent: async () => (await library()).signinSilent(),
    signoutRedirectCallback: async (url) => (await library()).signoutRedirectCallback(url),
    removeUser: async () => (await library()).removeUser(),
    signoutRedirect: async () => (await library()).signoutRedirect(),
    events: {
      addUserLoaded: (callback) => subscribe(userLoaded, callback),
      addAccessTokenExpiring: (callback) => subscribe(expiring, callback),
      addAccessTokenExpired: (callback) => subscribe(expired, callback),
    },
  };
}
