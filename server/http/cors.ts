import type { RequestHandler, Response } from 'express';
import { sendApiError } from './apiError';
import { sendJsonApiError } from './jsonApi';

/**
 * An http(s) origin as browsers write it in `Origin` (scheme and host in lower case, an IDN host in punycode, no
 * default port), from `scheme://host[:port]` with an optional trailing slash; `undefined` for anything else: a
 * path, query, fragment, user, wildcard or another scheme.
 */
export function browserOrigin(value: string): string | undefined {
  if (!/^https?:\/\/[^/?#@*\\\s]+\/?$/i.test(value)) return undefined;
  try {
    return new URL(value).origin;
  } catch {
    return undefined;
  }
}

type SendError = (res: Response, status: number, message: string) => void;

const sendGraphqlError: SendError = (res, status, message) => {
  res.status(status).json({ errors: [{ message }] });
};

/**
 * The APIs a UI served elsewhere calls, each with the error shape it answers in. Matched as the routers match:
 * in any case, whole segments. The app, `/env-config.js`, `/oidc` and `/api/v2` are not among them.
 */
const COVERED_PATHS: [RegExp, SendError][] = [
  [/^\/(pat|access-token)(\/|$)/i, sendApiError],
  [/^\/api\/v1(\/|$)/i, sendJsonApiError],
  [/^\/graphql\/api\/v1(\/|$)/i, sendGraphqlError],
];

/**
 * What the routes answer (HEAD comes with GET), and PATCH, which Terrakube's UI sends to change a team or an
 * organization, so that its refusal (a 405 saying they are read-only) reaches the page readably; the headers Terrakube's UI sends (axios with a bearer token and
 * a JSON:API Content-Type; Terrakube's own API allows Accept and Cache-Control too), If-None-Match and ETag, with
 * which a UI revalidates a token list it has (a 304 when unchanged), and the headers a caller reads on a 429 or 503
 * (when to retry) and a 401 (which scheme). Preflights are cached for an hour, as the
 * identity provider's are.
 */
const PREFLIGHT_HEADERS = {
  'Access-Control-Allow-Methods': 'GET, POST, PATCH, DELETE',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept, Cache-Control, If-None-Match',
  'Access-Control-Max-Age': '3600',
};
const EXPOSE_HEADERS = 'Retry-After, WWW-Authenticate, ETag';

const REFUSAL = 'This origin may not call the API from a browser: it is not one of the origins in the server setting CORS_ORIGINS.';

/**
 * CORS for UIs on other origins (CORS_ORIGINS), on the covered APIs only. An origin in the list, exactly as the
 * browser writes it, gets Access-Control-Allow-Origin on every answer and its preflight a 204 before any
 * authentication; any other origin gets no Access-Control-* header and its preflight a 403 in the API's error
 * shape. No credentials are allowed: the APIs take bearer tokens, never cookies. With an empty list nothing
 * changes. `Vary: Origin` keeps caches from giving one origin's answer to another.
 */
export function crossOriginAccess(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    const sendError = allowed.size > 0 ? COVERED_PATHS.find(([pattern]) => pattern.test(req.path))?.[1] : undefined;
    if (!sendError) {
      next();
      return;
    }
    res.vary('Origin');
    // A repeated Origin header arrives joined with ", " and so matches nothing; `null` is never in the list.
    const origin = req.get('Origin');
    const isAllowed = origin !== undefined && allowed.has(origin);
    const isPreflight = req.method === 'OPTIONS' && origin !== undefined && req.get('Access-Control-Request-Method') !== undefined;
    if (isAllowed) res.set('Access-Control-Allow-Origin', origin);
    if (!isPreflight) {
      if (isAllowed) res.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
      next();
    } else if (isAllowed) {
      res.set(PREFLIGHT_HEADERS).status(204).end();
    } else {
      sendError(res, 403, REFUSAL);
    }
  };
}
