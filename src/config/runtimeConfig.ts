/**
 * Runtime configuration read from `window._env_` (served as `/env-config.js` before the bundle), with the
 * variable names Terrakube's own UI uses, so an existing Terrakube deployment can serve this app unchanged.
 */
export type TokenBackend = 'terrakube';

export interface RuntimeConfig {
  /** The JSON:API base, always ending in `/`, e.g. `https://api.example.com/api/v1/`. */
  apiUrl: string;
  /** The API origin, where the token API paths (`/pat/v1`, `/access-token/v1/teams`) live. */
  apiOrigin: string;
  /** The API host name with port when there is one, as Terraform CLI credentials name it. */
  apiHost: string;
  authority: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  tokenBackend: TokenBackend;
}

export interface ConfigProblem {
  variable: string;
  message: string;
}

export type ConfigResult = { ok: true; config: RuntimeConfig } | { ok: false; problems: ConfigProblem[] };

export const CONFIG_VARIABLES = {
  apiUrl: 'REACT_APP_TERRAKUBE_API_URL',
  authority: 'REACT_APP_AUTHORITY',
  clientId: 'REACT_APP_CLIENT_ID',
  redirectUri: 'REACT_APP_REDIRECT_URI',
  scope: 'REACT_APP_SCOPE',
  tokenBackend: 'REACT_APP_TOKEN_BACKEND',
} as const;

const MISSING = 'is missing or empty.';
const BACKEND_MESSAGE = 'must be "terrakube" or "tfe".';

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Each variable's check: the trimmed value, or the problem with it. Hand-written: it runs before anything renders. */
type Check = (value: string) => string | undefined;

const httpUrl =
  (example: string): Check =>
  (value) =>
    isHttpUrl(value) ? undefined : `must be an absolute http(s) URL, for example ${example}.`;

const REQUIRED_CHECKS: Record<Exclude<keyof typeof CONFIG_VARIABLES, 'tokenBackend'>, Check> = {
  apiUrl: httpUrl('https://terrakube-api.example.com/api/v1/'),
  authority: httpUrl('https://terrakube-dex.example.com/dex'),
  clientId: () => undefined,
  redirectUri: httpUrl('https://terrakube-ui.example.com/'),
  scope: (value) =>
    value.split(/\s+/).includes('openid')
      ? undefined
      : 'must include "openid", for example "email openid profile offline_access groups".',
};

function checkBackend(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const backend = typeof value === 'string' ? value.trim() : value;
  if (backend === '' || backend === 'terrakube') return undefined;
  if (backend === 'tfe') {
    return 'is "tfe", but the HCP Terraform / Terraform Enterprise backend is not available yet; use "terrakube".';
  }
  return BACKEND_MESSAGE;
}

/** Validates `window._env_` (or any value) and returns the config or every problem found, each naming its variable. */
export function parseRuntimeConfig(env: unknown): ConfigResult {
  const problems: ConfigProblem[] = [];
  if (env === null || typeof env !== 'object') {
    problems.push({
      variable: 'window._env_',
      message: 'is not defined: /env-config.js did not load or does not set window._env_.',
    });
  }
  const record = (env ?? {}) as Record<string, unknown>;
  const values: Partial<Record<keyof typeof REQUIRED_CHECKS, string>> = {};
  for (const [key, check] of Object.entries(REQUIRED_CHECKS) as [keyof typeof REQUIRED_CHECKS, Check][]) {
    const variable = CONFIG_VARIABLES[key];
    const raw = record[variable];
    const value = typeof raw === 'string' ? raw.trim() : '';
    const problem = value === '' ? MISSING : check(value);
    if (problem) problems.push({ variable, message: problem });
    else values[key] = value;
  }
  const backendProblem = checkBackend(record[CONFIG_VARIABLES.tokenBackend]);
  if (backendProblem) problems.push({ variable: CONFIG_VARIABLES.tokenBackend, message: backendProblem });

  const { apiUrl: rawApiUrl, authority, clientId, redirectUri, scope } = values;
  if (problems.length > 0 || !rawApiUrl || !authority || !clientId || !redirectUri || !scope) return { ok: false, problems };

  const apiUrl = new URL(rawApiUrl);
  if (!apiUrl.pathname.endsWith('/')) apiUrl.pathname += '/';
  apiUrl.search = '';
  apiUrl.hash = '';
  return {
    ok: true,
    config: {
      apiUrl: apiUrl.toString(),
      apiOrigin: apiUrl.origin,
      apiHost: apiUrl.host,
      authority,
      clientId,
      redirectUri,
      scope: scope.split(/\s+/).join(' '),
      tokenBackend: 'terrakube',
    },
  };
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
