import Provider, { type Configuration, type ErrorOut, type KoaContextWithOIDC } from 'oidc-provider';
import type { JWK } from 'jose';
import type { Database } from '../db/database';
import { escapeHtml, htmlPage } from '../http/html';
import { GRANT_CLAIM } from '../auth/providerAccessTokens';
import { databaseAdapterFactory, isGrantActive, purgeExpiredProviderRows } from './databaseAdapter';
import { findDemoUser } from './demoUsers';
import { ACCESS_TOKEN_ALGORITHM, loadProviderKeys, publicKeysOf } from './keys';
import { attachProviderHooks } from './providerHooks';

export const CLIENT_ID = 'token-settings';
export const OIDC_PATH = '/oidc';
export const SCOPES = 'openid email profile groups offline_access';

const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const LONG_TTL_SECONDS = 14 * 24 * 60 * 60;

export interface IdentityProvider {
  provider: Provider;
  issuer: string;
  /** The `aud` of access tokens meant for this server's APIs. */
  audience: string;
  publicKeys: JWK[];
  /** Whether a sign-in's grant still stands: sign-out, revocation and a replayed code delete it. */
  isGrantActive(grantId: string): Promise<boolean>;
}

export interface IdentityProviderOptions {
  now?: () => Date;
  /** Origins of UIs served elsewhere (CORS_ORIGINS) that sign in here too: each one's `/` is a redirect URI. */
  uiOrigins?: readonly string[];
}

/** The embedded OpenID Connect provider, with the SPA as its one first-party public client. */
export async function createIdentityProvider(
  db: Database,
  publicUrl: string,
  { now = () => new Date(), uiOrigins = [] }: IdentityProviderOptions = {},
): Promise<IdentityProvider> {
  const { signingKeys, cookieKeys } = await loadProviderKeys(db);
  // Expired sessions, codes and tokens are never read again: dropped at each start, and while running.
  await purgeExpiredProviderRows(db, now());
  const issuer = `${publicUrl}${OIDC_PATH}`;
  const audience = `${publicUrl}/`;
  const appOrigins = new Set([new URL(publicUrl).origin, ...uiOrigins]);
  // The app on PUBLIC_URL first, as the server writes it (a HOST in capitals stays so), then the UIs elsewhere.
  const appUrls = [...new Set([`${publicUrl}/`, ...[...appOrigins].map((origin) => `${origin}/`)])];

  const configuration: Configuration = {
    adapter: databaseAdapterFactory(db, { now }),
    jwks: { keys: signingKeys as NonNullable<Configuration['jwks']>['keys'] },
    // Lax, not the default None, for the long-lived session cookie too: the provider is only ever reached by
    // top-level navigation from the app, never from another site's frame or form. Secure follows the request's
    // protocol (PUBLIC_URL's, or without it the trusted proxy's), which the provider checks itself.
    cookies: {
      keys: cookieKeys,
      long: { httpOnly: true, sameSite: 'lax' },
      short: { httpOnly: true, sameSite: 'lax' },
    },
    clients: [
      {
        client_id: CLIENT_ID,
        client_name: 'Terrakube token settings',
        token_endpoint_auth_method: 'none',
        application_type: 'web',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: appUrls,
        post_logout_redirect_uris: appUrls,
      },
    ],
    scopes: SCOPES.split(' '),
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    // The SPA reads the user from the ID token: put the scope claims there, not only in userinfo.
    conformIdTokenClaims: false,
    async findAccount(_ctx, sub) {
      const user = findDemoUser(sub);
      if (!user) return undefined;
      return {
        accountId: user.email,
        claims: () => ({ sub: user.email, email: user.email, email_verified: true, name: user.name, groups: user.groups }),
      };
    },
    interactions: { url: (_ctx, interaction) => `${OIDC_PATH}/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    // Browsers send an Origin header even on same-origin token requests: allow the app's own origin and the
    // UIs listed in CORS_ORIGINS only.
    clientBasedCORS: (_ctx, origin) => appOrigins.has(origin),
    // A first-party app: consent is implied, and offline_access is granted without prompt=consent so the SPA
    // can renew silently with its refresh token.
    async loadExistingGrant(ctx) {
      const { client, session, result } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      const existing = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      if (existing) return existing;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(SCOPES);
      grant.addResourceScope(audience, 'api');
      await grant.save();
      return grant;
    },
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    async extraTokenClaims(_ctx, token) {
      if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
      const user = findDemoUser(token.accountId);
      if (!user) return undefined;
      // The grant, so that an API call can tell whether the sign-in still stands.
      return { email: user.email, name: user.name, groups: user.groups, [GRANT_CLAIM]: token.grantId };
    },
    // Signing out ends the app's grant, and with it every token, although the app holds offline_access (which
    // it asks for only to renew silently): by default the provider keeps such grants past sign-out.
    expiresWithSession: async () => true,
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      // Access tokens are JWTs for one resource, this server, so its APIs can verify them with the public keys.
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => audience,
        useGrantedResource: async () => true,
        getResourceServerInfo: async () => ({
          scope: 'api',
          audience,
          accessTokenTTL: ACCESS_TOKEN_TTL_SECONDS,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: ACCESS_TOKEN_ALGORITHM } },
        }),
      },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
    },
    ttl: {
      AccessToken: ACCESS_TOKEN_TTL_SECONDS,
      AuthorizationCode: 60,
      IdToken: ACCESS_TOKEN_TTL_SECONDS,
      Interaction: 60 * 60,
      Session: LONG_TTL_SECONDS,
      Grant: LONG_TTL_SECONDS,
      RefreshToken: LONG_TTL_SECONDS,
    },
    renderError,
  };

  const provider = new Provider(issuer, configuration);
  const publicKeys = publicKeysOf(signingKeys);
  attachProviderHooks(provider, db, { issuer, audience, publicKeys }, now);
  return { provider, issuer, audience, publicKeys, isGrantActive: (grantId) => isGrantActive(db, grantId, now()) };
}

/**
 * Signing out needs no extra click: the provider's confirmation form is submitted at once (with a button for
 * browsers without JavaScript), which ends the session and redirects to the post-logout redirect URI.
 */
async function logoutSource(ctx: KoaContextWithOIDC, form: string): Promise<void> {
  const confirmedForm = form.replace('</form>', '<input type="hidden" name="logout" value="yes"></form>');
  ctx.type = 'html';
  ctx.body = htmlPage(
    'Signing out',
    `<h1>Signing out</h1>
${confirmedForm}
<noscript><button type="submit" form="op.logoutForm">Sign out</button></noscript>`,
    { submitForm: true },
  );
}

async function postLogoutSuccessSource(ctx: KoaContextWithOIDC): Promise<void> {
  ctx.type = 'html';
  ctx.body = htmlPage('Signed out', '<h1>Signed out</h1>\n<p>You have been signed out.</p>');
}

async function renderError(ctx: KoaContextWithOIDC, out: ErrorOut): Promise<void> {
  ctx.type = 'html';
  const detail = out.error_description ?? out.error;
  ctx.body = htmlPage(
    'Sign-in error',
    `<h1>Sign-in error</h1>\n<p role="alert">${escapeHtml(detail)}</p>\n<p><a href="/">Back to the app</a></p>`,
  );
}
