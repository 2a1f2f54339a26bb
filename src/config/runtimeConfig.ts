/**
 * Runtime configuration read from `window._env_` (served as `/env-config.js` before the bundle), with the
 * variable names Terrakube's own UI uses, so an existing Terrakube deployment can serve this app unchanged, and
 * ours for HCP Terraform / Terraform Enterprise under the same prefix.
 */
import {
  anyText,
  httpUrl,
  oneOf,
  openidScope,
  organizationName,
  terrakubeApiUrl,
  tfeApiUrl,
} from './variableChecks';
import { createVariableReader, type ConfigProblem, type VariableReader } from './variableReader';

export type { ConfigProblem };

export type TokenBackend = 'terrakube' | 'tfe';
/** HCP Terraform's team tokens: several per team (current), or one that each new one replaces (legacy). */
export type TeamTokenMode = 'multiple' | 'single';

export interface OidcConfig {
  authority: string;
  clientId: string;
  redirectUri: string;
  scope: string;
}

export interface TerrakubeConfig {
  tokenBackend: 'terrakube';
  /** The JSON:API base, always ending in `/`, e.g. `https://api.example.com/api/v1/`. */
  apiUrl: string;
  /** The API origin, where the token API paths (`/pat/v1`, `/access-token/v1/teams`) live. */
  apiOrigin: string;
  /** The API host name with port when there is one, as Terraform CLI credentials name it. */
  apiHost: string;
  oidc: OidcConfig;
}

export interface TfeConfig {
  tokenBackend: 'tfe';
  /** The absolute `/api/v2/` base ending in `/`; a configured path is resolved against the page's origin. */
  apiUrl: string;
  /** The API URL's host (with port when there is one), as Terraform CLI credentials name it. */
  apiHost: string;
  /** The organization to show; `null` lets the user choose among theirs. */
  organization: string | null;
  /** `null`: detect which team-token API the server has. */
  teamTokens: TeamTokenMode | null;
  /** `null`: people sign in with a user API token instead of an identity provider. */
  oidc: OidcConfig | null;
}

export type RuntimeConfig = TerrakubeConfig | TfeConfig;

export type ConfigResult = { ok: true; config: RuntimeConfig } | { ok: false; problems: ConfigProblem[] };

export const CONFIG_VARIABLES = {
  tokenBackend: 'REACT_APP_TOKEN_BACKEND',
  apiUrl: 'REACT_APP_TERRAKUBE_API_URL',
  authority: 'REACT_APP_AUTHORITY',
  clientId: 'REACT_APP_CLIENT_ID',
  redirectUri: 'REACT_APP_REDIRECT_URI',
  scope: 'REACT_APP_SCOPE',
  tfeApiUrl: 'REACT_APP_TFE_API_URL',
  tfeOrganization: 'REACT_APP_TFE_ORGANIZATION',
  tfeTeamTokens: 'REACT_APP_TFE_TEAM_TOKENS',
} as const;

const TOKEN_BACKENDS: readonly TokenBackend[] = ['terrakube', 'tfe'];
const TEAM_TOKEN_MODES: readonly TeamTokenMode[] = ['multiple', 'single'];

function readOidc(reader: VariableReader): OidcConfig | undefined {
  const authority = reader.required(CONFIG_VARIABLES.authority, httpUrl('https://terrakube-dex.example.com/dex'));
  const clientId = reader.required(CONFIG_VARIABLES.clientId, anyText);
  const redirectUri = reader.required(CONFIG_VARIABLES.redirectUri, httpUrl('https://terrakube-ui.example.com/'));
  const scope = reader.required(CONFIG_VARIABLES.scope, openidScope);
  if (!authority || !clientId || !redirectUri || !scope) return undefined;
  return { authority, clientId, redirectUri, scope };
}

function readTerrakube(reader: VariableReader): TerrakubeConfig | undefined {
  const apiUrl = reader.required(CONFIG_VARIABLES.apiUrl, terrakubeApiUrl);
  const oidc = readOidc(reader);
  if (!apiUrl || !oidc) return undefined;
  return { tokenBackend: 'terrakube', apiUrl: apiUrl.href, apiOrigin: apiUrl.origin, apiHost: apiUrl.host, oidc };
}

function readTfe(reader: VariableReader, pageUrl: string): TfeConfig | undefined {
  const apiUrl = reader.required(CONFIG_VARIABLES.tfeApiUrl, tfeApiUrl(pageUrl));
  const organization = reader.optional(CONFIG_VARIABLES.tfeOrganization, organizationName);
  const teamTokens = reader.optional(CONFIG_VARIABLES.tfeTeamTokens, oneOf(TEAM_TOKEN_MODES));
  // An identity provider is optional here: without one, people sign in with a user API token.
  const oidc = reader.isSet(CONFIG_VARIABLES.authority) ? readOidc(reader) : null;
  if (!apiUrl || organization === undefined || teamTokens === undefined || oidc === undefined) return undefined;
  return { tokenBackend: 'tfe', apiUrl: apiUrl.href, apiHost: apiUrl.host, organization, teamTokens, oidc };
}

/**
 * Validates `window._env_` (or any value) and returns the config or every problem found, each naming its
 * variable. `pageUrl` resolves a relative HCP Terraform API path (a same-origin proxy).
 */
export function parseRuntimeConfig(env: unknown, pageUrl: string = window.location.href): ConfigResult {
  const isRecord = env !== null && typeof env === 'object';
  const reader = createVariableReader(isRecord ? (env as Record<string, unknown>) : {});
  if (!isRecord) {
    reader.problems.push({
      variable: 'window._env_',
      message: 'is not defined: /env-config.js did not load or does not set window._env_.',
    });
  }
  const backend = reader.optional(CONFIG_VARIABLES.tokenBackend, oneOf(TOKEN_BACKENDS));
  // An unknown backend: which other variables it needs is unknown too, so the backend is the one problem.
  const config =
    backend === undefined ? undefined : backend === 'tfe' ? readTfe(reader, pageUrl) : readTerrakube(reader);
  if (!config || reader.problems.length > 0) return { ok: false, problems: reader.problems };
  return { ok: true, config };
}

declare global {
  interface Window {
    _env_?: Record<string, string | undefined>;
  }
}

/** Reads and validates the configuration the page was served with. */
export function readRuntimeConfig(): ConfigResult {
  return parseRuntimeConfig(window._env_);
}
