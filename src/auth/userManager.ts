import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { OidcConfig } from '../config';

/**
 * The OIDC client: authorization code + PKCE, renewal with the refresh token (driven by AuthProvider), the OIDC
 * session kept in sessionStorage (it ends with the tab). API token secrets are never stored anywhere.
 */
export function createUserManager(config: OidcConfig): UserManager {
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
