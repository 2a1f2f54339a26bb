import { readFileSync } from 'node:fs';
import type { Config } from '../config';
import { CLIENT_ID, OIDC_PATH } from '../oidc/identityProvider';

export type AppFlavor = Pick<Config, 'tokenBackend' | 'tfeTeamTokens' | 'tfeSignIn' | 'terrakubeVersion'>;

const TERRAKUBE_FLAVOR: AppFlavor = { tokenBackend: 'terrakube', tfeTeamTokens: 'multiple', tfeSignIn: 'oidc', terrakubeVersion: undefined };

/** This product's version from its package.json, read once when the server starts. */
function productVersion(): string {
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  if (typeof version !== 'string' || !version) throw new Error('package.json has no version');
  return version;
}

/** What Terrakube's UI shows in its footer ("Terrakube v…") unless TERRAKUBE_VERSION says otherwise. */
export const PRODUCT_VERSION = `v${productVersion()}`;

/**
 * `window._env_` with Terrakube's variable names, so the same build runs against a real Terrakube. The `tfe`
 * flavor points the app at this server's `/api/v2` instead, leaves the organization for the person to pick, and
 * with TFE_SIGN_IN=token leaves out the OIDC settings, so the app asks for a user API token.
 */
export function envConfig(publicUrl: string, flavor: AppFlavor = TERRAKUBE_FLAVOR): Record<string, string> {
  const signIn = {
    REACT_APP_AUTHORITY: `${publicUrl}${OIDC_PATH}`,
    REACT_APP_CLIENT_ID: CLIENT_ID,
    REACT_APP_REDIRECT_URI: `${publicUrl}/`,
    REACT_APP_SCOPE: 'email openid profile offline_access groups',
  };
  return flavor.tokenBackend === 'terrakube'
    ? {
        REACT_APP_TERRAKUBE_API_URL: `${publicUrl}/api/v1/`,
        ...signIn,
        REACT_APP_TOKEN_BACKEND: 'terrakube',
        REACT_APP_TERRAKUBE_VERSION: flavor.terrakubeVersion ?? PRODUCT_VERSION,
      }
    : {
        REACT_APP_TOKEN_BACKEND: 'tfe',
        REACT_APP_TFE_API_URL: `${publicUrl}/api/v2/`,
        REACT_APP_TFE_TEAM_TOKENS: flavor.tfeTeamTokens,
        ...(flavor.tfeSignIn === 'oidc' ? signIn : {}),
      };
}

/** The variables that are URLs the app calls or returns to; the others (version, scope, …) are plain text. */
export const isUrlVariable = (name: string): boolean => /_(URL|URI|AUTHORITY)$/.test(name);

/** `/env-config.js`: sets `window._env_` before the app's bundle runs. */
export function envConfigScript(publicUrl: string, flavor?: AppFlavor): string {
  return `window._env_ = ${JSON.stringify(envConfig(publicUrl, flavor), null, 2)};\n`;
}
