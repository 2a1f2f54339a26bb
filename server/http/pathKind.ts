/** Which part of the server answers a request, and so which headers and error shape its answer has. */
export type PathKind = 'token-api' | 'json-api-v1' | 'json-api-v2' | 'graphql' | 'sign-in' | 'provider' | 'assets' | 'app';

const ABSOLUTE_FORM = /^[a-z][a-z\d+.-]*:\/\/[^/?#]*/i;

/**
 * Matched as the routers match it: on the raw path, in any case (Express routes `/PAT/v1` like `/pat/v1`), whole
 * segments only. Other paths under `/api` are no route, answered 404 in the token API's error shape.
 */
const KINDS: [RegExp, PathKind][] = [
  [/^\/api\/v1(\/|$)/i, 'json-api-v1'],
  [/^\/api\/v2(\/|$)/i, 'json-api-v2'],
  [/^\/graphql\/api\/v1(\/|$)/i, 'graphql'],
  [/^\/(pat|access-token|api)(\/|$)/i, 'token-api'],
  [/^\/oidc\/interaction(\/|$)/i, 'sign-in'],
  [/^\/oidc(\/|$)/i, 'provider'],
  [/^\/assets(\/|$)/i, 'assets'],
];

/** The path of a request target: a path or an absolute-form URL, with any query or fragment dropped. */
export function pathOfTarget(target: string): string {
  return target.replace(ABSOLUTE_FORM, '').split(/[?#]/, 1)[0] || '/';
}

/** The kind of a request target (`req.url`, `req.path` or the target of an unparsed request line). */
export function kindOfPath(target: string): PathKind {
  const path = pathOfTarget(target);
  return KINDS.find(([pattern]) => pattern.test(path))?.[1] ?? 'app';
}

/** The JSON APIs: nothing in their answers is ever rendered, run or cached. */
export const isApiKind = (kind: PathKind): boolean =>
  kind === 'token-api' || kind === 'json-api-v1' || kind === 'json-api-v2' || kind === 'graphql';

/** The answers in JSON:API's error shape. */
export const isJsonApiKind = (kind: PathKind): kind is 'json-api-v1' | 'json-api-v2' => kind === 'json-api-v1' || kind === 'json-api-v2';
