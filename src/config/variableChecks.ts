import { Rejected, type Check } from './variableReader';

function httpUrlOf(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The URL as an API base: a trailing `/` (relative paths resolve under it), no query, no fragment. */
function asApiBase(url: URL): URL {
  const base = new URL(url);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  base.search = '';
  base.hash = '';
  return base;
}

export const httpUrl =
  (example: string): Check<string> =>
  (value) =>
    httpUrlOf(value) ? value : new Rejected(`must be an absolute http(s) URL, for example ${example}.`);

export const terrakubeApiUrl: Check<URL> = (value) => {
  const url = httpUrlOf(value);
  return url ? asApiBase(url) : new Rejected('must be an absolute http(s) URL, for example https://terrakube-api.example.com/api/v1/.');
};

export const openidScope: Check<string> = (value) => {
  const scopes = value.split(/\s+/);
  return scopes.includes('openid')
    ? scopes.join(' ')
    : new Rejected('must include "openid", for example "email openid profile offline_access groups".');
};

export const anyText: Check<string> = (value) => value;

const TFE_API_URL_FORMAT =
  'must be an absolute http(s) URL or a path starting with "/", for example https://app.terraform.io/api/v2/, or /api/v2/ behind a same-origin proxy.';

/**
 * HCP Terraform's API address: absolute, or a path on this page's origin (a same-origin proxy). A path may not
 * leave the origin (`//host/…`, `/\host/…`), and the address must be the `/api/v2/` base, which catches the
 * common slip of giving the site's address instead.
 */
export const tfeApiUrl =
  (pageUrl: string): Check<URL> =>
  (value) => {
    const isPath = value.startsWith('/');
    const absolute = isPath ? undefined : httpUrlOf(value);
    if (!isPath && !absolute) return new Rejected(TFE_API_URL_FORMAT);
    const url = asApiBase(absolute ?? new URL(value, pageUrl));
    if (isPath && (value.startsWith('//') || value.includes('\\') || url.origin !== new URL(pageUrl).origin)) {
      return new Rejected(TFE_API_URL_FORMAT);
    }
    if (!url.pathname.endsWith('/api/v2/')) {
      return new Rejected(`must end in /api/v2/, the API's base path, for example ${url.origin}/api/v2/.`);
    }
    return url;
  };

export const organizationName: Check<string> = (value) =>
  /^[A-Za-z0-9_-]+$/.test(value)
    ? value
    : new Rejected('must be an organization name: letters, digits, "-" and "_" only, for example "my-org".');

export const oneOf =
  <T extends string>(choices: readonly T[]): Check<T> =>
  (value) =>
    (choices as readonly string[]).includes(value)
      ? (value as T)
      : new Rejected(`must be ${choices.map((choice) => `"${choice}"`).join(' or ')}.`);
