/**
 * Route matching as pure functions: which route of a list a pathname selects, and with which parameters.
 * Patterns are relative to the app's root (`settings/tokens`, `organizations/:orgId/settings/teams`); a pattern of
 * `*` matches anything. Literal segments match regardless of case and a trailing slash is ignored, as links and
 * typed addresses vary in both.
 */

export type Params = Readonly<Record<string, string>>;

/**
 * A path segment as text: percent-decoded, so `%2F` in an id is a `/` of that id, not a separator. A segment that
 * is not valid percent-encoding (`%E0`, `%zz`) is kept as written rather than thrown on: it then matches no
 * literal segment, and a parameter holds it as it came.
 */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The raw segments of a pathname: split on its real slashes (never on decoded `%2F`), no empty ones at the ends. */
export function pathSegments(pathname: string): string[] {
  const trimmed = pathname.replace(/^\/+/, '').replace(/\/+$/, '');
  return trimmed === '' ? [] : trimmed.split('/');
}

/** The parameters `pattern` gives `pathname`, or `null` when it does not match it. */
export function matchPattern(pattern: string, pathname: string): Params | null {
  if (pattern === '*') return {};
  const wanted = pathSegments(pattern);
  const actual = pathSegments(pathname);
  if (wanted.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < wanted.length; i++) {
    const part = wanted[i]!;
    const value = decodeSegment(actual[i]!);
    if (part.startsWith(':')) {
      // An empty segment (`//`) names nothing.
      if (value === '') return null;
      params[part.slice(1)] = value;
    } else if (part.toLowerCase() !== value.toLowerCase()) {
      return null;
    }
  }
  return params;
}

export interface RouteMatch<Route> {
  route: Route;
  params: Params;
}

/** The first of `routes` whose pattern (`index` for the root) matches `pathname`. */
export function matchRoutes<Route extends { path?: string; index?: boolean }>(
  routes: readonly Route[],
  pathname: string,
): RouteMatch<Route> | null {
  for (const route of routes) {
    const params = route.index ? (pathSegments(pathname).length === 0 ? {} : null) : matchPattern(route.path ?? '*', pathname);
    if (params) return { route, params };
  }
  return null;
}

/** Where a link or redirect goes: `{ pathname, search }` or a string, resolved against the current pathname. */
export type To = string | { pathname?: string; search?: string; hash?: string };

export interface Href {
  pathname: string;
  search: string;
  hash: string;
}

const BASE = 'http://app.invalid';

/** The location `to` names, seen from `from`, with `search` and `hash` as `?…` and `#…` (or empty). */
export function resolveTo(to: To, from: string): Href {
  const relative =
    typeof to === 'string' ? to : `${to.pathname ?? from}${withPrefix('?', to.search ?? '')}${withPrefix('#', to.hash ?? '')}`;
  const url = new URL(relative, `${BASE}${from.startsWith('/') ? from : `/${from}`}`);
  return { pathname: url.pathname, search: url.search, hash: url.hash };
}

function withPrefix(prefix: string, part: string): string {
  if (part === '' || part === prefix) return '';
  return part.startsWith(prefix) ? part : `${prefix}${part}`;
}

export const hrefOf = (href: Href) => `${href.pathname}${href.search}${href.hash}`;

/** Whether a navigation link to `target` is the current page: the same path, or (unless `end`) a page below it. */
export function isActivePath(target: string, pathname: string, end = false): boolean {
  const want = pathSegments(target).map((segment) => decodeSegment(segment).toLowerCase());
  const have = pathSegments(pathname).map((segment) => decodeSegment(segment).toLowerCase());
  if (end ? have.length !== want.length : have.length < want.length) return false;
  return want.every((segment, i) => segment === have[i]);
}
